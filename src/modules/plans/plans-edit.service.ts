import { randomUUID } from 'node:crypto';
import type { Permission } from '../../platform/access/permissions.ts';
import { isResident } from '../../platform/access/principal.ts';
import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { versionFromIfMatch } from '../../platform/http/etag.ts';
import { ProblemError, problems, type InvalidParam } from '../../platform/http/problem.ts';
import { barrierBelongsToResident } from '../assessments/assessments.service.ts';
import { publishEvent } from '../webhooks/webhooks.service.ts';
import { diffPlans } from './plan-diff.ts';
import { conflictOf, loadState, planEtag, reloadState, type PlanConflictError } from './plan-state.ts';
import { summarise } from './plan-text.ts';
import { forbiddenActionFields, mayAddActionFor, mayEditAction, planPermissions, type ActionField, type PlanPermissions } from './plans.policy.ts';
import { labelChanges, labelContext, presentPlan, snapshotOf, type PlanState } from './plans.presenter.ts';
import type { ActionCreate, ActionUpdate, GoalCreate, GoalUpdate, PlanUpdate } from './plans.schema.ts';
import { plansStore, type ActionPatch, type GoalPatch, type PlanPatch, type PlansStore } from './plans.store.ts';
import { checkActionDescription, checkAgreedOn, checkDueDate, checkTitle, defaultOwner, resolveOwner } from './plans.validation.ts';

// Every change to a plan goes through one engine: lock the plan row, check the target (404), compare the client's
// version from If-Match (412 with what changed since), validate (400), change the rows, then bump the version
// exactly once and write one plan_versions row with the field-level changes, all in one transaction.

interface Write {
  ctx: RequestContext;
  tx: Tx;
  store: PlansStore;
  state: PlanState;
  perms: PlanPermissions;
  errors: InvalidParam[];
  /**
   * Set by a write that knows exactly what it changed: the plan after the change, computed from the state read under
   * the row lock. The plan is then not read again (three statements fewer per action update); otherwise it is.
   */
  applied?: (s: PlanState) => PlanState;
}

interface WriteSpec {
  /** Logged action name. */
  action: string;
  /** The permission this write uses (its role is logged and recorded in the history). */
  permission(perms: PlanPermissions): Permission;
  /** Finds the target and checks the caller may touch it; throws 404 otherwise. Runs before the version check. */
  authorise(s: PlanState, perms: PlanPermissions): void;
  /** Validates (adds to w.errors) and changes the rows. Returns the id of a created goal or action. */
  perform(w: Write): Promise<string | void>;
}

async function write(ctx: RequestContext, residentId: string, ifMatch: string | undefined, spec: WriteSpec) {
  if (!ifMatch) throw problems.preconditionRequired();
  const outcome = await ctx.transaction(async (tx, log) => {
    const store = plansStore(tx, ctx.principal);
    const state = await loadState(tx, ctx, residentId, true);
    const perms = planPermissions(ctx.principal, state.view, state.plan.status);
    spec.authorise(state, perms);
    const expected = planVersionFromIfMatch(ifMatch, state.plan.id);
    if (expected === null) {
      // An If-Match that is no version of this plan: the same 412 with the current plan (the contract), nothing since.
      log.subjects([residentId], { action: 'plans.conflict', permission: 'plans:read' });
      return { conflict: await conflictOf(tx, ctx, state, state.plan.version) };
    }
    if (expected !== state.plan.version) {
      // The newer version leaves the building in the 412: that is a read of the plan, and it is logged as one.
      log.subjects([residentId], { action: 'plans.conflict', permission: 'plans:read' });
      return { conflict: await conflictOf(tx, ctx, state, expected) };
    }
    const w: Write = { ctx, tx, store, state, perms, errors: [] };
    const createdId = await spec.perform(w);
    let after = w.applied ? w.applied(state) : await reloadState(tx, ctx, state);
    const changes = diffPlans(snapshotOf(state), snapshotOf(after));
    const role = ctx.roleFor(spec.permission(perms));
    if (changes.length > 0) {
      const bumped = await store.bumpVersion(state.plan.id, expected);
      if (!bumped) throw problems.stale(); // cannot happen while we hold the row lock
      const own = isResident(ctx.principal);
      after = { ...after, plan: { ...after.plan, ...bumped, updated_by: own ? null : ctx.principal.userId, updated_by_name: own ? null : ctx.principal.displayName, updated_by_resident: own } };
      const labelled = labelChanges(changes, labelContext([state, after]));
      await store.insertVersion({ planId: state.plan.id, version: bumped.version, role, summary: summarise(labelled), changes: labelled, snapshot: snapshotOf(after) });
      // Partner systems hear that the plan changed (and that it was agreed), in this transaction (ADR 0025).
      const event = { residentId, subject: state.plan.id, dataref: `/api/v1/residents/${residentId}/plan` };
      await publishEvent(tx, ctx, { ...event, type: 'nl.samenplan.plan.gewijzigd', data: { planId: state.plan.id, version: bumped.version } });
      if (after.plan.agreed_at_version === bumped.version) {
        await publishEvent(tx, ctx, { ...event, type: 'nl.samenplan.plan.akkoord', data: { planId: state.plan.id, version: bumped.version } });
      }
    }
    log.subjects([residentId], { action: spec.action, permission: spec.permission(perms) });
    return { result: { plan: presentPlan(ctx.principal, after), etag: planEtag(after.plan.id, after.plan.version), createdId: createdId ?? null } };
  });
  if ('conflict' in outcome) throw outcome.conflict as PlanConflictError;
  return outcome.result;
}

