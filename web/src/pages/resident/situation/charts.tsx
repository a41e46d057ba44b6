import type { TrendDirection } from '../../../api/models.ts';
import { cx } from '../../../components/classNames.ts';

// Small charts as inline SVG (no chart library). Each chart is role="img" with an aria-label that states every
// value, and the section also offers the same numbers as a table: colour and shape are never the only signal.

export interface ChartPoint {
  /** ISO timestamp of the scoring moment. */
  at: string;
  value: number;
}

/** Horizontal bar of 5 blocks for a ZRM score; purely visual, the score is always written next to it. */
export function ScoreBar({ score, max = 5 }: { score: number; max?: number }) {
  return (
    <span className={cx('app-scorebar', `app-scorebar--${score}`)} aria-hidden="true">
      {Array.from({ length: max }, (_, i) => (
        <span key={i} className={cx('app-scorebar__block', i < score && 'app-scorebar__block--filled')} />
      ))}
    </span>
  );
}

/** Arrow for a trend; decorative, because the direction is always also written in words next to it. */
export function TrendArrow({ direction }: { direction: TrendDirection }) {
  if (direction === 'none') return null;
  const rotate = direction === 'improved' ? -90 : direction === 'worse' ? 90 : 0;
  return (
    <svg
      className={cx('app-trend-arrow', `app-trend-arrow--${direction}`)}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M1 6.5h8.5V2.5L15 8l-5.5 5.5v-4H1z" transform={`rotate(${rotate} 8 8)`} />
    </svg>
  );
}

const x = (i: number, n: number, left: number, width: number) =>
  n <= 1 ? left + width / 2 : left + (i * width) / (n - 1);
const y = (v: number, min: number, max: number, top: number, height: number) =>
  top + ((max - v) * height) / (max - min);

/** A tiny line of the scores of one domain, oldest left. Evenly spaced: it shows the order, not the time between. */
export function Sparkline({
  points,
  min,
  max,
  label,
}: {
  points: ChartPoint[];
  min: number;
  max: number;
  label: string;
}) {
  const w = 96;
  const h = 28;
  const pad = 4;
  const coords = points.map(
    (p, i) => [x(i, points.length, pad, w - 2 * pad), y(p.value, min, max, pad, h - 2 * pad)] as const,
  );
  return (
    <svg
      className="app-sparkline"
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={label}
      focusable="false"
    >
      <title>{label}</title>
      <line className="app-sparkline__base" x1={pad} x2={w - pad} y1={h - pad} y2={h - pad} />
      <polyline
        className="app-sparkline__line"
        points={coords.map(([cx_, cy]) => `${cx_},${cy}`).join(' ')}
      />
      {coords.map(([cx_, cy], i) => (
        <circle key={i} className="app-sparkline__dot" cx={cx_} cy={cy} r={i === coords.length - 1 ? 3 : 2} />
      ))}
    </svg>
  );
}

/**
 * The ladder rung over time as a step line: the rung holds until the next scoring. The time axis is real
 * (spacing follows the dates); the rungs 1–6 are written on the vertical axis, the first and last date below.
 */
export function StepChart({
  points,
  min,
  max,
  label,
  firstLabel,
  lastLabel,
}: {
  points: ChartPoint[];
  min: number;
  max: number;
  label: string;
  firstLabel: string;
  lastLabel: string;
}) {
  const w = 320;
  const h = 150;
  const left = 28;
  const right = 10;
  const top = 10;
  const bottom = 26;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const times = points.map((p) => new Date(p.at).getTime());
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const px = (t: number, i: number) =>
    t1 === t0 ? x(i, points.length, left, plotW) : left + ((t - t0) * plotW) / (t1 - t0);
  const coords = points.map((p, i) => [px(times[i] ?? t0, i), y(p.value, min, max, top, plotH)] as const);
  const d = coords.map(([cx_, cy], i) => (i === 0 ? `M${cx_},${cy}` : `H${cx_} V${cy}`)).join(' ');
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <svg className="app-stepchart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} focusable="false">
      {levels.map((level) => {
        const ly = y(level, min, max, top, plotH);
        return (
          <g key={level}>
            <line className="app-stepchart__grid" x1={left} x2={w - right} y1={ly} y2={ly} />
            <text className="app-stepchart__axis" x={left - 8} y={ly + 4} textAnchor="end">
              {level}
            </text>
          </g>
        );
      })}
      <path className="app-stepchart__line" d={d} />
      {coords.map(([cx_, cy], i) => (
        <circle
          key={i}
          className="app-stepchart__dot"
          cx={cx_}
          cy={cy}
          r={i === coords.length - 1 ? 5 : 3.5}
        />
      ))}
      <text className="app-stepchart__axis" x={left} y={h - 6} textAnchor="start">
        {firstLabel}
      </text>
      <text className="app-stepchart__axis" x={w - right} y={h - 6} textAnchor="end">
        {lastLabel}
      </text>
    </svg>
  );
}
