import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import { allocate, stratumKey } from '../../domain/stats/randomisation.ts';
import { requiredSampleSize, type PowerRequest } from '../../domain/stats/power.ts';
import { mergeSmallCells } from '../../domain/stats/small-cells.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { analyse } from './analysis/analyse.ts';
import type { Column, Dataset } from './analysis/dataset.ts';
import { AnalysisInputError } from './analysis/errors.ts';
import type { EnrolBatch, EnrolBody, StudyCreate } from './studies.schema.ts';
import { studiesStore, type ArmRow, type OutcomeRow, type StudyRow } from './studies.store.ts';

// Studies (issue 14): the design (PA-033 only once residents are enrolled), enrolment with informed consent first,
// the allocation by stratified block randomisation from the stored seed (ADR 0023) once enrolment is final, the rules
// an arm changes for a werkmatcher, and the ITT analysis over Samenplan's own records (PA-034, aggregates only).

const STUDY = 'Deze studie';
const RESIDENT = 'Deze inwoner';

function invalid(errors: InvalidParam[]) {
  return problems.invalid(errors);
}

function present(s: StudyRow, arms: ArmRow[], counts: { armKey: string | null; participants: number }[]) {
  const allocated = s.status !== 'enrolling';
  return {
    id: s.id,
    name: s.name,
    registrationId: s.registration_id,
    eligibility: s.eligibility,
    targetSize: s.target_size,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    primaryOutcome: s.primary_outcome as StudyCreate['primaryOutcome'],
    secondaryOutcomes: s.secondary_outcomes as StudyCreate['secondaryOutcomes'],
    strata: s.strata as StudyCreate['strata'],
    blockMultiple: s.block_multiple,
    status: s.status,
    allocatedAt: s.allocated_at ? s.allocated_at.toISOString() : null,
    enrolled: counts.reduce((n, c) => n + c.participants, 0),
    // Allocation concealment: no counts per arm until enrolment is final.
    arms: arms
      .filter((a) => a.study_id === s.id)
      .map((a) => ({
        key: a.key,
        name: a.name,
        isControl: a.is_control,
        ratio: a.ratio,
        applicationObligationWaived: a.application_obligation_waived,
        contactEveryDays: a.contact_every_days,
        earningsDisregardVariant: a.earnings_disregard_variant,
        participants: allocated ? (counts.find((c) => c.armKey === a.key)?.participants ?? 0) : null,
      })),
  };
}

async function load(tx: Tx, ctx: RequestContext, id: string) {
  const store = studiesStore(tx, ctx.principal);
  const s = await store.study(id);
  if (!s) throw problems.notFound(STUDY);
  return present(s, await store.arms([id]), await store.counts(id));
}

export async function createStudy(ctx: RequestContext, body: StudyCreate) {
  const errors: InvalidParam[] = [];
  if (body.endsOn <= body.startsOn) errors.push({ name: 'endsOn', code: 'beforeStart', reason: 'De einddatum ligt na de startdatum.' });
  const controls = body.arms.filter((a) => a.isControl).length;
  if (controls !== 1) errors.push({ name: 'arms', code: 'control', reason: 'Een studie heeft precies één controlegroep.' });
  const keys = new Set(body.arms.map((a) => a.key));
  if (keys.size !== body.arms.length) errors.push({ name: 'arms', code: 'duplicate', reason: 'Elke arm heeft een eigen sleutel.' });
  if (new Set(body.strata).size !== body.strata.length) errors.push({ name: 'strata', code: 'duplicate', reason: 'Noem elke stratificatievariabele één keer.' });
  const control = body.arms.find((a) => a.isControl);
  if (control && (control.applicationObligationWaived || control.contactEveryDays !== null || control.earningsDisregardVariant !== null)) {
    errors.push({ name: 'arms', code: 'controlRules', reason: 'De controlegroep volgt de gewone regels: geen afwijkende regels.' });
  }
  if (errors.length > 0) throw invalid(errors);
  return ctx.transaction(async (tx) => {
    const store = studiesStore(tx, ctx.principal);
    const id = randomUUID();
    await store.insertStudy({ id, ...body, seed: randomBytes(32).toString('hex') });
    for (const a of body.arms) await store.insertArm(id, a);
    return load(tx, ctx, id);
  });
}

