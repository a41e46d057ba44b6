/**
 * Power and sample size of a two-arm comparison, two-sided — the calculations of R's power.prop.test (difference in
 * proportions, normal approximation) and power.t.test (difference in means, two-sample t test, noncentral t), with
 * strict = FALSE as R's default. Pure; tested against R's figures (power.test.ts).
 */
import { normalCdf, normalQuantile } from './normal.ts';
import { incompleteBeta, lgamma } from './special.ts';
import { tQuantile } from './t-distribution.ts';

export interface ProportionsDesign {
  p1: number;
  p2: number;
  alpha: number;
}
export interface MeansDesign {
  delta: number;
  sd: number;
  alpha: number;
}

/** power.prop.test: the power with n per arm. */
export function powerProportions(d: ProportionsDesign, n: number): number {
  const { p1, p2, alpha } = d;
  const z = normalQuantile(1 - alpha / 2);
  const pbar = (p1 + p2) / 2;
  return normalCdf((Math.sqrt(n) * Math.abs(p1 - p2) - z * Math.sqrt(2 * pbar * (1 - pbar))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
}

/** power.prop.test: n per arm (not rounded) for the given power; closed form of the equation R solves with uniroot. */
export function sampleSizeProportions(d: ProportionsDesign, power: number): number {
  const { p1, p2, alpha } = d;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const root = (za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / Math.abs(p1 - p2);
  return root * root;
}

/**
 * P(T ≤ t) for the noncentral t with df degrees of freedom and noncentrality delta (R's pt(t, df, ncp)): Lenth's
 * AS 243, as R's pnt, with the same normal approximation for very large df.
 */
export function noncentralTCdf(t: number, df: number, delta: number): number {
  if (df > 4e5 || delta * delta > 2 * Math.LN2 * 1021) {
    const s = 1 / (4 * df);
    return normalCdf((t * (1 - s) - delta) / Math.sqrt(1 + t * t * 2 * s));
  }
  let tt = t;
  let del = delta;
  let negdel = false;
  if (t < 0) {
    negdel = true;
    tt = -t;
    del = -delta;
  }
  const x = (tt * tt) / (tt * tt + df);
  let tnc = 0;
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = Math.sqrt(2 / Math.PI) * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = Math.pow(df / (tt * tt + df), b);
    const albeta = 0.5 * Math.log(Math.PI) + lgamma(b) - lgamma(0.5 + b);
    let xodd = incompleteBeta(x, a, b, df / (tt * tt + df));
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
    tnc = b * x;
    let xeven = tnc < 2.220446e-16 ? tnc : 1 - rxb;
    let geven = tnc * rxb;
    tnc = p * xodd + q * xeven;
    for (let it = 1; it <= 1000; it++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10) break;
      if (s <= 0 && it > 1) break;
      const errbd = 2 * s * (xodd - godd);
      if (Math.abs(errbd) < 1e-12) break;
    }
  }
  tnc += normalCdf(-del);
  const lower = negdel ? 1 - tnc : tnc;
  return Math.min(1, Math.max(0, lower));
}

/** power.t.test (two-sample, two-sided, strict = FALSE): the power with n per arm. */
export function powerMeans(d: MeansDesign, n: number): number {
  const df = 2 * (n - 1);
  const qu = tQuantile(1 - d.alpha / 2, df);
  const ncp = Math.sqrt(n / 2) * (Math.abs(d.delta) / d.sd);
  return 1 - noncentralTCdf(qu, df, ncp);
}

/** power.t.test: n per arm (not rounded) for the given power, by bisection on the (increasing) power in n. */
export function sampleSizeMeans(d: MeansDesign, power: number): number {
  let lo = 2;
  let hi = 4;
  while (powerMeans(d, hi) < power) {
    lo = hi;
    hi *= 2;
    if (hi > 1e9) return Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (powerMeans(d, mid) < power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export type PowerRequest =
  | { kind: 'proportions'; p1: number; p2: number; alpha: number; power: number }
  | { kind: 'means'; delta: number; sd: number; alpha: number; power: number };

/** The number of participants needed per arm (rounded up, as a study plan states it) and in total for `arms` arms. */
export function requiredSampleSize(req: PowerRequest, arms = 2): { perArm: number; total: number; exact: number } {
  const exact = req.kind === 'proportions' ? sampleSizeProportions(req, req.power) : sampleSizeMeans(req, req.power);
  const perArm = Math.ceil(exact - 1e-9);
  return { perArm, total: perArm * arms, exact };
}
