import { randomUUID } from 'node:crypto';
import { yearsBetween, todayInNl } from '../../domain/dates.ts';
import { countdownText, daysBetweenIso, reportDateProblem, searchPeriodApplies, searchPeriodDates, searchPeriodState } from '../../domain/search-period.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { wholeList } from '../../platform/http/list.ts';
import type { ProblemError} from '../../platform/http/problem.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { presentPeriod } from './youth.presenter.ts';
import { youthStore } from './youth.store.ts';

// Search periods (zoektermijn, art. 41 lid 4 Participatiewet), PA-028: the melding starts a four-week clock for a
// young person under 27; the werkmatcher records what he did in it, may record the college's decision to handle
// the application earlier (art. 41 lid 11, with the reason), or the withdrawal of the melding.

const PERIOD = 'Deze zoektermijn';
const RESIDENT = 'Deze inwoner';

export function invalidInput(invalidParams: InvalidParam[]): ProblemError {
  return problems.invalid(invalidParams);
}

/** A period that no longer runs cannot be changed: said as a conflict, with the field. */
function notRunning(name = 'periodId'): ProblemError {
  return problems.conflict('Deze zoektermijn loopt niet meer (afgelopen, ontheven of ingetrokken).', [
    { name, code: 'notRunning', reason: 'De zoektermijn loopt niet meer.' },
  ]);
}

export async function loadPeriod(tx: Tx, principal: Principal, id: string, today: string, lock = false) {
  const store = youthStore(tx, principal);
  const row = await store.period(id, lock);
  if (!row) throw problems.notFound(PERIOD);
  const [activities, exemptions] = await Promise.all([store.activities([id]), store.exemptionsOfPeriods([id])]);
  return { row, period: presentPeriod(principal, row, activities, exemptions, today) };
}

export async function createSearchPeriod(ctx: RequestContext, residentId: string, body: { reportDate: string }) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = youthStore(tx, ctx.principal);
    const resident = await store.residentInScope(residentId);
    if (!resident) throw problems.notFound(RESIDENT);
    const problem = reportDateProblem(body.reportDate, today);
    if (problem) throw invalidInput([{ name: 'reportDate', ...problem }]);
    if (!searchPeriodApplies(resident.date_of_birth, body.reportDate)) {
      const age = yearsBetween(resident.date_of_birth, body.reportDate);
      throw invalidInput([
        { name: 'reportDate', code: 'age', reason: `Op de meldingsdatum was deze inwoner ${age} jaar. De zoektermijn geldt voor jongeren van 18 tot 27 jaar.` },
      ]);
    }
    await store.lockResident(residentId);
    const running = await store.runningOf(residentId, today);
    if (running) {
      throw problems.conflict(`Er loopt al een zoektermijn voor deze jongere (tot ${running.end_date}).`, [
        { name: 'reportDate', code: 'running', reason: 'Er loopt al een zoektermijn. Trek die eerst in als de melding opnieuw is gedaan.' },
      ]);
    }
    if (await store.sameReportDate(residentId, body.reportDate)) {
      throw problems.conflict('Er is al een zoektermijn met deze meldingsdatum.', [
        { name: 'reportDate', code: 'duplicate', reason: 'Voor deze meldingsdatum is al een zoektermijn vastgelegd.' },
      ]);
    }
    const teamId = await store.teamFor(resident.area_id);
    if (!teamId) throw problems.notFound(RESIDENT);
    const id = randomUUID();
    await store.insertPeriod({ id, residentId, teamId, reportDate: body.reportDate, ...searchPeriodDates(body.reportDate) });
    log.subjects([residentId], { action: 'youth.searchPeriods.create' });
    return (await loadPeriod(tx, ctx.principal, id, today)).period;
  });
}

export async function residentSearchPeriods(ctx: RequestContext, residentId: string) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = youthStore(tx, ctx.principal);
    if (!(await store.residentInScope(residentId))) throw problems.notFound(RESIDENT);
    const rows = await store.periodsOfResident(residentId);
    const ids = rows.map((r) => r.id);
    const [activities, exemptions] = await Promise.all([store.activities(ids), store.exemptionsOfPeriods(ids)]);
    log.subjects([residentId], { action: 'youth.searchPeriods.list' });
    return wholeList(rows.map((r) => presentPeriod(ctx.principal, r, activities, exemptions, today)));
  });
}

