/**
 * Ordinary least squares with heteroskedasticity-consistent (HC2, HC3) standard errors — the figures R gives with
 * lm() + sandwich::vcovHC(fit, type = "HC2" | "HC3") + lmtest::coeftest()/coefci(). Pure.
 *
 * Numerics: X = QR by Householder reflections (ml-matrix), never the normal equations or a naive inverse:
 *   β = R⁻¹ Qᵀy,  hᵢ = ‖Qᵢ‖² (the hat values),  eᵢ = yᵢ − xᵢβ,
 *   V = (XᵀX)⁻¹ Xᵀ Ω X (XᵀX)⁻¹ = R⁻¹ (Qᵀ Ω Q) R⁻ᵀ  with Ω = diag(eᵢ² / (1 − hᵢ)ᵏ), k = 1 (HC2) or 2 (HC3).
 * Only the triangular R is inverted (back substitution), as R's chol2inv(qr.R) does.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { tQuantile, tTwoSidedP } from './t-distribution.ts';

export type HcType = 'HC2' | 'HC3';

export interface OlsInput {
  /** Design matrix rows (n × p), intercept column included by the caller. */
  x: ArrayLike<number>[];
  y: ArrayLike<number>;
  names: string[];
  type: HcType;
  /** Confidence level of the interval (R's coefci default 0.95). */
  level?: number;
}

export interface OlsCoefficient {
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}

export type OlsProblem =
  | { kind: 'too_few_rows'; n: number; p: number }
  | { kind: 'singular'; terms: string[] }
  | { kind: 'leverage_one'; row: number };

export type OlsResult =
  | { ok: true; coefficients: OlsCoefficient[]; df: number; n: number; residualSd: number; hat: Float64Array }
  | { ok: false; problem: OlsProblem };

/** Relative tolerance for a column that is (numerically) a combination of the earlier ones: R's lm uses 1e-7. */
const RANK_TOLERANCE = 1e-7;
/** A hat value this close to 1 makes HC2/HC3 divide by zero (an observation fitted exactly, e.g. a one-person arm). */
const LEVERAGE_TOLERANCE = 1e-10;

export function olsRobust(input: OlsInput): OlsResult {
  const n = input.x.length;
  const p = input.names.length;
  if (n <= p) return { ok: false, problem: { kind: 'too_few_rows', n, p } };
  const X = new Matrix(n, p);
  for (let i = 0; i < n; i++) {
    const row = input.x[i]!;
    for (let j = 0; j < p; j++) X.set(i, j, row[j]!);
  }
  // Column norms before the decomposition, for the relative rank check.
  const colNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += X.get(i, j) ** 2;
    colNorm[j] = Math.sqrt(s);
  }
  const qr = new QrDecomposition(X);
  const rdiag = (qr as unknown as { Rdiag: Float64Array }).Rdiag;
  const aliased: string[] = [];
  for (let j = 0; j < p; j++) {
    if (!(Math.abs(rdiag[j]!) > RANK_TOLERANCE * colNorm[j]!)) aliased.push(input.names[j]!);
  }
  if (aliased.length > 0) return { ok: false, problem: { kind: 'singular', terms: aliased } };

  const Q = qr.orthogonalMatrix; // n × p, thin
  const R = qr.upperTriangularMatrix; // p × p
  const y = input.y;

  // β = R⁻¹ Qᵀ y
  const qty = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Q.get(i, j) * y[i]!;
    qty[j] = s;
  }
  const Rinv = upperTriangularInverse(R, p);
  const beta = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = j; k < p; k++) s += Rinv[j * p + k]! * qty[k]!;
    beta[j] = s;
  }

  // Residuals, hat values and the meat Qᵀ Ω Q.
  const hat = new Float64Array(n);
  const meat = new Float64Array(p * p);
  const qi = new Float64Array(p);
  let rss = 0;
  const power = input.type === 'HC2' ? 1 : 2;
  for (let i = 0; i < n; i++) {
    const row = input.x[i]!;
    let fit = 0;
    for (let j = 0; j < p; j++) fit += row[j]! * beta[j]!;
    const e = y[i]! - fit;
    rss += e * e;
    let h = 0;
    for (let j = 0; j < p; j++) {
      const q = Q.get(i, j);
      qi[j] = q;
      h += q * q;
    }
    hat[i] = h;
    if (1 - h < LEVERAGE_TOLERANCE) return { ok: false, problem: { kind: 'leverage_one', row: i } };
    const w = (e * e) / (power === 1 ? 1 - h : (1 - h) * (1 - h));
    for (let a = 0; a < p; a++) {
      const wa = w * qi[a]!;
      for (let b = a; b < p; b++) meat[a * p + b]! += wa * qi[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) meat[a * p + b] = meat[b * p + a]!;

  // V = R⁻¹ M R⁻ᵀ; only the diagonal is reported, but it is formed exactly as the full product's diagonal.
  const df = n - p;
  const tq = tQuantile(1 - (1 - (input.level ?? 0.95)) / 2, df);
  const coefficients: OlsCoefficient[] = [];
  for (let j = 0; j < p; j++) {
    // (R⁻¹ M R⁻ᵀ)_jj = Σ_a Σ_b Rinv[j,a] M[a,b] Rinv[j,b]
    let v = 0;
    for (let a = j; a < p; a++) {
      const ra = Rinv[j * p + a]!;
      if (ra === 0) continue;
      let s = 0;
      for (let b = j; b < p; b++) s += meat[a * p + b]! * Rinv[j * p + b]!;
      v += ra * s;
    }
    const se = Math.sqrt(v);
    const t = beta[j]! / se;
    coefficients.push({
      term: input.names[j]!,
      estimate: beta[j]!,
      se,
      t,
      p: tTwoSidedP(t, df),
      ciLow: beta[j]! - tq * se,
      ciHigh: beta[j]! + tq * se,
    });
  }
  return { ok: true, coefficients, df, n, residualSd: Math.sqrt(rss / df), hat };
}

/** Inverse of an upper-triangular p × p matrix by back substitution, row-major in a Float64Array. */
function upperTriangularInverse(R: Matrix, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  for (let j = p - 1; j >= 0; j--) {
    inv[j * p + j] = 1 / R.get(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += R.get(i, k) * inv[k * p + j]!;
      inv[i * p + j] = -s / R.get(i, i);
    }
  }
  return inv;
}
