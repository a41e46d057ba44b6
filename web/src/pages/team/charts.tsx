import type { ReactNode } from 'react';
import { cx } from '../../components/classNames.ts';

// Charts of the teamleider pages as inline SVG, one bar per row, so text stays readable at 390 px and at 200% zoom.
// Each chart is role="img" with a label that says what it shows; the same numbers are always in a table next to it
// and written next to every bar: colour is never the only signal.

export interface BarRow {
  key: string;
  label: ReactNode;
  /** Bar parts from the start of the bar; the first part gets the accent colour, the second a hatched contrast. */
  value: number;
  /** A part of value shown hatched at the start of the bar (e.g. "boven de contactnorm"). */
  part?: number;
  text: ReactNode;
}

/** Horizontal bars: label, bar, value written out. */
export function BarChart({
  rows,
  max,
  label,
  className,
}: {
  rows: BarRow[];
  max: number;
  label: string;
  className?: string;
}) {
  const scale = max > 0 ? max : 1;
  return (
    <div className={cx('app-barchart', className)} role="img" aria-label={label}>
      {rows.map((row) => {
        const whole = Math.min(100, (row.value / scale) * 100);
        const part = Math.min(whole, ((row.part ?? 0) / scale) * 100);
        return (
          <div className="app-barchart__row" key={row.key}>
            <span className="app-barchart__label">{row.label}</span>
            <svg
              className="app-barchart__bar"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              focusable="false"
              aria-hidden="true"
            >
              <rect className="app-barchart__track" x="0" y="0" width="100" height="10" />
              <rect className="app-barchart__value" x="0" y="0" width={whole} height="10" />
              {part > 0 && <rect className="app-barchart__part" x="0" y="0" width={part} height="10" />}
            </svg>
            <span className="app-barchart__text">{row.text}</span>
          </div>
        );
      })}
    </div>
  );
}

/** Two percentage bars: contacted and with a plan. Decorative; the percentages are written next to the bars. */
export function CoverageBars({
  contactedPct,
  withPlanPct,
  contactedText,
  withPlanText,
}: {
  contactedPct: number;
  withPlanPct: number;
  contactedText: ReactNode;
  withPlanText: ReactNode;
}) {
  const bar = (pct: number, kind: 'contacted' | 'plan') => (
    <svg
      className="app-coverage__bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      focusable="false"
      aria-hidden="true"
    >
      <rect className="app-barchart__track" x="0" y="0" width="100" height="10" />
      <rect
        className={`app-coverage__fill app-coverage__fill--${kind}`}
        x="0"
        y="0"
        width={Math.max(0, Math.min(100, pct))}
        height="10"
      />
    </svg>
  );
  return (
    <div className="app-coverage">
      <div className="app-coverage__row">
        {bar(contactedPct, 'contacted')}
        <span className="app-coverage__text">{contactedText}</span>
      </div>
      <div className="app-coverage__row">
        {bar(withPlanPct, 'plan')}
        <span className="app-coverage__text">{withPlanText}</span>
      </div>
    </div>
  );
}

/** Legend swatch matching a bar part (decorative; the legend text says what it is). */
export function Swatch({ kind }: { kind: 'value' | 'part' | 'contacted' | 'plan' }) {
  return (
    <svg
      className="app-swatch"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <rect
        className={
          kind === 'value'
            ? 'app-barchart__value'
            : kind === 'part'
              ? 'app-barchart__part'
              : `app-coverage__fill app-coverage__fill--${kind}`
        }
        x="0"
        y="0"
        width="16"
        height="16"
      />
    </svg>
  );
}
