import { randomUUID } from 'node:crypto';
import { dutchDateLong } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import { maskOf, schoolHours } from '../../domain/schedule.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { enqueueJob } from '../../platform/jobs/jobs.ts';
import { dashboardFigures, type FigureRow, type KpiRow, type ProgrammeInput } from './dashboard.rules.ts';
import type { Dashboard, DashboardQuery, ProgrammeCreate } from './programmes.schema.ts';
import { PROGRAMME_REFRESH_QUEUE } from './programmes.queues.ts';
import { programmesStore, type ActionLineRow, type ProgrammeRow } from './programmes.store.ts';

// Programmes and their dashboard for the policy officer (issue 12). Programmes themselves hold no personal data; the
// dashboard answers from the pre-aggregated figures (counts only, PA-026) and is logged as one aggregate entry, no
// resident named. A month's figures are frozen by the snapshot job; a report or dashboard of a frozen month shows
// the frozen figures (the report of March stays the report of March).

const PROGRAMME = 'Dit programma';
export const SCHOOL_MASK = maskOf(schoolHours());

function present(row: ProgrammeRow, lines: ActionLineRow[]) {
  const own = lines.filter((l) => l.programme_id === row.id);
  const actionLines = own.map((l) => ({ id: l.id, kind: l.kind, name: l.name, budgetCents: Number(l.budget_cents), spentCents: Number(l.spent_cents) }));
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    baselinePerYear: row.baseline_per_year,
    goalExtra: row.goal_extra,
    target: { minYearsOnBenefit: row.target_min_years_on_benefit, ageMin: row.target_age_min, ageMax: row.target_age_max, areaIds: row.target_area_ids },
    actionLines,
    budgetCents: actionLines.reduce((s, l) => s + l.budgetCents, 0),
    spentCents: actionLines.reduce((s, l) => s + l.spentCents, 0),
    refreshedAt: row.refreshed_at ? new Date(row.refreshed_at).toISOString() : null,
  };
}
export type Programme = ReturnType<typeof present>;

async function load(tx: Tx, municipalityId: string, id: string) {
  const store = programmesStore(tx, municipalityId);
  const row = (await store.list(id))[0];
  if (!row) throw problems.notFound(PROGRAMME);
  return present(row, await store.actionLines([id]));
}

export async function listProgrammes(ctx: RequestContext) {
  return ctx.transaction(async (tx) => {
    const store = programmesStore(tx, ctx.principal.municipalityId);
    const rows = await store.list();
    const lines = await store.actionLines(rows.map((r) => r.id));
    return wholeList(rows.map((r) => present(r, lines)));
  });
}

export async function getProgramme(ctx: RequestContext, id: string) {
  return ctx.transaction((tx) => load(tx, ctx.principal.municipalityId, id));
}

export async function createProgramme(ctx: RequestContext, body: ProgrammeCreate) {
  return ctx.transaction(async (tx) => {
    const store = programmesStore(tx, ctx.principal.municipalityId);
    const errors: InvalidParam[] = [];
    if (body.periodEnd <= body.periodStart) errors.push({ name: 'periodEnd', code: 'range', reason: 'Het programma eindigt na de begindatum. Kies een latere einddatum.' });
    else if (Number(body.periodEnd.slice(0, 4)) - Number(body.periodStart.slice(0, 4)) > 10) {
      errors.push({ name: 'periodEnd', code: 'tooLong', reason: 'Een programma loopt hoogstens 10 jaar. Kies een eerdere einddatum.' });
    }
    const t = body.target ?? {};
    if (t.ageMin != null && t.ageMax != null && t.ageMin > t.ageMax) errors.push({ name: 'target.ageMax', code: 'range', reason: 'De hoogste leeftijd is lager dan de laagste.' });
    if (t.areaIds && !(await store.areaIdsExist(t.areaIds))) errors.push({ name: 'target.areaIds', code: 'unknown', reason: 'Een of meer wijken bestaan niet in uw gemeente.' });
    if (errors.length > 0) throw problems.invalid(errors);
    const id = randomUUID();
    await store.insert({
      id,
      name: body.name,
      description: body.description || null,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      baselinePerYear: body.baselinePerYear,
      goalExtra: body.goalExtra,
      minYears: t.minYearsOnBenefit ?? null,
      ageMin: t.ageMin ?? null,
      ageMax: t.ageMax ?? null,
      areaIds: t.areaIds ?? [],
      createdBy: ctx.principal.userId,
    });
    let position = 0;
    for (const l of body.actionLines) await store.insertActionLine(id, { id: randomUUID(), kind: l.kind, name: l.name, budgetCents: l.budgetCents, position: position++ });
    await enqueueJob(tx, ctx.principal.municipalityId, PROGRAMME_REFRESH_QUEUE, { programmeId: id });
    return load(tx, ctx.principal.municipalityId, id);
  });
}