export async function listStudies(ctx: RequestContext) {
  return ctx.transaction(async (tx) => {
    const store = studiesStore(tx, ctx.principal);
    const rows = await store.studies();
    const arms = await store.arms(rows.map((r) => r.id));
    const out = [];
    for (const s of rows) out.push(present(s, arms, await store.counts(s.id)));
    return wholeList(out);
  });
}

export async function getStudy(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx) => load(tx, ctx, id));
}

export async function enrol(ctx: RequestContext, studyId: string, body: EnrolBody) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    const resident = await store.residentForEnrolment(body.residentId);
    if (!resident) throw problems.notFound(RESIDENT);
    const study = await store.study(studyId, true);
    if (!study) throw problems.notFound(STUDY);
    const errors: InvalidParam[] = [];
    if (study.status !== 'enrolling') errors.push({ name: 'studyId', code: 'closed', reason: 'De inschrijving van deze studie is definitief: er kan niemand meer bij.' });
    if (body.consentGivenOn > todayInNl()) errors.push({ name: 'consentGivenOn', code: 'future', reason: 'De toestemming kan niet in de toekomst gegeven zijn.' });
    if (errors.length > 0) throw invalid(errors);
    const stratum = stratumKey(study.strata.map((s) => (s === 'area' ? resident.area_name : body.educationLevel)));
    const row = await store.enrol({ studyId, residentId: body.residentId, consentGivenOn: body.consentGivenOn, educationLevel: body.educationLevel, stratum });
    if (!row) throw problems.conflict('Deze inwoner doet al mee aan deze studie.', [{ name: 'residentId', code: 'enrolled', reason: 'Al ingeschreven.' }]);
    log.subjects([body.residentId], { action: 'studies.enrol' });
    return {
      studyId,
      residentId: body.residentId,
      consentGivenOn: body.consentGivenOn,
      educationLevel: body.educationLevel,
      stratum,
      enrolledAt: row.enrolled_at.toISOString(),
    };
  });
}

/**
 * Many residents in one request, all or nothing: every resident must be in the caller's scope (else 404, as for one),
 * every line valid and nobody enrolled twice (else 400/409 naming the lines); a failed batch leaves nothing.
 */
export async function enrolBatch(ctx: RequestContext, studyId: string, body: EnrolBatch) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    const study = await store.study(studyId, true);
    if (!study) throw problems.notFound(STUDY);
    const ids = body.participants.map((p) => p.residentId);
    const areas = await store.residentsForEnrolment(ids);
    if (ids.some((id) => !areas.has(id))) throw problems.notFound(RESIDENT);
    const errors: InvalidParam[] = [];
    if (study.status !== 'enrolling') errors.push({ name: 'studyId', code: 'closed', reason: 'De inschrijving van deze studie is definitief: er kan niemand meer bij.' });
    const today = todayInNl();
    body.participants.forEach((p, i) => {
      if (p.consentGivenOn > today) errors.push({ name: `participants[${i}].consentGivenOn`, code: 'future', reason: 'De toestemming kan niet in de toekomst gegeven zijn.' });
    });
    const seen = new Set<string>();
    body.participants.forEach((p, i) => {
      if (seen.has(p.residentId)) errors.push({ name: `participants[${i}].residentId`, code: 'duplicate', reason: 'Deze inwoner staat twee keer in de batch.' });
      seen.add(p.residentId);
    });
    if (errors.length > 0) throw invalid(errors);
    const rows = body.participants.map((p) => ({
      residentId: p.residentId,
      consentGivenOn: p.consentGivenOn,
      educationLevel: p.educationLevel,
      stratum: stratumKey(study.strata.map((s) => (s === 'area' ? areas.get(p.residentId)! : p.educationLevel))),
    }));
    const inserted = await store.enrolMany(studyId, rows);
    if (inserted.size < rows.length) {
      // Thrown inside the transaction: the rows inserted so far are rolled back.
      const already = rows.flatMap((r, i) => (inserted.has(r.residentId) ? [] : [{ name: `participants[${i}].residentId`, code: 'enrolled', reason: 'Al ingeschreven.' }]));
      throw problems.conflict('Een of meer inwoners doen al mee aan deze studie; niemand van de batch is ingeschreven.', already);
    }
    log.subjects(ids, { action: 'studies.enrol' });
    return { studyId, enrolled: rows.length, participants: rows.map((r) => ({ residentId: r.residentId, stratum: r.stratum })) };
  });
}

