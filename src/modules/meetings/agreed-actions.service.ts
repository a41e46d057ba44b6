import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { ProblemError, type InvalidParam } from '../../platform/http/problem.ts';
import * as organisation from '../organisation/organisation.service.ts';
import { PlanConflictError, loadState } from '../plans/plan-state.ts';
import { presentPlan } from '../plans/plans.presenter.ts';
import type { PlanJson } from '../plans/plans.schema.ts';
import { addAction, addGoal } from '../plans/plans-edit.service.ts';
import { createPlan, getPlan } from '../plans/plans.service.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { residentsStore, type ResidentDetailRow } from '../residents/residents.store.ts';
import type { AgreedActionInput, AgreedActionJson } from './meetings.schema.ts';
import { meetingsStore } from './meetings.store.ts';

// The actions agreed in a meeting go into the resident's one plan through the plans module's service. Its write
// functions each run their own transaction (with If-Match and a new plan version), so they run after the report has
// been committed. To make a refusal there unlikely, every agreed action is first checked here against the plan as it
// is, inside the report's transaction: a 400 then stops the whole report before anything is stored.

/** The resident's active plan as its service presents it, or null when there is none yet. */
export async function currentPlan(tx: Tx, ctx: RequestContext, residentId: string): Promise<PlanJson | null> {
  try {
    return presentPlan(ctx.principal, await loadState(tx, ctx, residentId));
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return null;
    throw err;
  }
}

const sameTitle = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** Checks every agreed action (all messages at once) and returns them as the report records them. */
export async function checkAgreedActions(
  tx: Tx,
  ctx: RequestContext,
  resident: ResidentDetailRow,
  plan: PlanJson | null,
  actions: AgreedActionInput[],
  defaultGoalTitle: string,
  errors: InvalidParam[],
): Promise<AgreedActionJson[]> {
  const today = todayInNl();
  const staffIds = actions.flatMap((a) => ('staffUserId' in a.owner ? [a.owner.staffUserId] : []));
  const staff = new Map((await meetingsStore(tx, ctx.principal).staff(staffIds)).map((s) => [s.id, s]));
  const consents = staffIds.length > 0 ? await residentsStore(tx, ctx.principal).consents(resident.id) : [];
  const out: AgreedActionJson[] = [];
  for (const [i, a] of actions.entries()) {
    const field = (name: string) => `agreedActions.${i}.${name}`;
    if (!a.description)
      errors.push({
        name: field('description'),
        code: 'required',
        reason: 'Beschrijf wat er moet gebeuren, bijvoorbeeld “Budgetcoach bellen”.',
      });
    if (a.dueDate < today)
      errors.push({
        name: field('dueDate'),
        code: 'past',
        reason: 'Deze datum is al voorbij. Kies vandaag of een dag in de toekomst.',
      });
    let goalTitle = a.goalTitle || defaultGoalTitle;
    if (a.goalId) {
      const goal = plan?.goals.find((g) => g.id === a.goalId);
      if (!goal)
        errors.push({
          name: field('goalId'),
          code: 'unknown',
          reason: 'Kies een doel uit het plan van deze inwoner, of geef een nieuw doel een titel.',
        });
      else goalTitle = goal.title;
    }
    let ownerName: string;
    const o = a.owner;
    if (o.type === 'resident') ownerName = displayName(resident);
    else if (o.type === 'otherPartner') {
      const org = o.partnerOrganisationId
        ? await organisation.partnerOrganisation(tx, o.partnerOrganisationId)
        : null;
      if (o.partnerOrganisationId && !org) {
        errors.push({
          name: field('owner.partnerOrganisationId'),
          code: 'unknown',
          reason: 'Kies een partnerorganisatie uit de lijst, of vul alleen een naam in.',
        });
      } else if (!o.name && !org) {
        errors.push({
          name: field('owner.name'),
          code: 'required',
          reason: 'Vul in wie de actie uitvoert, bijvoorbeeld “Schuldhulp Utrecht”.',
        });
      }
      ownerName = o.name || org?.name || '';
    } else {
      const s = staff.get(o.staffUserId);
      ownerName = s?.display_name ?? '';
      if (
        o.type === 'jobCoach' &&
        (!s || !s.active || !s.roles.some((r) => r === 'jobCoach' || r === 'teamLead'))
      ) {
        errors.push({
          name: field('owner.staffUserId'),
          code: 'notJobCoach',
          reason: 'Kies een werkmatcher van uw gemeente.',
        });
      }
      if (o.type === 'partnerProfessional') {
        if (!s || !s.active || !s.roles.includes('partnerProfessional') || !s.partner_organisation_id) {
          errors.push({
            name: field('owner.staffUserId'),
            code: 'notPartnerProfessional',
            reason: 'Kies een professional van het buurtteam.',
          });
        } else if (
          !consents.some((k) => k.active && k.partner_organisation_id === s.partner_organisation_id)
        ) {
          errors.push({
            name: field('owner.staffUserId'),
            code: 'noConsent',
            reason:
              'De inwoner heeft het buurtteam van deze professional geen toestemming gegeven om mee te kijken. Leg eerst de toestemming vast.',
          });
        }
      }
    }
    out.push({
      description: a.description,
      goalTitle,
      owner: { type: o.type, name: ownerName },
      dueDate: a.dueDate,
    });
  }
  return out;
}