export async function addExpenditure(ctx: RequestContext, id: string, body: { actionLineId: string; spentOn: string; amountCents: number; description: string }) {
  return ctx.transaction(async (tx) => {
    const programme = await load(tx, ctx.principal.municipalityId, id);
    const errors: InvalidParam[] = [];
    if (!programme.actionLines.some((l) => l.id === body.actionLineId)) errors.push({ name: 'actionLineId', code: 'unknown', reason: 'Deze actielijn hoort niet bij het programma.' });
    if (body.spentOn < programme.periodStart || body.spentOn > programme.periodEnd) {
      errors.push({ name: 'spentOn', code: 'range', reason: `Kies een datum binnen de looptijd van het programma (${dutchDateLong(programme.periodStart)} tot en met ${dutchDateLong(programme.periodEnd)}).` });
    }
    if (errors.length > 0) throw problems.invalid(errors);
    const expenditureId = randomUUID();
    await programmesStore(tx, ctx.principal.municipalityId).insertExpenditure({ id: expenditureId, programmeId: id, recordedBy: ctx.principal.userId, ...body });
    return { id: expenditureId, ...body };
  });
}

export async function listExpenditures(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx) => {
    await load(tx, ctx.principal.municipalityId, id);
    return wholeList(await programmesStore(tx, ctx.principal.municipalityId).expenditures(id));
  });
}

const currentMonth = (today: string) => today.slice(0, 7);

/** The inputs of a dashboard: the programme, the areas and the pre-aggregated counts. A snapshot freezes these. */
export interface DashboardInputs {
  version: 1;
  programme: Programme;
  areas: Array<{ id: string; name: string }>;
  figures: FigureRow[];
  kpis: KpiRow[];
}

async function liveInputs(tx: Tx, municipalityId: string, id: string, until: string | null = null): Promise<DashboardInputs> {
  const store = programmesStore(tx, municipalityId);
  const row = (await store.list(id))[0];
  if (!row) throw problems.notFound(PROGRAMME);
  const programme = present(row, await store.actionLines([id], until));
  return { version: 1, programme, areas: await store.areas(), figures: await store.figures(id), kpis: await store.kpis(id) };
}

function fromInputs(inputs: DashboardInputs, to: string | null, areaId: string | null, today: string, frozenAt: string | null): Dashboard {
  const { programme } = inputs;
  const last = [programme.periodEnd.slice(0, 7), currentMonth(today)].sort()[0]!;
  const month = to && to < last ? to : last;
  const figures = dashboardFigures({
    programme: { ...programme } as ProgrammeInput,
    areas: inputs.areas,
    figures: inputs.figures,
    kpis: inputs.kpis,
    to: month < programme.periodStart.slice(0, 7) ? programme.periodStart.slice(0, 7) : month,
    today,
    areaId,
    refreshedAt: programme.refreshedAt,
  });
  return { ...figures, frozenAt };
}

/** The dashboard computed now from the pre-aggregated figures (no log entry: the caller logs). */
export async function computeDashboard(tx: Tx, municipalityId: string, id: string, to: string | null, areaId: string | null, today = todayInNl()): Promise<Dashboard> {
  return fromInputs(await liveInputs(tx, municipalityId, id), to, areaId, today, null);
}

const endOfMonth = (ym: string) => {
  const [y, mo] = ym.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
};

/** Frozen figures of a month, or null. The counts are frozen; the same pure rules present them. */
async function frozen(tx: Tx, municipalityId: string, id: string, month: string, areaId: string | null): Promise<Dashboard | null> {
  const snap = await programmesStore(tx, municipalityId).snapshot(id, `${month}-01`);
  if (!snap) return null;
  const inputs = snap.figures as DashboardInputs;
  return fromInputs(inputs, month, areaId, endOfMonth(month), new Date(snap.frozen_at).toISOString());
}

/** The dashboard a caller sees: the frozen month when there is one, otherwise the current figures. */
export async function dashboardFor(tx: Tx, municipalityId: string, id: string, query: DashboardQuery): Promise<Dashboard> {
  const areaId = query.areaId ?? null;
  if (areaId && !(await programmesStore(tx, municipalityId).areaIdsExist([areaId]))) {
    throw problems.invalid([{ name: 'areaId', code: 'unknown', reason: 'Deze wijk bestaat niet in uw gemeente.' }]);
  }
  await load(tx, municipalityId, id);
  if (query.to) {
    const f = await frozen(tx, municipalityId, id, query.to, areaId);
    if (f) return f;
  }
  return computeDashboard(tx, municipalityId, id, query.to ?? null, areaId);
}