/** Declares enrolment final and allocates every participant (ADR 0023); each allocation is logged per resident. */
export async function allocateStudy(ctx: RequestContext, studyId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    const study = await store.study(studyId, true);
    if (!study) throw problems.notFound(STUDY);
    if (study.status !== 'enrolling') throw invalid([{ name: 'id', code: 'allocated', reason: 'De loting van deze studie is al gedaan.' }]);
    const participants = await store.enrolment(studyId);
    const arms = await store.arms([studyId]);
    const minimum = arms.reduce((n, a) => n + a.ratio, 0);
    if (participants.length < minimum) {
      throw invalid([{ name: 'id', code: 'tooFew', reason: `Voor de loting zijn minstens ${minimum} deelnemers nodig (nu ${participants.length}).` }]);
    }
    const allocation = allocate(
      participants.map((p) => ({ id: p.resident_id, stratum: p.stratum })),
      arms.map((a) => ({ key: a.key, ratio: a.ratio })),
      study.seed,
      study.block_multiple,
    );
    const ids = participants.map((p) => p.resident_id);
    await store.allocate(studyId, ids, ids.map((id) => allocation.get(id)!));
    log.subjects(ids, { action: 'studies.allocate' });
    return load(tx, ctx, studyId);
  });
}

/** What a resident's arm changes for the werkmatcher: only arms with a rule variant; the control arm shows nothing. */
export async function residentStudyRules(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    if (!(await store.residentVisible(residentId))) throw problems.notFound(RESIDENT);
    const rows = await store.residentArms(residentId);
    log.subjects([residentId], { action: 'studies.rules' });
    return wholeList(
      rows
        .filter((a) => a.application_obligation_waived || a.contact_every_days !== null || a.earnings_disregard_variant !== null)
        .map((a) => ({
          studyId: a.study_id,
          studyName: a.study_name,
          since: a.allocated_at.toISOString(),
          applicationObligationWaived: a.application_obligation_waived,
          contactEveryDays: a.contact_every_days,
          earningsDisregardVariant: a.earnings_disregard_variant,
        })),
    );
  });
}

/**
 * For the worklist (issue 14: a resident's arm changes the rules applied to him from the allocation on): the contact
 * norm in days that a running study's arm sets for each of these residents, the strictest if he is in several.
 * Called inside the worklist's transaction; residents without a study norm are absent from the map.
 */
export async function studyContactNorms(tx: Tx, principal: Principal, residentIds: string[], today: string): Promise<Map<string, number>> {
  const rows = await studiesStore(tx, principal).contactNorms(residentIds, today);
  return new Map(rows.map((r) => [r.resident_id, r.days]));
}