export async function listSearchPeriods(ctx: RequestContext, query: { status: 'running' | 'all'; mine: 'true' | 'false' }) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = youthStore(tx, ctx.principal);
    const rows = await store.list({ running: query.status === 'running', mine: query.mine === 'true', today, limit: 500 });
    const ids = rows.map((r) => r.id);
    const [activities, exemptions] = await Promise.all([store.activities(ids), store.exemptionsOfPeriods(ids)]);
    log.subjects(rows.map((r) => r.resident_id), { action: 'youth.searchPeriods.list' });
    return wholeList(rows.map((r) => presentPeriod(ctx.principal, r, activities, exemptions, today)));
  });
}

export async function getSearchPeriod(ctx: RequestContext, periodId: string) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const { row, period } = await loadPeriod(tx, ctx.principal, periodId, today);
    log.subjects([row.resident_id], { action: 'youth.searchPeriods.read' });
    return period;
  });
}

export async function recordSearchActivity(
  ctx: RequestContext,
  periodId: string,
  body: { occurredOn: string; kind: string; description: string },
) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const { row } = await loadPeriod(tx, ctx.principal, periodId, today, true);
    if (row.status !== 'running') throw notRunning();
    // What happened in the period: from the report date, not in the future (a late entry after the end is fine).
    const errors: InvalidParam[] = [];
    if (body.occurredOn > today) errors.push({ name: 'occurredOn', code: 'future', reason: 'Deze datum ligt in de toekomst. Leg vast wat al gebeurd is.' });
    else if (body.occurredOn < row.start_date || body.occurredOn > row.end_date) {
      errors.push({ name: 'occurredOn', code: 'outsidePeriod', reason: `Kies een datum in de zoektermijn: van ${row.start_date} tot en met ${row.end_date}.` });
    }
    if (errors.length > 0) throw invalidInput(errors);
    await youthStore(tx, ctx.principal).insertActivity({ id: randomUUID(), periodId, residentId: row.resident_id, ...body });
    log.subjects([row.resident_id], { action: 'youth.searchActivities.create' });
    return (await loadPeriod(tx, ctx.principal, periodId, today)).period;
  });
}

export async function handleEarly(ctx: RequestContext, periodId: string, body: { on?: string; reason: string }) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const { row, period } = await loadPeriod(tx, ctx.principal, periodId, today, true);
    if (period.status !== 'running') throw notRunning();
    const on = body.on ?? today;
    if (on > today) throw invalidInput([{ name: 'on', code: 'future', reason: 'Deze datum ligt in de toekomst. Leg het besluit vast op de dag dat het genomen is.' }]);
    if (on < row.start_date) throw invalidInput([{ name: 'on', code: 'beforeStart', reason: `Het besluit kan niet vóór de melding (${row.start_date}) liggen.` }]);
    await youthStore(tx, ctx.principal).handleEarly(periodId, on, body.reason);
    log.subjects([row.resident_id], { action: 'youth.searchPeriods.handleEarly' });
    return (await loadPeriod(tx, ctx.principal, periodId, today)).period;
  });
}

export async function withdrawSearchPeriod(ctx: RequestContext, periodId: string, body: { reason: string }) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const { row, period } = await loadPeriod(tx, ctx.principal, periodId, today, true);
    if (period.status !== 'running') throw notRunning();
    await youthStore(tx, ctx.principal).withdraw(periodId, today, body.reason);
    log.subjects([row.resident_id], { action: 'youth.searchPeriods.withdraw' });
    return (await loadPeriod(tx, ctx.principal, periodId, today)).period;
  });
}

/**
 * The werklijst's countdowns (called by the worklist service inside its transaction; it logs the residents shown):
 * running search periods of the caller's caseload, the soonest end first.
 */
export async function searchPeriodCountdowns(tx: Tx, principal: Principal, today: string, limit: number) {
  const rows = await youthStore(tx, principal).countdowns(today, limit);
  const items = rows.map((r) => {
    const state = searchPeriodState({ status: 'running', startDate: r.start_date, endDate: r.end_date, handledEarlyOn: null }, today);
    const daysLeft = state.daysLeft ?? daysBetweenIso(today, r.end_date);
    return {
      searchPeriodId: r.id,
      resident: { id: r.resident_id, name: displayName(r), area: { id: r.area_id, name: r.area_name } },
      endDate: r.end_date,
      daysLeft,
      countdown: countdownText(daysLeft),
      exemptionPending: r.exemption_pending,
    };
  });
  return { items, total: Number(rows[0]?.total ?? 0) };
}
