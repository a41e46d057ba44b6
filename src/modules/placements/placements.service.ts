import { randomUUID } from 'node:crypto';
import { followUpDoneProblem, placementStartProblem } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import { can } from '../../platform/access/permissions.ts';
import { hasRole } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { invalidInput } from '../employers/employers.service.ts';
import { outflowsOfPlacements, registerPlacementOutflow } from '../outflow/outflow.service.ts';
import { markVacancyFilled } from '../vacancies/vacancies.service.ts';
import { placementVersion, presentPlacement } from './placements.presenter.ts';
import { addDays, FOLLOW_UP_WINDOW_DAYS, followUpSchedule } from './placements.rules.ts';
import type { FollowUpBody, PlacementCreate } from './placements.schema.ts';
import { isAgreementViolation, placementsStore } from './placements.store.ts';
import { wholeList } from '../../platform/http/list.ts';
import { publishEvent } from '../webhooks/webhooks.service.ts';

// Placements and follow-up (nazorg), PA-015. Creating one is a single transaction: the placement, its four
// follow-ups, the outflow on the resident's active case, the proposal → placed and the vacancy → filled. Any failure
// (also one the database finds last, such as an agreement of another employer) leaves nothing behind.

const PLACEMENT = 'Deze plaatsing';
const RESIDENT = 'Deze inwoner';
const KIND = 'placement';
const CLOSED_PROPOSAL = ['residentDeclined', 'rejected', 'withdrawn', 'placed'];

async function load(tx: Tx, ctx: RequestContext, id: string, lock = false) {
  const store = placementsStore(tx, ctx.principal);
  const row = await store.findVisible(id, lock);
  if (!row) throw problems.notFound(PLACEMENT);
  const placement = presentPlacement(row, await store.followUps([id]), await outflowsOfPlacements(tx, ctx, [id]));
  return { placement, etag: etagOf(KIND, id, placementVersion(placement)) };
}

export async function createPlacement(ctx: RequestContext, body: PlacementCreate) {
  try {
    return await ctx.transaction(async (tx, log) => {
      const store = placementsStore(tx, ctx.principal);
      const inScope = (await store.residentInScope(body.residentId)) !== null;
      const proposal = body.proposalId ? await store.proposal(body.proposalId, body.residentId) : null;
      // The advisor may place only on a proposal whose identity was revealed to him; anything else looks like nothing.
      const viaReveal = hasRole(ctx.principal, 'employerAdvisor') && proposal?.status === 'revealed';
      if (!inScope && !viaReveal) throw problems.notFound(RESIDENT);

      const errors: InvalidParam[] = [];
      const start = placementStartProblem(body.startDate, todayInNl());
      if (start) errors.push({ name: 'startDate', ...start });
      if (body.proposalId && (!proposal || CLOSED_PROPOSAL.includes(proposal.status))) {
        errors.push({ name: 'proposalId', code: 'closed', reason: 'Dit voorstel hoort niet bij deze inwoner of is al afgesloten.' });
      }
      if (!(await store.employerExists(body.employerId))) {
        errors.push({ name: 'employerId', code: 'unknown', reason: 'Deze werkgever bestaat niet, of u heeft er geen toegang toe.' });
      }
      const vacancyId = body.vacancyId ?? proposal?.vacancy_id ?? null;
      if (proposal && body.vacancyId && body.vacancyId !== proposal.vacancy_id) {
        errors.push({ name: 'vacancyId', code: 'mismatch', reason: 'Deze vacature hoort niet bij het voorstel.' });
      } else if (vacancyId && (await store.vacancyEmployer(vacancyId)) !== body.employerId) {
        errors.push({ name: body.vacancyId ? 'vacancyId' : 'proposalId', code: 'mismatch', reason: 'De vacature hoort niet bij deze werkgever.' });
      }
      // The agreement it counts towards: as given (null: explicitly none), otherwise the employer's intention agreement
      // that runs on the start date. Several running: the caller must choose, a silent pick could count it wrongly.
      let agreementId = body.agreementId ?? null;
      if (body.agreementId === undefined && errors.length === 0) {
        const running = await store.runningAgreements(body.employerId, body.startDate);
        if (running.length > 1) {
          errors.push({
            name: 'agreementId',
            code: 'ambiguous',
            reason: `Op de startdatum lopen ${running.length} afspraken met deze werkgever (${running.map((a) => a.title).join('; ')}). Kies bij welke afspraak deze plaatsing telt, of kies "Geen afspraak".`,
          });
        }
        agreementId = running[0]?.id ?? null;
      }
      if (errors.length > 0) throw invalidInput(errors);

      await store.setCaseOutflow(body.residentId, body.outflow, body.startDate);
      if (proposal) await store.markProposalPlaced(proposal.id);
      if (vacancyId) await markVacancyFilled(tx, ctx, vacancyId);
      const id = randomUUID();
      // The agreement is checked by the database (it must be one of this employer's): a violation rolls back all above.
      await store.insert({
        id,
        residentId: body.residentId,
        employerId: body.employerId,
        vacancyId,
        proposalId: proposal?.id ?? null,
        agreementId,
        startDate: body.startDate,
        contractType: body.contractType,
        hoursPerWeek: body.hoursPerWeek,
        hourlyWage: body.hourlyWage ?? null,
        instrument: body.instrument ?? null,
        outflow: body.outflow,
      });
      await store.insertFollowUps(id, followUpSchedule(body.startDate));
      await publishEvent(tx, ctx, {
        type: 'nl.samenplan.plaatsing.gestart',
        residentId: body.residentId,
        subject: id,
        dataref: `/api/v1/placements/${id}`,
        data: { placementId: id },
      });
      // A placement that ends the benefit registers the outflow (benefit ends, case closes) when its creator may:
      // the area team. The employer advisor's placement leaves it to the werkmatcher, who is offered this placement.
      if (body.outflow === 'full' && inScope && can(ctx.principal, 'outflow:write')) {
        await registerPlacementOutflow(ctx, body.residentId, { id, startDate: body.startDate, hoursPerWeek: body.hoursPerWeek });
      }
      log.subjects([body.residentId], { action: 'placements.create' });
      return load(tx, ctx, id);
    });
  } catch (err) {
    if (isAgreementViolation(err)) {
      throw invalidInput([{ name: 'agreementId', code: 'unknown', reason: 'Deze afspraak hoort niet bij de werkgever.' }]);
    }
    throw err;
  }
}

