import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { residentView, type ResidentView } from '../residents/residents.policy.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { presentBarrier, presentHistory, presentScales } from './assessments.presenter.ts';
import type { AssessmentCreate, BarrierCreate, BarrierUpdate } from './assessments.schema.ts';
import { assessmentsStore } from './assessments.store.ts';
import { checkAssessment, checkBarrierUpdate } from './assessments.validation.ts';
import { wholeList } from '../../platform/http/list.ts';

// Use cases of the integrated assessment, each in one tenant transaction and logged under PA-008.
//
// Who: the residents scope decides (loaded through the residents store, never duplicated here). The area team
// sees the resident in the 'full' view; a buurtteam professional only through an active consent ('shared').
// Both may read AND record assessments and barriers: the ZRM, the ladder and the barriers are joint work of the
// resident, the werkmatcher and the buurtteam in the 3-gesprek, and PA-008 names explicit consent as the
// buurtteam's legal basis. Withdrawal or expiry of the consent ends this at once (checked in SQL per request).

const RESIDENT = 'Deze inwoner';
const BARRIER = 'Deze belemmering';

/**
 * The resident's view if the caller may see him, through the residents module's scope; otherwise 404.
 * Exported for other modules that hang off a resident (the plan).
 */
export async function requireVisibleResident(tx: Tx, principal: Principal, residentId: string): Promise<ResidentView> {
  const row = await residentsStore(tx, principal).findById(residentId);
  if (!row) throw problems.notFound(RESIDENT);
  return residentView(principal, row.area_id);
}

export async function listAssessments(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    await requireVisibleResident(tx, ctx.principal, residentId);
    const rows = await assessmentsStore(tx, ctx.principal).history(residentId);
    log.subjects([residentId], { action: 'assessments.list' });
    return presentHistory(rows);
  });
}

export async function recordAssessment(ctx: RequestContext, residentId: string, body: AssessmentCreate) {
  const errors: InvalidParam[] = [];
  const checked = checkAssessment(body, errors);
  return ctx.transaction(async (tx, log) => {
    // Scope first: an out-of-scope resident is 404 even when the input is also wrong.
    await requireVisibleResident(tx, ctx.principal, residentId);
    if (errors.length > 0) throw problems.invalid(errors);
    const store = assessmentsStore(tx, ctx.principal);
    const id = randomUUID();
    await store.insertAssessment({ id, residentId, ...checked });
    log.subjects([residentId], { action: 'assessments.create' });
    const history = presentHistory(await store.history(residentId));
    return history.items.find((a) => a.id === id)!;
  });
}

export async function listBarriers(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    await requireVisibleResident(tx, ctx.principal, residentId);
    const items = (await assessmentsStore(tx, ctx.principal).barriers(residentId)).map(presentBarrier);
    log.subjects([residentId], { action: 'barriers.list' });
    return wholeList(items);
  });
}

export async function createBarrier(ctx: RequestContext, residentId: string, body: BarrierCreate) {
  return ctx.transaction(async (tx, log) => {
    await requireVisibleResident(tx, ctx.principal, residentId);
    const store = assessmentsStore(tx, ctx.principal);
    const id = randomUUID();
    await store.insertBarrier({ id, residentId, domain: body.domain, description: body.description, status: body.status });
    log.subjects([residentId], { action: 'barriers.create' });
    const barrier = presentBarrier((await store.barrier(residentId, id))!);
    return { barrier, etag: etagOf('barrier', id, barrier.version) };
  });
}

export async function updateBarrier(ctx: RequestContext, residentId: string, barrierId: string, ifMatch: string | undefined, body: BarrierUpdate) {
  return ctx.transaction(async (tx, log) => {
    // Scope and existence before the version: a stranger learns nothing from 428/412.
    await requireVisibleResident(tx, ctx.principal, residentId);
    const store = assessmentsStore(tx, ctx.principal);
    const current = await store.barrier(residentId, barrierId);
    if (!current) throw problems.notFound(BARRIER);
    const expectedVersion = versionFromIfMatch(ifMatch, 'barrier', barrierId);
    const errors: InvalidParam[] = [];
    checkBarrierUpdate(body, errors);
    if (errors.length > 0) throw problems.invalid(errors);
    if (current.version !== expectedVersion) throw problems.stale();
    const patch: { status?: string; description?: string } = {};
    if (body.status !== undefined) patch.status = body.status;
    if (body.description !== undefined) patch.description = body.description;
    if (!(await store.updateBarrier(residentId, barrierId, expectedVersion, patch))) throw problems.stale();
    log.subjects([residentId], { action: 'barriers.update' });
    const barrier = presentBarrier((await store.barrier(residentId, barrierId))!);
    return { barrier, etag: etagOf('barrier', barrierId, barrier.version) };
  });
}

/** Reference data (domains, scale, ladder, statuses): no personal data, so nothing to log. */
export function assessmentScales() {
  return presentScales();
}

/**
 * For other modules (the plan links goals to barriers): whether the barrier belongs to this resident. The caller
 * has already loaded the resident through the residents scope in the same transaction.
 */
export async function barrierBelongsToResident(tx: Tx, principal: Principal, residentId: string, barrierId: string): Promise<boolean> {
  return Boolean(await assessmentsStore(tx, principal).barrier(residentId, barrierId));
}