const notFound = (what: string) => problems.notFound(what);

/** The plan version the client edited, or null when the If-Match is malformed or names another record. */
function planVersionFromIfMatch(ifMatch: string, planId: string): number | null {
  try {
    return versionFromIfMatch(ifMatch, 'plan', planId);
  } catch (err) {
    if (err instanceof ProblemError && err.status === 412) return null;
    throw err;
  }
}

/** A goal may only point at a barrier of the same resident (asked of the assessments module, which owns barriers). */
export async function checkBarrier(tx: Tx, ctx: RequestContext, residentId: string, barrierId: string, field: string, errors: InvalidParam[]) {
  if (!(await barrierBelongsToResident(tx, ctx.principal, residentId, barrierId))) {
    errors.push({ name: field, code: 'unknown', reason: 'Kies een belemmering van deze inwoner.' });
  }
}
const invalidIfAny = (errors: InvalidParam[]) => {
  if (errors.length > 0) throw problems.invalid(errors);
};
const writeOnly = (): Permission => 'plans:write';

export async function updatePlan(ctx: RequestContext, residentId: string, ifMatch: string | undefined, body: PlanUpdate) {
  return write(ctx, residentId, ifMatch, {
    action: 'plans.update',
    permission: writeOnly,
    authorise: (_s, perms) => {
      if (!perms.edit) throw notFound('Dit plan');
    },
    perform: async ({ store, state, errors }) => {
      const patch: PlanPatch = {};
      if (body.agreement) {
        checkAgreedOn(body.agreement.agreedOn, errors);
        const same = state.plan.agreed_on === body.agreement.agreedOn && state.plan.agreed_how === body.agreement.how;
        if (!same) {
          Object.assign(patch, { agreed_on: body.agreement.agreedOn, agreed_how: body.agreement.how, agreed_at_version: state.plan.version + 1 });
          patch.agreement_recorded_by = ctx.principal.userId;
        }
      } else if (body.agreement === null && state.plan.agreed_on) {
        Object.assign(patch, { agreed_on: null, agreed_how: null, agreed_at_version: null, agreement_recorded_by: null });
      }
      if (body.status === 'closed') Object.assign(patch, { status: 'closed', closed_at: new Date() });
      invalidIfAny(errors);
      await store.updatePlan(state.plan.id, patch);
    },
  });
}

/**
 * Mijn Samenplan (issue 11): the resident agrees to the plan himself. Recorded with channel 'portal', today, at the
 * version he saw (If-Match): a plan changed since answers 412 with what changed, so he never agrees blindly.
 */
export async function agreeAsResident(ctx: RequestContext, residentId: string, ifMatch: string | undefined) {
  return write(ctx, residentId, ifMatch, {
    action: 'plans.agree',
    permission: writeOnly,
    authorise: (_s, perms) => {
      if (!perms.agree || !isResident(ctx.principal)) throw notFound('Dit plan');
    },
    perform: async ({ store, state }) => {
      const agreedOn = todayInNl();
      const current = state.plan.agreed_at_version === state.plan.version && state.plan.agreed_how === 'portal' && state.plan.agreed_on === agreedOn;
      if (current) return;
      await store.updatePlan(state.plan.id, { agreed_on: agreedOn, agreed_how: 'portal', agreed_at_version: state.plan.version + 1, agreement_recorded_by: null });
    },
  });
}

export async function addGoal(ctx: RequestContext, residentId: string, ifMatch: string | undefined, body: GoalCreate) {
  return write(ctx, residentId, ifMatch, {
    action: 'plans.goals.create',
    permission: writeOnly,
    authorise: (_s, perms) => {
      if (!perms.addGoal) throw notFound('Dit plan');
    },
    perform: async ({ ctx: c, tx, store, state, errors }) => {
      checkTitle(body.title, errors);
      if (body.barrierId) await checkBarrier(tx, c, residentId, body.barrierId, 'barrierId', errors);
      invalidIfAny(errors);
      const id = randomUUID();
      await store.insertGoal({ id, planId: state.plan.id, title: body.title, description: body.description || null, lifeDomain: body.lifeDomain ?? null, barrierId: body.barrierId ?? null });
      return id;
    },
  });
}

