import { dutchDateLong } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import { taggedPdf, type TaggedPdf } from '../../platform/pdf/tagged-pdf.ts';
import { monthName } from './dashboard.rules.ts';
import { dashboardTables, SUPPRESSED, type Cell } from './dashboard.tables.ts';
import type { Dashboard } from './programmes.schema.ts';

/**
 * The council report (raadsrapportage) as a tagged, accessible PDF in Dutch (issue 12, PA-027): a summary, the
 * progress chart and two bar charts drawn as vector graphics (each a tagged Figure with alternative text, lines
 * told apart by dash pattern and marker shape as well as colour, every value labelled directly), and every table of
 * the dashboard. Built from the same Dashboard the web shows (frozen for a past month), so the numbers are equal.
 */

const INK = '#1a1a1a';
const BLUE = '#0b5fa5';
const GREY = '#6b6b6b';

const nl = (n: number) => n.toLocaleString('nl-NL');
const cellText = (c: Cell) => (c === null ? '' : typeof c === 'number' ? c.toLocaleString('nl-NL') : c);

/** A new page when less than `height` points are left (a heading stays with its chart). */
function ensureSpace(pdf: TaggedPdf, height: number) {
  const { doc } = pdf;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function figure(pdf: TaggedPdf, alt: string, height: number, draw: (x: number, y: number, w: number, h: number) => void) {
  const { doc, root } = pdf;
  if (doc.y + height + 20 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const x = doc.page.margins.left;
  const y = doc.y;
  const w = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const fig = doc.struct('Figure', { alt }, () => {
    doc.save();
    draw(x, y, w, height);
    doc.restore();
  });
  root.add(fig);
  doc.x = x;
  doc.y = y + height + 12;
}

/** Cumulative outflow (solid, round markers) against the baseline (dashed, square markers), with the goal. */
function progressChart(pdf: TaggedPdf, d: Dashboard) {
  const pts = d.progress.points;
  const shown = pts.filter((p) => p.outflow !== null);
  const alt = `Lijngrafiek: ${d.summary}`;
  figure(pdf, alt, 230, (x0, y0, w, h) => {
    const { doc } = pdf;
    const left = x0 + 44;
    const right = x0 + w - 90;
    const top = y0 + 10;
    const bottom = y0 + h - 28;
    const max = Math.max(10, ...pts.map((p) => Math.max(p.outflow ?? 0, p.baseline ?? 0)));
    const step = Math.pow(10, Math.floor(Math.log10(max)));
    const yMax = Math.ceil(max / step) * step;
    const X = (i: number) => left + (pts.length <= 1 ? 0 : (i * (right - left)) / (pts.length - 1));
    const Y = (v: number) => bottom - (v / yMax) * (bottom - top);
    doc.font('Body').fontSize(8).fillColor(INK).strokeColor('#cccccc').lineWidth(0.5);
    for (let t = 0; t <= 4; t++) {
      const v = (yMax * t) / 4;
      doc.moveTo(left, Y(v)).lineTo(right, Y(v)).stroke();
      doc.text(nl(v), x0, Y(v) - 4, { width: 40, align: 'right', lineBreak: false });
    }
    pts.forEach((p, i) => {
      if (i % Math.max(1, Math.ceil(pts.length / 8)) === 0 || i === pts.length - 1) {
        doc.fillColor(INK).text(shortMonth(p.month), X(i) - 20, bottom + 6, { width: 40, align: 'center', lineBreak: false });
      }
    });
    // Baseline: dashed grey with squares.
    const base = pts.map((p, i) => (p.baseline === null ? null : ([X(i), Y(p.baseline)] as const)));
    const baseShown = base.filter((b): b is readonly [number, number] => b !== null);
    if (baseShown.length > 0) {
      doc.strokeColor(GREY).lineWidth(1.5).dash(5, { space: 3 });
      baseShown.forEach(([bx, by], i) => (i === 0 ? doc.moveTo(bx, by) : doc.lineTo(bx, by)));
      doc.stroke().undash();
      doc.fillColor(GREY);
      for (const [bx, by] of baseShown) doc.rect(bx - 2, by - 2, 4, 4).fill();
      const [lx, ly] = baseShown[baseShown.length - 1]!;
      doc.fillColor(GREY).fontSize(9).text(`Basislijn ${nl(pts[pts.length - 1]!.baseline!)}`, lx + 6, ly - 4, { width: 84, lineBreak: false });
    }
    // Outflow: solid blue with circles, only at shown points.
    if (shown.length > 0) {
      doc.strokeColor(BLUE).lineWidth(2.5);
      let first = true;
      pts.forEach((p, i) => {
        if (p.outflow === null) return;
        if (first) doc.moveTo(X(i), Y(p.outflow));
        else doc.lineTo(X(i), Y(p.outflow));
        first = false;
      });
      doc.stroke();
      doc.fillColor(BLUE);
      pts.forEach((p, i) => p.outflow !== null && doc.circle(X(i), Y(p.outflow), 2.8).fill());
      const lastIdx = pts.map((p) => p.outflow !== null).lastIndexOf(true);
      doc.fontSize(9).font('Bold').text(`Uitstroom ${nl(pts[lastIdx]!.outflow!)}`, X(lastIdx) + 6, Y(pts[lastIdx]!.outflow!) - 12, { width: 84, lineBreak: false });
    }
  });
}

/** Horizontal bars with the value written at each bar's end ("onderdrukt" where hidden). */
function barChart(pdf: TaggedPdf, title: string, rows: Array<{ label: string; value: number | null }>) {
  const alt = `Staafdiagram, ${title}: ${rows.map((r) => `${r.label} ${r.value === null ? SUPPRESSED : nl(r.value)}`).join('; ')}.`;
  const barH = 14;
  figure(pdf, alt, rows.length * (barH + 6) + 6, (x0, y0, w) => {
    const { doc } = pdf;
    const labelW = 150;
    const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
    const span = w - labelW - 80;
    rows.forEach((r, i) => {
      const y = y0 + i * (barH + 6);
      doc.font('Body').fontSize(9).fillColor(INK).text(r.label, x0, y + 3, { width: labelW - 8, lineBreak: false, ellipsis: true });
      if (r.value === null) {
        doc.fillColor(GREY).text(`${SUPPRESSED} (minder dan 10 of af te leiden)`, x0 + labelW, y + 3, { width: span + 80, lineBreak: false });
        return;
      }
      const bw = Math.max(1, (r.value / max) * span);
      doc.rect(x0 + labelW, y, bw, barH).fill(BLUE);
      doc.fillColor(INK).font('Bold').text(nl(r.value), x0 + labelW + bw + 4, y + 3, { width: 70, lineBreak: false });
    });
  });
}

const SHORT_MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** An axis label in Dutch: "mrt '26" (not "03-26"). */
const shortMonth = (ym: string) => `${SHORT_MONTHS[Number(ym.slice(5, 7)) - 1]} '${ym.slice(2, 4)}`;

/** An instant as the Dutch day it fell on in the Netherlands: "4 december 2026" (not ISO, not the UTC day). */
export const dayOf = (instant: string) => dutchDateLong(todayInNl(new Date(instant)));

export async function councilReportPdf(d: Dashboard, municipalityName: string): Promise<Buffer> {
  const period = `${monthName(d.from)} tot en met ${monthName(d.to)}`;
  const pdf = taggedPdf({ title: `Raadsrapportage ${d.programme.name} — ${period}`, subject: `Voortgang van ${d.programme.name}, ${municipalityName}` });
  pdf.h1(`Raadsrapportage ${d.programme.name}`);
  pdf.p(`${municipalityName}. Periode: ${period}.${d.area ? ` Wijk: ${d.area.name}.` : ''}`);
  pdf.p(
    d.frozenAt
      ? `Dit zijn de bevroren cijfers van ${monthName(d.to)} (vastgelegd op ${dayOf(d.frozenAt)}): deze rapportage verandert niet meer.`
      : `Voorlopige cijfers, bijgewerkt op ${d.refreshedAt ? dayOf(d.refreshedAt) : 'onbekend'}. De maandstand wordt op de eerste van de volgende maand bevroren.`,
  );
  pdf.h2('Samenvatting');
  pdf.p(d.summary);
  pdf.p(
    `Doel: ${nl(d.programme.goalExtra)} inwoners extra aan werk of opleiding, bovenop de gewone uitstroom van ${nl(d.programme.baselinePerYear)} per jaar. ` +
      `Budget ${euro(d.costs.budgetCents)}, uitgegeven ${euro(d.costs.spentCents)}` +
      (d.costs.costPerExtraOutflowCents !== null ? `, dat is ${euro(d.costs.costPerExtraOutflowCents)} per extra uitstroom.` : '.'),
    { size: 11 },
  );
  ensureSpace(pdf, 300);
  pdf.h2('Voortgang naar het doel');
  progressChart(pdf, d);
  pdf.p('Doorgetrokken blauwe lijn met rondjes: uitstroom, opgeteld per maand. Gestreepte grijze lijn met vierkantjes: de basislijn (uitstroom zonder het programma). Een maand zonder punt is weggelaten omdat de stijging kleiner was dan 10.', { size: 9 });
  ensureSpace(pdf, d.byArea.rows.length * 20 + 60);
  pdf.h2('Uitstroom per wijk');
  barChart(pdf, 'uitstroom per wijk', d.byArea.rows);
  const reason = d.byGroup.find((g) => g.dimension === 'reason');
  if (reason) {
    ensureSpace(pdf, reason.rows.length * 20 + 60);
    pdf.h2('Uitstroom naar reden');
    barChart(pdf, 'uitstroom naar reden', reason.rows);
  }
  pdf.h2('Tabellen');
  pdf.p(`Aantallen onder de ${d.minimumCellSize} zijn onderdrukt, net als aantallen die uit een totaal af te leiden zouden zijn ("${SUPPRESSED}"). Uitstroom telt niet mee als de inwoner binnen 12 maanden terugkwam in de bijstand.`, { size: 10 });
  for (const t of dashboardTables(d)) {
    pdf.doc.font('Bold').fontSize(12).text(`${t.title} `, { structParent: pdf.root, structType: 'H3' }).moveDown(0.2);
    pdf.table(t.columns, t.rows.map((r) => r.map(cellText)));
  }
  return pdf.finish();
}

const euro = (cents: number) => `€ ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;

export const reportFileName = (name: string, month: string) => `raadsrapportage-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${month}.pdf`;