export async function getPlacement(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const result = await load(tx, ctx, id);
    log.subjects([result.placement.residentId], { action: 'placements.read' });
    return result;
  });
}

export async function residentPlacements(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = placementsStore(tx, ctx.principal);
    const rows = await store.visibleOfResident(residentId);
    if (rows.length === 0 && !(await store.residentInScope(residentId))) throw problems.notFound(RESIDENT);
    const followUps = rows.length > 0 ? await store.followUps(rows.map((r) => r.id)) : [];
    const outflows = await outflowsOfPlacements(tx, ctx, rows.map((r) => r.id));
    log.subjects([residentId], { action: 'placements.list' });
    return wholeList(rows.map((r) => presentPlacement(r, followUps, outflows)));
  });
}

export async function listPlacements(ctx: RequestContext, query: { followUpDue?: 'true' | 'false' }) {
  return ctx.transaction(async (tx, log) => {
    const store = placementsStore(tx, ctx.principal);
    const dueBefore = query.followUpDue === 'true' ? addDays(todayInNl(), FOLLOW_UP_WINDOW_DAYS) : null;
    const rows = await store.visibleList(dueBefore);
    const followUps = rows.length > 0 ? await store.followUps(rows.map((r) => r.id)) : [];
    const outflows = await outflowsOfPlacements(tx, ctx, rows.map((r) => r.id));
    log.subjects(rows.map((r) => r.resident_id), { action: 'placements.list' });
    return wholeList(rows.map((r) => presentPlacement(r, followUps, outflows)));
  });
}

export async function recordFollowUp(ctx: RequestContext, id: string, months: number, ifMatch: string | undefined, body: FollowUpBody) {
  return ctx.transaction(async (tx, log) => {
    const current = await load(tx, ctx, id, true);
    if (versionFromIfMatch(ifMatch, KIND, id) !== placementVersion(current.placement)) throw problems.stale();
    const errors: InvalidParam[] = [];
    const done = followUpDoneProblem(body.doneOn, current.placement.startDate, todayInNl());
    if (done) errors.push({ name: 'doneOn', ...done });
    if (errors.length > 0) throw invalidInput(errors);
    await placementsStore(tx, ctx.principal).recordFollowUp(id, months, { doneOn: body.doneOn, stillEmployed: body.stillEmployed, note: body.note || null });
    log.subjects([current.placement.residentId], { action: 'placements.followUp.record' });
    return load(tx, ctx, id);
  });
}

/**
 * Issue 12 (outflow module): the placement an outflow is linked to, inside the caller's transaction (no log entry of
 * its own: the outflow logs the resident). Given an id: that placement if it is the resident's and visible; without
 * one: the resident's latest active placement that started on or before the day, if any.
 */
export async function placementForOutflow(tx: Tx, ctx: RequestContext, residentId: string, placementId: string | undefined, on: string) {
  const rows = await placementsStore(tx, ctx.principal).visibleOfResident(residentId);
  const pick = placementId
    ? rows.find((r) => r.id === placementId)
    : rows.filter((r) => r.status === 'active' && r.start_date <= on).sort((a, b) => b.start_date.localeCompare(a.start_date))[0];
  return pick ? { id: pick.id, startDate: pick.start_date, hoursPerWeek: Number(pick.hours_per_week), employerName: pick.employer_name } : null;
}
