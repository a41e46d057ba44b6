import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';

// One chart of the dashboard (ADR 0018): a heading, a text summary, and the chart (Observable Plot, SVG with an
// aria-label and description, values labelled directly, lines told apart by dash and marker shape, not by colour
// alone) or its table — one button switches between them.

export function ChartCard({ id, title, summary, plot, table }: { id: string; title: string; summary: string; plot: () => SVGSVGElement | HTMLElement; table: ReactNode }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (asTable || !ref.current) return;
    const el = plot();
    // One accessible image per chart: Plot labels groups and dots with aria-label, which ARIA allows only with a role;
    // the values are in the summary and the table view, so the parts are left unlabelled and the whole is an image.
    const svg = el instanceof SVGSVGElement ? el : el.querySelector('svg');
    for (const part of Array.from(el.querySelectorAll('[aria-label], [aria-description]'))) {
      if (part === svg) continue;
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', title);
    }
    ref.current.replaceChildren(el);
    return () => el.remove();
  }, [asTable, plot, title]);
  return (
    <section className="app-chart" aria-labelledby={`${id}-heading`} id={id}>
      <div className="app-chart__head">
        <Heading level={2} id={`${id}-heading`}>
          {title}
        </Heading>
        <Button appearance="secondary" aria-pressed={asTable} aria-controls={`${id}-view`} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('programmes.showChart') : t('programmes.showTable')}
        </Button>
      </div>
      <p className="utrecht-paragraph" id={`${id}-summary`}>
        {summary}
      </p>
      <div id={`${id}-view`}>{asTable ? table : <figure ref={ref} className="app-chart__plot" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-summary`} />}</div>
    </section>
  );
}

export interface Bar {
  label: string;
  value: number | null;
}

/** Horizontal bars, each value written at its end; a hidden value is written out ("onderdrukt"), not drawn. */
export function barPlot(bars: Bar[], suppressedText: string, ariaLabel: string, locale: string): SVGSVGElement | HTMLElement {
  const data = bars.map((b) => ({ label: b.label, value: b.value ?? 0, text: b.value === null ? suppressedText : b.value.toLocaleString(locale) }));
  return Plot.plot({
    ariaLabel,
    marginLeft: 240,
    marginRight: 110,
    height: 32 * data.length + 40,
    width: 720,
    style: { fontSize: '14px', color: '#1a1a1a', background: 'transparent' },
    x: { label: null, grid: true, tickFormat: (d: number) => d.toLocaleString(locale) },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'value', y: 'label', fill: '#0b5fa5', ariaLabel: (d: { label: string; text: string }) => `${d.label}: ${d.text}` }),
      Plot.text(data, { x: 'value', y: 'label', text: 'text', textAnchor: 'start', dx: 6, fill: '#1a1a1a', fontWeight: 'bold' }),
      Plot.ruleX([0]),
    ],
  });
}

export interface Line {
  key: string;
  label: string;
  points: Array<{ month: string; value: number | null }>;
  dashed: boolean;
  symbol: 'circle' | 'square';
  color: string;
}

/** Cumulative lines over months, each labelled at its last point; markers and dash patterns besides colour. */
export function linePlot(lines: Line[], ariaLabel: string, locale: string): SVGSVGElement | HTMLElement {
  // Months in the page's language ("maart 2026", axis "mrt"), never ISO or d3's English names.
  const monthLong = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const tick = (d: Date) => (d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : monthShort.format(d).replace('.', ''));
  const data = lines.flatMap((l) => l.points.filter((p) => p.value !== null).map((p) => ({ ...p, date: new Date(`${p.month}-01T00:00:00Z`), line: l.key })));
  const marks = lines.flatMap((l) => {
    const own = data.filter((d) => d.line === l.key);
    const last = own[own.length - 1];
    return [
      Plot.line(own, { x: 'date', y: 'value', stroke: l.color, strokeWidth: l.dashed ? 2 : 3, strokeDasharray: l.dashed ? '6,4' : undefined }),
      Plot.dot(own, { x: 'date', y: 'value', fill: l.color, symbol: l.symbol, r: 4, ariaLabel: (d: { date: Date; value: number }) => `${l.label}, ${monthLong.format(d.date)}: ${d.value.toLocaleString(locale)}` }),
      ...(last ? [Plot.text([last], { x: 'date', y: 'value', text: () => `${l.label} ${last.value!.toLocaleString(locale)}`, textAnchor: 'start', dx: 8, fill: '#1a1a1a', fontWeight: 'bold' })] : []),
    ];
  });
  return Plot.plot({
    ariaLabel,
    width: 760,
    height: 320,
    marginRight: 170,
    marginLeft: 56,
    style: { fontSize: '14px', color: '#1a1a1a', background: 'transparent' },
    x: { type: 'utc', label: null, tickFormat: tick },
    y: { label: null, grid: true, zero: true, tickFormat: (d: number) => d.toLocaleString(locale) },
    marks: [Plot.ruleY([0]), ...marks],
  });
}