export interface PlanOutcome {
  id: string | null;
  version: number | null;
  addedActionIds: string[];
  failed: Array<{ index: number; reason: string }>;
}

type PlanWrite = (etag: string) => Promise<{ plan: PlanJson; etag: string; createdId: string | null }>;

/** One plan write on the newest version: when someone else changed the plan in between (412), again on theirs. */
async function onNewest(state: { plan: PlanJson; etag: string }, write: PlanWrite) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const r = await write(state.etag);
      state.plan = r.plan;
      state.etag = r.etag;
      return r.createdId;
    } catch (err) {
      if (!(err instanceof PlanConflictError) || attempt >= 3) throw err;
      state.plan = err.current;
      state.etag = err.etag;
    }
  }
}

export const reasonOf = (err: unknown) =>
  err instanceof ProblemError
    ? (err.invalidParams ?? []).map((p) => p.reason).join(' ') || err.detail
    : 'Deze afspraak kon niet in het plan worden gezet. Zet hem er zelf in.';

/** Adds the agreed actions to the plan (starting the plan when there is none), each on the newest version. */
export async function addToPlan(
  ctx: RequestContext,
  residentId: string,
  actions: AgreedActionInput[],
  recorded: AgreedActionJson[],
  hadPlan: boolean,
): Promise<PlanOutcome> {
  let start: { plan: PlanJson; etag: string } | null = null;
  if (!hadPlan) {
    try {
      start = await createPlan(ctx, residentId, {});
    } catch (err) {
      // Someone started the plan in the meantime: use that one.
      if (!(err instanceof ProblemError && err.status === 409)) throw err;
    }
  }
  const state = start ?? (await getPlan(ctx, residentId));
  const outcome: PlanOutcome = {
    id: state.plan.id,
    version: state.plan.version,
    addedActionIds: [],
    failed: [],
  };
  // Inside the report's transaction: a refusal here rolls back the whole report (no partial plans).
  for (const [index, a] of actions.entries()) {
    const title = recorded[index]!.goalTitle!;
    let goalId =
      a.goalId ??
      state.plan.goals.find((g) => g.status === 'open' && sameTitle(g.title, title))?.id ??
      null;
    if (!goalId) goalId = await onNewest(state, (etag) => addGoal(ctx, residentId, etag, { title }));
    const body = { description: a.description, owner: a.owner, dueDate: a.dueDate };
    const id = await onNewest(state, (etag) => addAction(ctx, residentId, goalId!, etag, body));
    if (id) outcome.addedActionIds.push(id);
  }
  return { ...outcome, version: state.plan.version };
}
