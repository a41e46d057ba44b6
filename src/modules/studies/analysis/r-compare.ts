/**
 * Test support for the comparison with R (analyse.r.test.ts): generated study data sets written as R's write.csv
 * writes them, and the runner of r-reference.R. Not used by the application.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const R_SCRIPT = fileURLToPath(new URL('./r-reference.R', import.meta.url));

export function rscriptAvailable(): boolean {
  const r = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

export interface CaseParams {
  seed: number;
  n: number;
  arms: string[];
  numeric: ('age' | 'score' | 'female' | 'age_twice')[];
  categorical: 'none' | 'edu' | 'wijk';
  refMidden: boolean;
  missingRate: number;
  missingAsEmpty: boolean;
  subset: 'none' | 'wijk' | 'cohort';
  se: 'HC2' | 'HC3';
  outcome: 'continuous' | 'binary' | 'hours';
  heteroskedastic: boolean;
}

const ARMS = ['controle', 'extra_hulp', 'zelf_in_actie', 'werken_loont'];

export const caseArb: fc.Arbitrary<CaseParams> = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  n: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 3, max: 29 }) }, { weight: 8, arbitrary: fc.integer({ min: 30, max: 400 }) }),
  arms: fc.subarray(ARMS.slice(1), { minLength: 1 }).map((a) => ['controle', ...a]),
  numeric: fc.oneof(
    { weight: 12, arbitrary: fc.subarray(['age', 'score', 'female'] as const) },
    { weight: 1, arbitrary: fc.constant(['age', 'age_twice'] as ('age' | 'age_twice')[]) },
  ),
  categorical: fc.constantFrom('none', 'edu', 'wijk'),
  refMidden: fc.boolean(),
  missingRate: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.2, noNaN: true })),
  missingAsEmpty: fc.boolean(),
  subset: fc.constantFrom('none', 'wijk', 'cohort'),
  se: fc.constantFrom('HC2', 'HC3'),
  outcome: fc.constantFrom('continuous', 'binary', 'hours'),
  heteroskedastic: fc.boolean(),
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number as R's write.csv writes it: 15 significant digits, shortest form. */
export function rNumber(v: number): string {
  return String(Number(v.toPrecision(15)));
}

export interface GeneratedCase {
  id: string;
  csvPath: string;
  outcome: string;
  arm: string;
  control: string;
  covariates: string[];
  subset: { column: string; value: string }[];
  ref: { column: string; level: string }[];
  se: 'HC2' | 'HC3';
}

/** Writes the data set of one case to dir and returns the analysis it asks for. */
export function writeCase(dir: string, id: string, c: CaseParams): GeneratedCase {
  const rnd = mulberry32(c.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const effects: Record<string, number> = { controle: 0, extra_hulp: 0.12, zelf_in_actie: 0.05, werken_loont: 0.08 };
  const header = ['', 'arm', 'y', 'age', 'age_twice', 'score', 'female', 'edu', 'wijk', 'cohort'];
  const lines = [header.map((h) => `"${h}"`).join(',')];
  const na = c.missingAsEmpty ? '' : 'NA';
  const maybe = (s: string) => (rnd() < c.missingRate ? na : s);
  for (let i = 0; i < c.n; i++) {
    const arm = pick(c.arms);
    const age = 18 + Math.floor(rnd() * 48);
    const score = normal() * 3.7 + 10 / 3;
    const female = rnd() < 0.5 ? 1 : 0;
    const edu = pick(['hoog', 'laag', 'midden', 'laag']);
    const wijk = pick(['Noord', 'Oost', 'Zuid']);
    const cohort = rnd() < 0.6 ? 1 : 2;
    const scale = c.heteroskedastic ? 0.5 + age / 30 + (arm === 'extra_hulp' ? 1 : 0) : 1;
    const lin = effects[arm]! + 0.01 * (age - 40) + 0.05 * score + 0.1 * female + (edu === 'laag' ? -0.1 : 0);
    let y: number;
    if (c.outcome === 'binary') y = rnd() < Math.min(0.95, Math.max(0.05, 0.3 + lin)) ? 1 : 0;
    else if (c.outcome === 'hours') y = Math.max(0, Math.round(8 + 20 * lin + 6 * scale * normal()));
    else y = lin + scale * normal();
    const fields = [
      `"${i + 1}"`,
      rnd() < c.missingRate / 3 ? na : `"${arm}"`,
      maybe(rNumber(y)),
      maybe(String(age)),
      String(age * 2),
      maybe(rNumber(score)),
      maybe(String(female)),
      maybe(`"${edu}"`),
      `"${wijk}"`,
      String(cohort),
    ];
    lines.push(fields.join(','));
  }
  const csvPath = join(dir, `${id}.csv`);
  writeFileSync(csvPath, `${lines.join('\n')}\n`);
  const covariates: string[] = [...c.numeric];
  if (c.categorical !== 'none') covariates.push(c.categorical);
  const subset =
    c.subset === 'wijk' ? [{ column: 'wijk', value: 'Noord' }] : c.subset === 'cohort' ? [{ column: 'cohort', value: '1' }] : [];
  const ref = c.categorical === 'edu' && c.refMidden ? [{ column: 'edu', level: 'midden' }] : [];
  return { id, csvPath, outcome: 'y', arm: 'arm', control: 'controle', covariates, subset, ref, se: c.se };
}

export interface RCase {
  status: 'ok' | 'error';
  message?: string;
  n?: number;
  df?: number;
  maxHat?: number;
  aliased?: boolean;
  minArm?: number;
  coefs: Map<string, number[]>;
}

/** Runs r-reference.R on all cases at once (one R start-up) and parses its output. */
export function runR(dir: string, cases: GeneratedCase[]): Map<string, RCase> {
  const manifest = join(dir, 'manifest.tsv');
  const rows = [['id', 'csv', 'outcome', 'arm', 'control', 'covariates', 'subset_col', 'subset_value', 'ref_col', 'ref_level', 'se'].join('\t')];
  for (const c of cases) {
    rows.push(
      [c.id, c.csvPath, c.outcome, c.arm, c.control, c.covariates.join(','), c.subset[0]?.column ?? '', c.subset[0]?.value ?? '', c.ref[0]?.column ?? '', c.ref[0]?.level ?? '', c.se].join('\t'),
    );
  }
  writeFileSync(manifest, `${rows.join('\n')}\n`);
  const r = spawnSync('Rscript', [R_SCRIPT, manifest], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`Rscript failed (${r.status}): ${r.stderr}`);
  const out = new Map<string, RCase>();
  for (const line of r.stdout.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'case') {
      if (f[2] === 'error') out.set(f[1]!, { status: 'error', message: f[3], coefs: new Map() });
      else out.set(f[1]!, { status: 'ok', n: Number(f[3]), df: Number(f[4]), maxHat: Number(f[5]), aliased: f[6] === 'TRUE', minArm: Number(f[7]), coefs: new Map() });
    } else if (f[0] === 'coef') {
      out.get(f[1]!)!.coefs.set(f[2]!, f.slice(3).map(Number));
    }
  }
  return out;
}
