/**
 * Intention-to-treat analysis of a randomised study: OLS of the outcome on the arm (treatment contrasts against
 * the control arm) and optional covariates, with HC2/HC3 standard errors — the same figures as R's
 *   d <- subset(d, COL == VALUE); d$arm <- relevel(factor(d$arm), ref = CONTROL)
 *   fit <- lm(outcome ~ arm + a + b + c, data = d)
 *   coeftest(fit, vcov = vcovHC(fit, type = "HC2")); coefci(fit, vcov = vcovHC(fit, type = "HC2"))
 * Order: the subset first, then rows with a missing outcome, arm or covariate dropped (lm's na.omit), then the
 * factor levels from the remaining rows (as model.matrix does for character columns). Levels sort by code point
 * (R in the C collation); the reference of a categorical covariate is its first level unless `ref` names one.
 */
import { olsRobust, type HcType } from '../../../domain/stats/ols.ts';
import type { Cell, Column, Dataset } from './dataset.ts';
import { AnalysisInputError } from './errors.ts';

export interface AnalysisSpec {
  outcome: string;
  arm: string;
  control: string;
  covariates: string[];
  subset: { column: string; value: string }[];
  ref: { column: string; level: string }[];
  se: string;
}

export interface ArmEffect {
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  ci_low: number;
  ci_high: number;
  df: number;
  n: number;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function parseSe(raw: string | undefined): HcType {
  if (raw === 'HC2' || raw === 'HC3') return raw;
  throw new AnalysisInputError(
    'unknown_se',
    `Onbekend type standaardfout --se ${raw === undefined ? '(ontbreekt)' : `"${raw}"`}: kies HC2 of HC3.`,
    `Unknown standard error type --se ${raw === undefined ? '(missing)' : `"${raw}"`}: choose HC2 or HC3.`,
    'se',
  );
}

function column(ds: Dataset, name: string, param: string): Column {
  const c = ds.columns.get(name);
  if (!c) {
    throw new AnalysisInputError(
      'unknown_column',
      `De kolom "${name}" (${param}) staat niet in het CSV-bestand. Kolommen: ${ds.names.join(', ')}.`,
      `The column "${name}" (${param}) is not in the CSV file. Columns: ${ds.names.join(', ')}.`,
      param,
    );
  }
  return c;
}

/** Levels of a factor from the given rows, sorted as R sorts them (numbers numerically, strings by code point). */
function levelsOf(c: Column, rows: number[]): string[] {
  if (c.numeric) {
    const seen = new Map<number, string>();
    for (const i of rows) seen.set(c.values[i] as number, canonicalNumberLabel(c, i));
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
  }
  return [...new Set(rows.map((i) => c.values[i] as string))].sort(byCodePoint);
}

function labelAt(c: Column, i: number): string {
  return c.numeric ? canonicalNumberLabel(c, i) : (c.values[i] as string);
}

/** The label of a numeric value: the first raw spelling seen for that number (so 1 and 1.0 are one level). */
function canonicalNumberLabel(c: Column, i: number): string {
  let cache = numberLabels.get(c);
  if (!cache) {
    cache = new Map();
    for (let r = 0; r < c.values.length; r++) {
      const v = c.values[r];
      if (typeof v === 'number' && !cache.has(v)) cache.set(v, c.raw[r]!);
    }
    numberLabels.set(c, cache);
  }
  return cache.get(c.values[i] as number)!;
}
const numberLabels = new WeakMap<Column, Map<number, string>>();

function matches(c: Column, i: number, value: string): boolean {
  const v: Cell = c.values[i]!;
  if (v === null) return false;
  if (c.numeric) return value.trim() !== '' && Number(value) === v;
  return v === value;
}

export function analyse(ds: Dataset, spec: AnalysisSpec): ArmEffect[] {
  const type = parseSe(spec.se);
  const outcome = column(ds, spec.outcome, 'outcome');
  const arm = column(ds, spec.arm, 'arm');
  if (!outcome.numeric) {
    throw new AnalysisInputError(
      'outcome_not_numeric',
      `De uitkomst "${spec.outcome}" bevat waarden die geen getal zijn; een uitkomst moet een getal zijn (0/1 voor ja/nee).`,
      `The outcome "${spec.outcome}" has values that are not numbers; an outcome must be numeric (0/1 for yes/no).`,
      'outcome',
    );
  }
  if (spec.arm === spec.outcome) {
    throw new AnalysisInputError('arm_is_outcome', 'De armkolom en de uitkomst zijn dezelfde kolom.', 'The arm column and the outcome are the same column.', 'arm');
  }
  const covariates = spec.covariates.map((name) => column(ds, name, 'covariates'));
  const used = new Set([spec.outcome, spec.arm]);
  for (const c of covariates) {
    if (used.has(c.name)) {
      throw new AnalysisInputError(
        'duplicate_covariate',
        `De kolom "${c.name}" staat al in het model (als uitkomst, arm of eerdere covariaat).`,
        `The column "${c.name}" is already in the model (as outcome, arm or an earlier covariate).`,
        'covariates',
      );
    }
    used.add(c.name);
  }
  const subsets = spec.subset.map((s) => ({ col: column(ds, s.column, 'subset'), value: s.value }));
  const refs = new Map<string, string>();
  for (const r of spec.ref) {
    const c = column(ds, r.column, 'ref');
    if (!covariates.includes(c) || c.numeric) {
      throw new AnalysisInputError(
        'ref_not_categorical_covariate',
        `--ref ${r.column}=${r.level}: "${r.column}" is geen categorische covariaat in dit model.`,
        `--ref ${r.column}=${r.level}: "${r.column}" is not a categorical covariate in this model.`,
        'ref',
      );
    }
    refs.set(c.name, r.level);
  }
  const controlOccurs = arm.values.some((_, i) => matches(arm, i, spec.control));
  if (!controlOccurs) {
    const levels = levelsOf(arm, arm.values.flatMap((v, i) => (v === null ? [] : [i])));
    throw new AnalysisInputError(
      'control_not_found',
      `De controlewaarde "${spec.control}" komt niet voor in de kolom "${spec.arm}". Waarden: ${levels.join(', ')}.`,
      `The control value "${spec.control}" does not occur in the column "${spec.arm}". Values: ${levels.join(', ')}.`,
      'control',
    );
  }

  // 1. subset, 2. complete cases.
  const rows: number[] = [];
  for (let i = 0; i < ds.rows; i++) {
    if (!subsets.every((s) => matches(s.col, i, s.value))) continue;
    if (outcome.values[i] === null || arm.values[i] === null) continue;
    if (covariates.some((c) => c.values[i] === null)) continue;
    rows.push(i);
  }

  const armLevels = levelsOf(arm, rows);
  const controlLabel = armLevels.find((l) => (arm.numeric ? Number(l) === Number(spec.control) : l === spec.control));
  if (controlLabel === undefined) {
    throw new AnalysisInputError(
      'control_not_in_rows',
      `Na --subset en het weglaten van rijen met ontbrekende waarden is er niemand uit de controlegroep "${spec.control}" over.`,
      `After --subset and dropping rows with missing values, no one from the control group "${spec.control}" is left.`,
      'control',
    );
  }
  const treated = armLevels.filter((l) => l !== controlLabel);
  if (treated.length === 0) {
    throw new AnalysisInputError(
      'no_treatment_arm',
      `Alleen de controlegroep "${spec.control}" komt voor in de gebruikte rijen: er is niets te vergelijken.`,
      `Only the control group "${spec.control}" occurs in the rows used: there is nothing to compare.`,
      'arm',
    );
  }
  const armCounts = new Map<string, number>();
  for (const i of rows) armCounts.set(labelAt(arm, i), (armCounts.get(labelAt(arm, i)) ?? 0) + 1);
  for (const [level, count] of armCounts) {
    if (count < 2) {
      throw new AnalysisInputError(
        'arm_with_one_person',
        `De arm "${level}" heeft maar één persoon in de gebruikte rijen; dan is geen robuuste standaardfout te schatten.`,
        `The arm "${level}" has only one person in the rows used; no robust standard error can be estimated then.`,
        'arm',
      );
    }
  }

  // Design matrix: (Intercept), arm dummies, covariates in the order given (categorical → treatment contrasts).
  const names = ['(Intercept)', ...treated.map((l) => `${spec.arm}${l}`)];
  const encoders: ((i: number, out: number[]) => void)[] = [];
  const armIndex = new Map(treated.map((l, k) => [l, k]));
  encoders.push((i, out) => {
    const k = armIndex.get(labelAt(arm, i));
    for (let j = 0; j < treated.length; j++) out.push(j === k ? 1 : 0);
  });
  for (const c of covariates) {
    if (c.numeric) {
      names.push(c.name);
      encoders.push((i, out) => out.push(c.values[i] as number));
      continue;
    }
    const levels = levelsOf(c, rows);
    if (levels.length < 2) {
      throw new AnalysisInputError(
        'single_level_covariate',
        `De categorische covariaat "${c.name}" heeft in de gebruikte rijen maar één waarde (${levels[0] ?? 'geen'}); laat hem weg.`,
        `The categorical covariate "${c.name}" has only one value in the rows used (${levels[0] ?? 'none'}); leave it out.`,
        'covariates',
      );
    }
    const wanted = refs.get(c.name);
    let reference = levels[0]!;
    if (wanted !== undefined) {
      if (!levels.includes(wanted)) {
        throw new AnalysisInputError(
          'ref_level_not_found',
          `--ref ${c.name}=${wanted}: het niveau "${wanted}" komt niet voor in de gebruikte rijen. Niveaus: ${levels.join(', ')}.`,
          `--ref ${c.name}=${wanted}: the level "${wanted}" does not occur in the rows used. Levels: ${levels.join(', ')}.`,
          'ref',
        );
      }
      reference = wanted;
    }
    const others = levels.filter((l) => l !== reference);
    const idx = new Map(others.map((l, k) => [l, k]));
    for (const l of others) names.push(`${c.name}${l}`);
    encoders.push((i, out) => {
      const k = idx.get(c.values[i] as string);
      for (let j = 0; j < others.length; j++) out.push(j === k ? 1 : 0);
    });
  }

  const x: number[][] = new Array(rows.length);
  const y = new Float64Array(rows.length);
  rows.forEach((i, r) => {
    const out = [1];
    for (const enc of encoders) enc(i, out);
    x[r] = out;
    y[r] = outcome.values[i] as number;
  });

  const fit = olsRobust({ x, y, names, type });
  if (!fit.ok) {
    const pr = fit.problem;
    if (pr.kind === 'too_few_rows') {
      throw new AnalysisInputError(
        'too_few_rows',
        `Te weinig rijen: ${pr.n} rijen voor ${pr.p} parameters; er zijn meer rijen dan parameters nodig (minstens ${pr.p + 1}).`,
        `Too few rows: ${pr.n} rows for ${pr.p} parameters; more rows than parameters are needed (at least ${pr.p + 1}).`,
        'csv',
      );
    }
    if (pr.kind === 'singular') {
      throw new AnalysisInputError(
        'singular_design',
        `Het model is niet te schatten (singuliere designmatrix): ${pr.terms.join(', ')} is een combinatie van de andere termen. Laat die covariaat weg.`,
        `The model cannot be estimated (singular design matrix): ${pr.terms.join(', ')} is a combination of the other terms. Leave that covariate out.`,
        'covariates',
      );
    }
    throw new AnalysisInputError(
      'leverage_one',
      `Rij ${rows[pr.row]! + 1} wordt exact voorspeld (hefboom 1, bijvoorbeeld als enige in een categorie); dan is een HC2/HC3-standaardfout niet gedefinieerd.`,
      `Row ${rows[pr.row]! + 1} is fitted exactly (leverage 1, e.g. the only one in a category); an HC2/HC3 standard error is undefined then.`,
      'covariates',
    );
  }
  for (let k = 0; k < treated.length; k++) {
    const c = fit.coefficients[1 + k]!;
    if (!(c.se > 0) || !Number.isFinite(c.t)) {
      throw new AnalysisInputError(
        'no_variation',
        `De uitkomst "${spec.outcome}" wordt in de gebruikte rijen exact voorspeld (geen spreiding, standaardfout 0); er is geen toets mogelijk.`,
        `The outcome "${spec.outcome}" is fitted exactly in the rows used (no variation, standard error 0); no test is possible.`,
        'outcome',
      );
    }
  }
  return treated.map((_, k) => {
    const c = fit.coefficients[1 + k]!;
    return { term: c.term, estimate: c.estimate, se: c.se, t: c.t, p: c.p, ci_low: c.ciLow, ci_high: c.ciHigh, df: fit.df, n: fit.n };
  });
}
