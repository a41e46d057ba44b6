/**
 * Ordinary least squares with heteroskedasticity-consistent (HC2, HC3) standard errors — the figures R gives with
 * lm() + sandwich::vcovHC(fit, type = "HC2" | "HC3") + lmtest::coeftest()/coefci(). Pure.
 *
 * Numerics: X = QR by Householder reflections (ml-matrix, in row blocks), never the normal equations or a naive
 * inverse:  β = R⁻¹ Qᵀy,  Qᵢ = R⁻ᵀxᵢ,  hᵢ = ‖Qᵢ‖² (the hat values),  eᵢ = yᵢ − xᵢβ,
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

/** Rows per block of the QR (TSQR): small enough that a block stays in the CPU cache. */
const BLOCK_ROWS = 256;

export function olsRobust(input: OlsInput): OlsResult {
  const n = input.x.length;
  const p = input.names.length;
  if (n <= p) return { ok: false, problem: { kind: 'too_few_rows', n, p } };
  const y = input.y;
  const colNorm = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = input.x[i]!;
    for (let j = 0; j < p; j++) colNorm[j]! += row[j]! * row[j]!;
  }
  for (let j = 0; j < p; j++) colNorm[j] = Math.sqrt(colNorm[j]!);

  // Householder QR of [X y] by row blocks (sequential TSQR): each step is ml-matrix's Householder QR of the R so far
  // stacked on the next block of rows. As stable as one QR of the whole matrix, and cache-friendly for 100,000 rows.
  const w = p + 1;
  let Raug: Matrix | null = null;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const end = Math.min(n, start + BLOCK_ROWS);
    const carried: number = Raug ? w : 0;
    const block: Matrix = new Matrix(carried + end - start, w);
    if (Raug) for (let a = 0; a < w; a++) for (let b = a; b < w; b++) block.set(a, b, Raug.get(a, b));
    for (let i = start; i < end; i++) {
      const row = input.x[i]!;
      const r = carried + i - start;
      for (let j = 0; j < p; j++) block.set(r, j, row[j]!);
      block.set(r, p, y[i]!);
    }
    if (block.rows < w) {
      // The first block of a tiny data set: pad with zero rows (they change nothing).
      const padded = new Matrix(w, w);
      padded.setSubMatrix(block, 0, 0);
      Raug = new QrDecomposition(padded).upperTriangularMatrix;
    } else {
      Raug = new QrDecomposition(block).upperTriangularMatrix;
    }
  }
  const R = Raug!;
  const aliased: string[] = [];
  for (let j = 0; j < p; j++) {
    if (!(Math.abs(R.get(j, j)) > RANK_TOLERANCE * colNorm[j]!)) aliased.push(input.names[j]!);
  }
  if (aliased.length > 0) return { ok: false, problem: { kind: 'singular', terms: aliased } };

  // β = R⁻¹ Qᵀy; Qᵀy is the last column of the augmented R.
  const Rinv = upperTriangularInverse(R, p);
  const beta = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = j; k < p; k++) s += Rinv[j * p + k]! * R.get(k, p);
    beta[j] = s;
  }

  // Per row: qᵢ = R⁻ᵀxᵢ (the row of Q), hᵢ = ‖qᵢ‖², eᵢ = yᵢ − xᵢβ; the meat Qᵀ Ω Q = Σ ωᵢ qᵢqᵢᵀ.
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
      let s = 0;
      for (let k = 0; k <= j; k++) s += Rinv[k * p + j]! * row[k]!;
      qi[j] = s;
      h += s * s;
    }
    hat[i] = h;
    if (1 - h < LEVERAGE_TOLERANCE) return { ok: false, problem: { kind: 'leverage_one', row: i } };
    const omega = (e * e) / (power === 1 ? 1 - h : (1 - h) * (1 - h));
    for (let a = 0; a < p; a++) {
      const wa = omega * qi[a]!;
      if (wa === 0) continue;
      for (let b = a; b < p; b++) meat[a * p + b]! += wa * qi[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) meat[a * p + b] = meat[b * p + a]!;

  // V = R⁻¹ M R⁻ᵀ; its diagonal gives the standard errors.
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
