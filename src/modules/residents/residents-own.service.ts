import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import { isResident } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import * as organisation from '../organisation/organisation.service.ts';
import { residentsStore } from './residents.store.ts';
import { checkDateRange } from './residents.validation.ts';

// Mijn Samenplan (issue 11): the resident's own consents. He sees which organisation may see his plan, since when and
// until when, gives a consent and withdraws one. A withdrawal ends that organisation's access in the same
// transaction: the need-to-know policies read the consent itself (samenplan_consented), so the buurtteam's next
// request after the commit answers 404.

export const OWN_CONSENT_PURPOSE = 'Meekijken en meewerken aan mijn plan';

function own(ctx: RequestContext): string {
  if (!isResident(ctx.principal)) throw problems.notFound();
  return ctx.principal.residentId;
}

function present(k: { id: string; partner_organisation_id: string; partner_name: string; purpose: string; valid_from: string; valid_to: string | null; withdrawn_at: Date | null; recorded_at: Date; recorded_by: string | null; active: boolean }) {
  return {
    id: k.id,
    partnerOrganisation: { id: k.partner_organisation_id, name: k.partner_name },
    purpose: k.purpose,
    validFrom: k.valid_from,
    validTo: k.valid_to,
    active: k.active,
    withdrawnAt: k.withdrawn_at ? k.withdrawn_at.toISOString() : null,
    givenAt: k.recorded_at.toISOString(),
    givenByYou: k.recorded_by === null,
  };
}

export async function ownConsents(ctx: RequestContext) {
  const residentId = own(ctx);
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    if (!(await store.findById(residentId))) throw problems.notFound();
    const items = (await store.consents(residentId)).map(present);
    const organisations = (await organisation.partnerOrganisations(ctx)).map((o) => ({ id: o.id, name: o.name }));
    log.subjects([residentId], { action: 'residents.consents.list' });
    return { ...wholeList(items), organisations };
  });
}

export async function giveOwnConsent(ctx: RequestContext, body: { partnerOrganisationId: string; validTo?: string | null }) {
  const residentId = own(ctx);
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    if (!(await store.findById(residentId))) throw problems.notFound();
    const errors: InvalidParam[] = [];
    const org = await organisation.partnerOrganisation(tx, body.partnerOrganisationId);
    if (!org) errors.push({ name: 'partnerOrganisationId', code: 'unknown', reason: 'Kies een organisatie uit de lijst.' });
    const validFrom = todayInNl();
    checkDateRange(validFrom, body.validTo ?? null, 'validTo', errors);
    if (errors.length > 0) throw problems.invalid(errors);
    const active = (await store.consents(residentId, body.partnerOrganisationId)).find((k) => k.active);
    if (active) throw problems.conflict(`${active.partner_name} mag al meekijken. U hoeft niets te doen.`);
    const id = randomUUID();
    await store.insertConsent({ id, residentId, partnerOrganisationId: body.partnerOrganisationId, purpose: OWN_CONSENT_PURPOSE, validFrom, validTo: body.validTo ?? null });
    log.subjects([residentId], { action: 'residents.consents.grant' });
    return present((await store.consents(residentId)).find((k) => k.id === id)!);
  });
}

export async function withdrawOwnConsent(ctx: RequestContext, consentId: string) {
  const residentId = own(ctx);
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    if (!(await store.consentExists(residentId, consentId))) throw problems.notFound('Deze toestemming');
    await store.withdrawConsent(residentId, consentId);
    log.subjects([residentId], { action: 'residents.consents.withdraw' });
    return present((await store.consents(residentId)).find((k) => k.id === consentId)!);
  });
}