export async function updateGoal(ctx: RequestContext, residentId: string, goalId: string, ifMatch: string | undefined, body: GoalUpdate) {
  return write(ctx, residentId, ifMatch, {
    action: 'plans.goals.update',
    permission: writeOnly,
    authorise: (s, perms) => {
      if (!perms.edit || !s.goals.some((g) => g.id === goalId)) throw notFound('Dit doel');
    },
    perform: async ({ ctx: c, tx, store, errors }) => {
      const patch: GoalPatch = {};
      if (body.barrierId) await checkBarrier(tx, c, residentId, body.barrierId, 'barrierId', errors);
      if (body.title !== undefined) {
        checkTitle(body.title, errors);
        patch.title = body.title;
      }
      if (body.description !== undefined) patch.description = body.description || null;
      if (body.lifeDomain !== undefined) patch.life_domain = body.lifeDomain;
      if (body.barrierId !== undefined) patch.barrier_id = body.barrierId;
      if (body.status !== undefined) patch.status = body.status;
      invalidIfAny(errors);
      await store.updateGoal(goalId, patch);
    },
  });
}

const actionPermission = (perms: PlanPermissions): Permission => (perms.editActions === 'all' ? 'plans:write' : 'plans:updateOwnActions');

export async function addAction(ctx: RequestContext, residentId: string, goalId: string, ifMatch: string | undefined, body: ActionCreate) {
  return write(ctx, residentId, ifMatch, {
    action: 'plans.actions.create',
    permission: actionPermission,
    authorise: (s, perms) => {
      if (perms.editActions === 'none' || !s.goals.some((g) => g.id === goalId)) throw notFound('Dit doel');
    },
    perform: async ({ tx, store, state, perms, errors }) => {
      checkActionDescription(body.description, errors);
      checkDueDate(body.dueDate, errors);
      const input = body.owner ?? defaultOwner(ctx.principal);
      const ownerStaff = 'staffUserId' in input ? input.staffUserId : null;
      if (!mayAddActionFor(perms, ctx.principal, { type: input.type, staffUserId: ownerStaff })) {
        errors.push({ name: 'owner', code: 'notOwn', reason: 'U kunt alleen acties toevoegen die u zelf uitvoert. Vraag de werkmatcher om andere acties.' });
        invalidIfAny(errors);
      }
      const owner = await resolveOwner(tx, ctx.principal, store, residentId, input, errors);
      invalidIfAny(errors);
      const id = randomUUID();
      await store.insertAction({ id, planId: state.plan.id, goalId, description: body.description, due_date: body.dueDate ?? null, ...owner });
      return id;
    },
  });
}

export async function updateAction(ctx: RequestContext, residentId: string, actionId: string, ifMatch: string | undefined, body: ActionUpdate) {
  return write(ctx, residentId, ifMatch, {
    action: 'plans.actions.update',
    permission: actionPermission,
    authorise: (s, perms) => {
      // Somebody else's action looks exactly like one that does not exist.
      const a = s.actions.find((x) => x.id === actionId);
      if (!a || !mayEditAction(perms, ctx.principal, { ownerType: a.owner_type as 'resident', ownerStaffUserId: a.owner_staff_user_id })) {
        throw notFound('Deze actie');
      }
    },
    perform: async (w) => {
      const { tx, store, state, perms, errors } = w;
      const current = state.actions.find((x) => x.id === actionId)!;
      const requested = (['description', 'dueDate', 'status', 'owner'] as const).filter((f) => body[f] !== undefined) as ActionField[];
      for (const f of forbiddenActionFields(perms, requested)) {
        errors.push({ name: f, code: 'notAllowed', reason: 'Dit deel van de actie past de werkmatcher aan. U kunt de omschrijving, de datum en de status wijzigen.' });
      }
      invalidIfAny(errors);
      const patch: ActionPatch = {};
      if (body.description !== undefined) {
        checkActionDescription(body.description, errors);
        patch.description = body.description;
      }
      if (body.dueDate !== undefined && body.dueDate !== current.due_date) {
        checkDueDate(body.dueDate, errors);
        patch.due_date = body.dueDate;
      }
      if (body.status !== undefined && body.status !== current.status) {
        patch.status = body.status;
        patch.completed_at = body.status === 'done' ? new Date() : null;
      }
      if (body.owner !== undefined) Object.assign(patch, await resolveOwner(tx, ctx.principal, store, residentId, body.owner, errors));
      invalidIfAny(errors);
      const updatedAt = await store.updateAction(actionId, patch);
      // Description, date and status are columns of the action itself: the new row is the old one with the patch.
      // An owner change also changes the joined owner names, so that plan is read again.
      if (body.owner === undefined) {
        w.applied = (s) => ({ ...s, actions: s.actions.map((a) => (a.id === actionId && updatedAt ? { ...a, ...patch, updated_at: updatedAt } : a)) });
      }
    },
  });
}