export function powerCalculation(body: PowerRequest & { arms: number }) {
  if (body.kind === 'proportions' && body.p1 === body.p2) {
    throw invalid([{ name: 'p2', code: 'equal', reason: 'Kies twee verschillende proporties: zonder verschil is er niets aan te tonen.' }]);
  }
  const result = requiredSampleSize(body, body.arms);
  if (!Number.isFinite(result.exact) || result.total > 10_000_000) {
    throw invalid([{ name: body.kind === 'proportions' ? 'p2' : 'delta', code: 'tooSmall', reason: 'Dit verschil is te klein om met een haalbare omvang aan te tonen (meer dan 10 miljoen deelnemers).' }]);
  }
  return result;
}

const OUTCOME_COLUMN: Record<string, (r: OutcomeRow) => number> = {
  workingOver12h: (r) => r.working_over_12h,
  permanentContract: (r) => r.permanent_contract,
  hoursPerWeek: (r) => Number(r.hours_per_week),
  outflow: (r) => r.outflow,
};

function dataset(rows: OutcomeRow[], outcome: string): Dataset {
  const col = (name: string, numeric: boolean, values: (string | number)[]): Column => ({
    name,
    numeric,
    values,
    raw: values.map(String),
  });
  const columns = [
    col('y', true, rows.map(OUTCOME_COLUMN[outcome]!)),
    col('arm', false, rows.map((r) => r.arm_key)),
    col('stratum', false, rows.map((r) => r.stratum)),
  ];
  return { columns: new Map(columns.map((c) => [c.name, c])), names: columns.map((c) => c.name), rows: rows.length };
}

/** The ITT effect of each arm against control, unadjusted and adjusted for the strata (PA-034, aggregates only). */
export async function analyseStudy(ctx: RequestContext, studyId: string, q: { outcome?: string; se: 'HC2' | 'HC3'; on?: string; educationLevel?: string }) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    const study = await store.study(studyId);
    if (!study) throw problems.notFound(STUDY);
    if (study.status === 'enrolling') throw invalid([{ name: 'id', code: 'notAllocated', reason: 'De analyse kan pas na de loting.' }]);
    const arms = await store.arms([studyId]);
    const control = arms.find((a) => a.is_control)!;
    const outcome = q.outcome ?? study.primary_outcome;
    const on = q.on ?? todayInNl();
    const all = await store.outcomes(studyId, on);
    const rows = q.educationLevel ? all.filter((r) => r.education_level === q.educationLevel) : all;
    log.aggregate({ action: 'studies.analyse' });
    const ds = dataset(rows, outcome);
    let problem: string | null = null;
    const run = (covariates: string[]) => {
      try {
        return analyse(ds, { outcome: 'y', arm: 'arm', control: control.key, covariates, subset: [], ref: [], se: q.se }).map((e) => ({
          term: e.term,
          armKey: e.term.slice('arm'.length),
          estimate: e.estimate,
          se: e.se,
          t: e.t,
          p: e.p,
          ciLow: e.ci_low,
          ciHigh: e.ci_high,
          df: e.df,
          n: e.n,
        }));
      } catch (err) {
        if (err instanceof AnalysisInputError) {
          problem ??= err.nl;
          return null;
        }
        throw err;
      }
    };
    // Not estimable (too few per arm, no variation): the table of arms with an explanation, no effects.
    const unadjusted = run([]) ?? [];
    // Adjusted for the strata; where a stratum is too small to estimate, the adjusted figures are left empty.
    const adjusted = unadjusted.length > 0 ? (run(['stratum']) ?? []) : [];
    const y = OUTCOME_COLUMN[outcome]!;
    return {
      studyId,
      outcome: outcome as StudyCreate['primaryOutcome'],
      se: q.se,
      on,
      subgroup: q.educationLevel ?? null,
      arms: arms.map((a) => {
        const mine = rows.filter((r) => r.arm_key === a.key);
        return { key: a.key, name: a.name, isControl: a.is_control, n: mine.length, mean: mine.length ? mine.reduce((s, r) => s + y(r), 0) / mine.length : null };
      }),
      unadjusted,
      adjusted,
      problem,
    };
  });
}

