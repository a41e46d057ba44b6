/**
 * The studies analysis against R: every figure of every non-control arm equals R's lm + sandwich::vcovHC(type =
 * "HC2"/"HC3") + lmtest::coeftest/coefci to 1e-8 (relative, absolute below 1). fast-check generates the data sets
 * (sizes, arms, numeric and categorical covariates, missing values as NA or empty, a subset, a reference level, a
 * collinear covariate); one Rscript run computes R's figures for all of them. CI installs R (.ci/run); locally the
 * test is skipped, loudly, only when Rscript is absent. FC_SEED=… FC_RUNS=… replay or widen a run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse, type ArmEffect } from './analyse.ts';
import { readCsv } from './dataset.ts';
import { AnalysisInputError } from './errors.ts';
import { caseArb, rscriptAvailable, runR, writeCase, type GeneratedCase } from './r-compare.ts';

const HAVE_R = rscriptAvailable();
if (!HAVE_R) {
  const bar = '!'.repeat(100);
  console.error(`\n${bar}\n!! SKIPPED: the comparison of the studies analysis with R — Rscript is not installed.\n!! Install it: apt-get install -y r-base-core r-cran-sandwich r-cran-lmtest (CI does, in .ci/run).\n${bar}\n`);
}

const SEED = Number(process.env.FC_SEED ?? 20261205);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const dir = mkdtempSync(join(tmpdir(), 'samenplan-r-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let worst = 0;
const close = (ours: number, r: number) => {
  const d = Math.abs(ours - r) / Math.max(1, Math.abs(r));
  worst = Math.max(worst, d);
  return d <= 1e-8;
};
const FIELDS = ['estimate', 'se', 't', 'p', 'ci_low', 'ci_high'] as const;

function compare(c: GeneratedCase, ours: ArmEffect[], r: NonNullable<ReturnType<typeof runR> extends Map<string, infer V> ? V : never>): string[] {
  const problems: string[] = [];
  if (r.status !== 'ok') return [`R failed (${r.message}) but we produced figures`];
  if (r.aliased) return ['R has an aliased coefficient but we found no singular design'];
  if (ours.length !== r.coefs.size) problems.push(`${ours.length} arms, R ${r.coefs.size}`);
  for (const e of ours) {
    const rv = r.coefs.get(e.term);
    if (!rv) {
      problems.push(`term ${e.term} not in R's output (${[...r.coefs.keys()].join(', ')})`);
      continue;
    }
    FIELDS.forEach((f, k) => {
      if (!close(e[f], rv[k]!)) problems.push(`${e.term}.${f}: ours ${e[f]} R ${rv[k]} (diff ${Math.abs(e[f] - rv[k]!)})`);
    });
    if (e.df !== r.df) problems.push(`df ours ${e.df} R ${r.df}`);
    if (e.n !== r.n) problems.push(`n ours ${e.n} R ${r.n}`);
  }
  return problems.map((p) => `${c.id} (${c.csvPath}): ${p}`);
}

describe.skipIf(!HAVE_R)('the studies analysis equals R (lm + sandwich + lmtest) to 1e-8', () => {
  it(`on ${RUNS} generated data sets (FC_SEED=${SEED})`, () => {
    const params = fc.sample(caseArb, { seed: SEED, numRuns: RUNS });
    const cases = params.map((p, i) => writeCase(dir, `case${i}`, p));
    const rOut = runR(dir, cases);
    const failures: string[] = [];
    const refusals: Record<string, number> = {};
    let compared = 0;
    let figures = 0;
    cases.forEach((c, i) => {
      const r = rOut.get(c.id);
      if (!r) {
        failures.push(`${c.id}: no answer from R`);
        return;
      }
      let ours: ArmEffect[];
      try {
        ours = analyse(readCsv(readFileSync(c.csvPath, 'utf8')), { ...c, se: c.se });
      } catch (err) {
        if (!(err instanceof AnalysisInputError)) throw err;
        refusals[err.code] = (refusals[err.code] ?? 0) + 1;
        // A refusal must be one R agrees is degenerate.
        const ok =
          r.status === 'error' ||
          (err.code === 'singular_design' && r.aliased === true) ||
          (err.code === 'too_few_rows' && r.df! <= 0) ||
          (err.code === 'arm_with_one_person' && r.minArm === 1) ||
          (err.code === 'leverage_one' && r.maxHat! > 1 - 1e-8) ||
          (err.code === 'no_variation' && [...r.coefs.values()].some((v) => !(v[1]! > 1e-12) || !Number.isFinite(v[2]!))) ||
          (err.code === 'ref_level_not_found' || err.code === 'control_not_in_rows' || err.code === 'no_treatment_arm');
        if (!ok) failures.push(`${c.id} (${JSON.stringify(params[i])}): we refused (${err.code}: ${err.en}) but R fitted it: ${JSON.stringify({ ...r, coefs: [...r.coefs] })}`);
        return;
      }
      const problems = compare(c, ours, r);
      failures.push(...problems);
      if (problems.length === 0) {
        compared++;
        figures += ours.length * (FIELDS.length + 2);
      }
    });
    console.info(`R comparison: ${compared} of ${cases.length} data sets compared (${figures} figures equal to 1e-8, largest difference ${worst.toExponential(2)}); refused as degenerate: ${JSON.stringify(refusals)}`);
    expect(failures).toEqual([]);
    // Not vacuous: most generated data sets are proper analyses.
    expect(compared).toBeGreaterThan(cases.length * 0.6);
  }, 180_000);

  it('the command line prints the same figures as R for one data set, as JSON in the contract shape', () => {
    const c = writeCase(dir, 'cli', {
      seed: 7, n: 300, arms: ['controle', 'extra_hulp', 'zelf_in_actie', 'werken_loont'], numeric: ['age', 'score'], categorical: 'edu',
      refMidden: true, missingRate: 0.05, missingAsEmpty: true, subset: 'cohort', se: 'HC3', outcome: 'binary', heteroskedastic: true,
    });
    const r = runR(dir, [c]).get('cli')!;
    const cli = spawnSync(
      'node',
      ['bin/samenplan.mjs', 'study', 'analyse', '--csv', c.csvPath, '--outcome', 'y', '--arm', 'arm', '--control', 'controle',
        '--covariates', 'age,score,edu', '--subset', 'cohort=1', '--ref', 'edu=midden', '--se', 'HC3'],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const out = JSON.parse(cli.stdout) as ArmEffect[];
    expect(out.map((e) => Object.keys(e))).toEqual(out.map(() => ['term', 'estimate', 'se', 't', 'p', 'ci_low', 'ci_high', 'df', 'n']));
    expect(out.map((e) => e.term)).toEqual(['armextra_hulp', 'armwerken_loont', 'armzelf_in_actie']);
    expect(compare(c, out, r)).toEqual([]);
  }, 60_000);
});