export async function dashboard(ctx: RequestContext, id: string, query: DashboardQuery, action = 'programmes.dashboard') {
  return ctx.transaction(async (tx, log) => {
    const d = await dashboardFor(tx, ctx.principal.municipalityId, id, query);
    // Aggregates only: one entry with the subject 'aggregate', no resident named.
    log.aggregate({ action });
    return d;
  });
}

export async function listSnapshots(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx) => {
    await load(tx, ctx.principal.municipalityId, id);
    const rows = await programmesStore(tx, ctx.principal.municipalityId).snapshots(id);
    return wholeList(rows.map((r) => ({ month: r.month, frozenAt: new Date(r.frozen_at).toISOString() })));
  });
}

/** Rebuilds the figures of every programme of the municipality (the job; idempotent). */
export async function refreshProgrammes(tx: Tx, municipalityId: string, programmeId?: string, today = todayInNl()): Promise<number> {
  const store = programmesStore(tx, municipalityId);
  const ids = programmeId ? [programmeId] : await store.programmeIds();
  let rows = 0;
  for (const id of ids) rows += await store.refresh(id, SCHOOL_MASK, today);
  return rows;
}

/**
 * The refresh job's run: concurrent triggers of one municipality run once. The trigger's moment is taken first (the
 * job runs after its trigger committed); then the municipality's refresh lock is awaited. When a complete refresh
 * started reading after that moment, it saw everything the trigger committed: this run is skipped. Otherwise the
 * figures are rebuilt (all programmes, or the one named) and, when complete, its start is remembered.
 */
export async function refreshCoalesced(tx: Tx, municipalityId: string, programmeId?: string, today = todayInNl()): Promise<{ ran: boolean; rows: number }> {
  const store = programmesStore(tx, municipalityId);
  const triggeredAt = await store.clock();
  await store.lockRefresh();
  if ((await store.lastCompleteRefresh(triggeredAt))?.startedSince) return { ran: false, rows: 0 };
  const startedAt = await store.clock();
  const rows = await refreshProgrammes(tx, municipalityId, programmeId, today);
  if (!programmeId) await store.recordCompleteRefresh(startedAt);
  return { ran: true, rows };
}

/** How many complete refreshes of the municipality ran (for tests and the bench). */
export async function completeRefreshRuns(tx: Tx, municipalityId: string): Promise<number> {
  return (await programmesStore(tx, municipalityId).lastCompleteRefresh())?.runs ?? 0;
}

/** The snapshot job's run: under the municipality's refresh lock, so a second trigger finds the month frozen. */
export async function freezeMonthLocked(tx: Tx, municipalityId: string, month: string, today = todayInNl()): Promise<number> {
  await programmesStore(tx, municipalityId).lockRefresh();
  return freezeMonth(tx, municipalityId, month, today);
}

/**
 * Freezes `month` (YYYY-MM) of every programme running then, once: the counts up to that month, the KPIs as they
 * stood at its end and what was spent by then. `refresh`: rebuild the figures first (the job); the seed builds them
 * once for all months, and puts today's KPIs back once at the end (`restoreKpis` false).
 */
export async function freezeMonth(tx: Tx, municipalityId: string, month: string, today = todayInNl(), refresh = true, restoreKpis = true): Promise<number> {
  const store = programmesStore(tx, municipalityId);
  const monthEnd = [endOfMonth(month), today].sort()[0]!;
  let frozenCount = 0;
  for (const row of await store.list()) {
    if (month < row.period_start.slice(0, 7) || month > row.period_end.slice(0, 7)) continue;
    if (await store.snapshot(row.id, `${month}-01`)) continue;
    if (refresh) await store.refresh(row.id, SCHOOL_MASK, today);
    await store.refreshKpis(row.id, SCHOOL_MASK, monthEnd);
    const inputs = await liveInputs(tx, municipalityId, row.id, monthEnd);
    inputs.figures = inputs.figures.filter((f) => f.month.slice(0, 7) <= month);
    if (await store.freeze(row.id, `${month}-01`, inputs)) frozenCount += 1;
    // The current KPIs back (the dashboard of today); the seed does this once after all months.
    if (restoreKpis) await store.refreshKpis(row.id, SCHOOL_MASK, today);
  }
  return frozenCount;
}

/**
 * The disclosure control of the dashboard, offered to other modules' council figures (issue 13's yearly council
 * letter of Team Jongeren): cells under MINIMUM_CELL_SIZE hidden, and more until no hidden cell follows from a total.
 */
export { MINIMUM_CELL_SIZE, suppressGrid } from './suppression.rules.ts';