/** Cells from 1 to 9 are suppressed in the study's aggregates and merged in the researchers' export (as elsewhere). */
export const MINIMUM_CELL_SIZE = 10;
const BALANCE_VARIABLES = ['educationLevel', 'area', 'ageGroup', 'householdType'] as const;
const suppress = (n: number) => (n > 0 && n < MINIMUM_CELL_SIZE ? null : n);

/** The study page: the CONSORT flow with follow-up per arm and the balance table (PA-034, aggregates only). */
export async function studyOverview(ctx: RequestContext, studyId: string, q: { on?: string }) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    const study = await store.study(studyId);
    if (!study) throw problems.notFound(STUDY);
    const on = q.on ?? todayInNl();
    const counts = await store.counts(studyId);
    const enrolled = counts.reduce((n, c) => n + c.participants, 0);
    log.aggregate({ action: 'studies.overview' });
    if (study.status === 'enrolling') {
      return { studyId, on, minimumCellSize: MINIMUM_CELL_SIZE, consort: { enrolled, allocated: 0, arms: [] }, balance: [] };
    }
    const arms = await store.arms([studyId]);
    const follow = await store.followUp(studyId, on);
    const consortArms = arms.map((a) => {
      const f = follow.find((x) => x.armKey === a.key) ?? { allocated: 0, moved: 0 };
      return { key: a.key, name: a.name, isControl: a.is_control, allocated: f.allocated, lostToFollowUp: f.moved, followedUp: f.allocated - f.moved, analysed: f.allocated };
    });
    const base = await store.baseline(studyId);
    const balance = BALANCE_VARIABLES.map((variable) => {
      const mine = base.filter((b) => b.variable === variable);
      const levels = [...new Set(mine.map((b) => b.level))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      return {
        variable,
        levels: levels.map((level) => {
          const cells = consortArms.map((a) => {
            const n = mine.find((b) => b.level === level && b.armKey === a.key)?.n ?? 0;
            const shown = suppress(n);
            return { key: a.key, n: shown, share: shown === null || a.allocated === 0 ? null : n / a.allocated };
          });
          return { level, arms: cells, total: suppress(mine.filter((b) => b.level === level).reduce((t, b) => t + b.n, 0)) };
        }),
      };
    });
    return { studyId, on, minimumCellSize: MINIMUM_CELL_SIZE, consort: { enrolled, allocated: consortArms.reduce((n, a) => n + a.allocated, 0), arms: consortArms }, balance };
  });
}

/** A study's keyed pseudonym of a resident: HMAC-SHA-256 under the study's own key, stable within the study only. */
export function studyPseudonym(key: string, residentId: string): string {
  return `P${createHmac('sha256', key).update(residentId).digest('hex').slice(0, 16)}`;
}

const CODEBOOK = [
  { name: 'pseudonym', type: 'pseudonym', descriptionNl: 'Vast pseudoniem van de deelnemer binnen deze studie', descriptionEn: 'Stable pseudonym of the participant within this study' },
  { name: 'arm', type: 'categorical', descriptionNl: 'Groep uit de loting (sleutel van de arm)', descriptionEn: 'Arm from the lottery (arm key)' },
  { name: 'educationLevel', type: 'categorical', descriptionNl: 'Opleidingsniveau bij inschrijving', descriptionEn: 'Education level at enrolment' },
  { name: 'area', type: 'categorical', descriptionNl: 'Wijk', descriptionEn: 'District (wijk)' },
  { name: 'ageGroup', type: 'categorical', descriptionNl: 'Leeftijdsgroep bij de loting', descriptionEn: 'Age group at allocation' },
  { name: 'householdType', type: 'categorical', descriptionNl: 'Type huishouden', descriptionEn: 'Household type' },
  { name: 'enrolledMonth', type: 'month', descriptionNl: 'Maand van inschrijving (JJJJ-MM)', descriptionEn: 'Month of enrolment (YYYY-MM)' },
  { name: 'allocatedMonth', type: 'month', descriptionNl: 'Maand van de loting (JJJJ-MM)', descriptionEn: 'Month of allocation (YYYY-MM)' },
  { name: 'workingOver12h', type: 'binary', descriptionNl: 'Op de peildatum aan het werk, meer dan 12 uur per week (1/0)', descriptionEn: 'Working more than 12 hours a week on the reference date (1/0)' },
  { name: 'permanentContract', type: 'binary', descriptionNl: 'Op de peildatum een vast contract (1/0)', descriptionEn: 'Permanent contract on the reference date (1/0)' },
  { name: 'hoursPerWeek', type: 'number', descriptionNl: 'Uren per week in plaatsingen op de peildatum', descriptionEn: 'Hours a week in placements on the reference date' },
  { name: 'outflow', type: 'binary', descriptionNl: 'Volledige uitstroom uit de uitkering door werk op de peildatum (1/0)', descriptionEn: 'Full outflow from benefit through work on the reference date (1/0)' },
  { name: 'movedAway', type: 'binary', descriptionNl: 'Verhuisd uit de gemeente sinds de loting (1/0): uitkomsten daarna onbekend', descriptionEn: 'Moved out of the municipality since allocation (1/0): later outcomes unknown' },
] as const;

