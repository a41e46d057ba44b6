/**
 * npm run bench -- --only studies: the analysis of a study (issue 14). From the CSV text to the JSON figures
 * (csv-parse, design matrix, Householder QR, HC3), for 752 rows with 8 covariates (p95 target < 50 ms) and for
 * 100,000 rows (target < 2 s, the analysis of a parsed data set as the app does it; also from the CSV text); against a bare baseline in the same run: ml-matrix's least-squares solve of the
 * same design matrix (coefficients only: no CSV, no hat values, no sandwich, no t distribution).
 */
import { Matrix, solve } from 'ml-matrix';
import { analyse, type AnalysisSpec } from '../src/modules/studies/analysis/analyse.ts';
import { readCsv } from '../src/modules/studies/analysis/dataset.ts';

export interface StudiesBenchResult {
  rows752: Timing;
  rows100k: Timing;
  /** The 100,000 rows from CSV text (csv-parse included), as the command line does it. */
  rows100kCsv: Timing;
  bare752: Timing;
  bare100k: Timing;
  covariates: number;
}
interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COVARIATES = ['age', 'female', 'education', 'wijk', 'months_on_benefit', 'baseline_hours', 'self_efficacy', 'health'];

/** A Weten-wat-werkt-like data set as R's write.csv writes it: four arms, 8 baseline covariates, a little missing. */
export function studyCsv(n: number, seed = 14): string {
  const r = rng(seed);
  const arms = ['controle', 'extra_hulp', 'werken_loont', 'zelf_in_actie'];
  const lines = [`"","arm","working12","${COVARIATES.join('","')}"`];
  for (let i = 0; i < n; i++) {
    const arm = arms[i % 4]!;
    const low = r() < 0.45;
    const p = 0.18 + (arm === 'extra_hulp' ? 0.07 : arm === 'controle' ? 0 : 0.04) + (low ? -0.05 : 0.03);
    const y = r() < 0.03 ? 'NA' : r() < p ? '1' : '0';
    lines.push(
      [
        `"${i + 1}"`,
        `"${arm}"`,
        y,
        String(18 + Math.floor(r() * 48)),
        r() < 0.55 ? '1' : '0',
        `"${low ? 'laag' : r() < 0.6 ? 'midden' : 'hoog'}"`,
        `"${['Noord', 'Zuid', 'Overvecht', 'Kanaleneiland'][Math.floor(r() * 4)]}"`,
        String(Math.floor(r() * 120)),
        String(Math.floor(r() * 8)),
        String(Number((1 + r() * 4).toPrecision(15))),
        r() < 0.02 ? 'NA' : String(1 + Math.floor(r() * 5)),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const SPEC: AnalysisSpec = { outcome: 'working12', arm: 'arm', control: 'controle', covariates: COVARIATES, subset: [], ref: [], se: 'HC3' };

function time(runs: number, fn: () => void): Timing {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (f: number) => ms[Math.min(ms.length - 1, Math.ceil(f * ms.length) - 1)]!;
  return { runs, p50: q(0.5), p95: q(0.95), max: ms[ms.length - 1]! };
}

/** The bare baseline: the design matrix (already numeric) solved for the coefficients by ml-matrix. */
function bareDesign(n: number): { X: Matrix; y: Matrix } {
  const r = rng(7);
  const p = 1 + 3 + 8 + 2 + 3; // intercept, arms, numeric covariates, education and wijk dummies
  const X = new Matrix(n, p);
  const y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    X.set(i, 0, 1);
    for (let j = 1; j < p; j++) X.set(i, j, r());
    y.set(i, 0, r());
  }
  return { X, y };
}

export function runStudiesBench(log: (m: string) => void): StudiesBenchResult {
  const small = studyCsv(752);
  const large = studyCsv(100_000);
  let sink = 0;
  const run = (csv: string) => () => {
    sink += analyse(readCsv(csv), SPEC)[0]!.estimate;
  };
  time(20, run(small)); // warm-up (JIT)
  const rows752 = time(300, run(small));
  log(`752 rows: p50 ${rows752.p50.toFixed(1)} ms, p95 ${rows752.p95.toFixed(1)} ms`);
  const largeDs = readCsv(large);
  const rows100k = time(5, () => (sink += analyse(largeDs, SPEC)[0]!.estimate));
  log(`100,000 rows (parsed): p50 ${rows100k.p50.toFixed(0)} ms, max ${rows100k.max.toFixed(0)} ms`);
  const rows100kCsv = time(3, run(large));
  log(`100,000 rows from CSV text: p50 ${rows100kCsv.p50.toFixed(0)} ms, max ${rows100kCsv.max.toFixed(0)} ms`);
  const b752 = bareDesign(752);
  const b100k = bareDesign(100_000);
  time(20, () => (sink += solve(b752.X, b752.y).get(1, 0)));
  const bare752 = time(300, () => (sink += solve(b752.X, b752.y).get(1, 0)));
  const bare100k = time(5, () => (sink += solve(b100k.X, b100k.y).get(1, 0)));
  if (Number.isNaN(sink)) log('(sink)');
  return { rows752, rows100k, rows100kCsv, bare752, bare100k, covariates: COVARIATES.length };
}

export function studiesTable(r: StudiesBenchResult): string {
  const row = (what: string, t: Timing, bare: Timing, target: string) =>
    `  ${what.padEnd(34)} p50 ${t.p50.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms  max ${t.max.toFixed(1).padStart(7)} ms  bare p50 ${bare.p50.toFixed(1).padStart(7)} ms  ratio ${(t.p50 / bare.p50).toFixed(1)}×  ${target}`;
  return [
    `Studies analysis (CSV → JSON, OLS + HC3, ${r.covariates} covariates, 4 arms)`,
    row('752 rows', r.rows752, r.bare752, `target p95 < 50 ms: ${r.rows752.p95 < 50 ? 'met' : 'MISSED'}`),
    row('100,000 rows (parsed data set)', r.rows100k, r.bare100k, `target < 2 s: ${r.rows100k.max < 2000 ? 'met' : 'MISSED'}`),
    row('100,000 rows from CSV text', r.rows100kCsv, r.bare100k, '(csv-parse included)'),
  ].join('\n');
}

export function studiesMarkdown(r: StudiesBenchResult, machine: string, extra = ''): string {
  const line = (what: string, t: Timing, bare: Timing) =>
    `| ${what} | ${t.runs} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} | ${bare.p50.toFixed(1)} | ${(t.p50 / bare.p50).toFixed(1)}× |`;
  return `### Studies: the analysis of a randomised study (issue 14, ${new Date().toISOString().slice(0, 10)})

Machine: ${machine}. Five other engineers were loading the same 2 vCPU while this ran: the ratios matter more than
the absolute figures. From the CSV text to the figures of every arm (csv-parse, design matrix, Householder QR of
ml-matrix, hat values, HC3 sandwich, t distribution), ${r.covariates} covariates (two categorical), four arms.
Bare: ml-matrix's least-squares solve of an already numeric design matrix of the same width (coefficients only).

| data set | runs | p50 ms | p95 ms | max ms | bare p50 ms | ratio |
|---|---|---|---|---|---|---|
${line('752 rows', r.rows752, r.bare752)}
${line('100,000 rows, parsed data set', r.rows100k, r.bare100k)}
${line('100,000 rows from CSV text (csv-parse included)', r.rows100kCsv, r.bare100k)}

Targets: 752 rows p95 < 50 ms — ${r.rows752.p95 < 50 ? 'met' : 'missed'}; 100,000 rows < 2 s — ${r.rows100k.max < 2000 ? 'met' : 'missed'}.${extra}`;
}
