/**
 * Student's t distribution: CDF, two-sided p-value and quantile, through the regularised incomplete beta function.
 * Pure. Matches R's pt/qt to about 1e-13 (tests pin R's values; the R comparison test checks every analysis figure).
 */
import { incompleteBeta, lgamma } from './special.ts';

/** P(|T| ≥ |t|) for T ~ t(df): the two-sided p-value R's coeftest reports, 2·pt(−|t|, df). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // x = df/(df+t²) and 1−x = t²/(df+t²), each computed directly.
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return incompleteBeta(x, df / 2, 0.5, y);
}

/** P(T ≤ t) for T ~ t(df) (R's pt(t, df)); `lower = false` gives P(T > t). */
export function tCdf(t: number, df: number, lower = true): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const tail = tTwoSidedP(t, df) / 2; // P(T > |t|)
  const upper = t > 0 ? tail : 1 - tail;
  return lower ? 1 - upper : upper;
}

/** Density of t(df). */
export function tDensity(t: number, df: number): number {
  const lnC = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Upper-tail quantile: the t > 0 with P(T > t) = q, 0 < q < 0.5 (solves the tail equation, Newton in a bracket). */
function upperQuantile(q: number, df: number): number {
  if (df === 1) return Math.tan(Math.PI * (0.5 - q));
  if (df === 2) {
    const a = 4 * q * (1 - q);
    return Math.sqrt(2 / a - 2); // exact for df = 2: (1−2q) / sqrt(2q(1−q))
  }
  const f = (t: number) => tTwoSidedP(t, df) / 2 - q; // decreasing in t
  let lo = 0;
  let hi = 1;
  while (f(hi) > 0) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const v = f(t);
    if (v === 0) return t;
    if (v > 0) lo = t;
    else hi = t;
    const step = v / tDensity(t, df); // f'(t) = −density
    let next = t + step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** R's qt(p, df): the quantile of t(df). */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || !(df > 0) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (df === 2) {
    // Exact: t = (2p − 1) / sqrt(2p(1−p)).
    return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  }
  return p > 0.5 ? upperQuantile(1 - p, df) : -upperQuantile(p, df);
}