const MERGED = ['educationLevel', 'area', 'ageGroup', 'householdType'] as const;

/**
 * The researchers' pseudonymised data set (PA-035): one row per allocated participant under the study's keyed
 * pseudonym; no BSN, name, address or date of birth; dates as months; levels of a categorical variable under the
 * minimum cell size merged into "overig" (null where even that stays under it). Every participant in it is a subject of the log entry.
 */
export async function exportStudy(ctx: RequestContext, studyId: string, q: { on?: string }) {
  return ctx.transaction(async (tx, log) => {
    const store = studiesStore(tx, ctx.principal);
    const study = await store.study(studyId);
    if (!study) throw problems.notFound(STUDY);
    if (study.status === 'enrolling') throw invalid([{ name: 'id', code: 'notAllocated', reason: 'De dataset bestaat pas na de loting.' }]);
    const on = q.on ?? todayInNl();
    const key = (await store.pseudonymKey(studyId))!;
    const raw = await store.exportRows(studyId, on);
    log.subjects(raw.map((r) => r.resident_id), { action: 'studies.export' });
    const rows = raw.map((r) => ({
      pseudonym: studyPseudonym(key, r.resident_id),
      arm: r.arm_key,
      educationLevel: r.education_level,
      area: r.area,
      ageGroup: r.age_group,
      householdType: r.household_type,
      enrolledMonth: r.enrolled_month,
      allocatedMonth: r.allocated_month,
      workingOver12h: r.working_over_12h,
      permanentContract: r.permanent_contract,
      hoursPerWeek: Number(r.hours_per_week),
      outflow: r.outflow,
      movedAway: r.moved,
    }));
    const levels = new Map<string, string[]>();
    const out: Array<Omit<(typeof rows)[number], (typeof MERGED)[number]> & Record<(typeof MERGED)[number], string | null>> = rows.map((r) => ({ ...r }));
    for (const v of MERGED) {
      const map = mergeSmallCells(rows.map((r) => r[v]), MINIMUM_CELL_SIZE);
      out.forEach((r, i) => (r[v] = map.get(rows[i]![v])!));
      levels.set(v, [...new Set([...map.values()].filter((x): x is string => x !== null))].sort());
    }
    levels.set('arm', [...new Set(rows.map((r) => r.arm))].sort());
    // Shuffled out of enrolment order by the pseudonym: the order of the rows tells nothing.
    out.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));
    return {
      studyId,
      studyName: study.name,
      registrationId: study.registration_id,
      on,
      minimumCellSize: MINIMUM_CELL_SIZE,
      codebook: CODEBOOK.map((c) => ({ ...c, levels: levels.get(c.name) ?? null })),
      ...wholeList(out),
    };
  });
}
