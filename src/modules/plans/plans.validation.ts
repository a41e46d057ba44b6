import { agreedOnProblem, dueDateProblem } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';
import * as organisation from '../organisation/organisation.service.ts';
import { residentsStore } from '../residents/residents.store.ts';
import type { ActionOwnerInput } from './plans.schema.ts';
import type { OwnerColumns, PlansStore } from './plans.store.ts';

// Field rules for the plan with messages that say how to fix the input. The shape (types, enums, lengths) is zod's.

export function checkTitle(title: string, errors: InvalidParam[], name = 'title'): void {
  if (!title.trim()) errors.push({ name, code: 'required', reason: 'Geef het doel een korte titel, bijvoorbeeld “Schulden op een rij”.' });
}

export function checkActionDescription(description: string, errors: InvalidParam[]): void {
  if (!description.trim()) errors.push({ name: 'description', code: 'required', reason: 'Beschrijf wat er moet gebeuren, bijvoorbeeld “Budgetcoach bellen”.' });
}

/** The shared rule (src/domain/date-rules.ts): today or later, within five years. */
export function checkDueDate(dueDate: string | null | undefined, errors: InvalidParam[], today = todayInNl()): void {
  const problem = dueDate ? dueDateProblem(dueDate, today) : null;
  if (problem) errors.push({ name: 'dueDate', ...problem });
}

/** The shared rule (src/domain/date-rules.ts): not in the future. */
export function checkAgreedOn(agreedOn: string, errors: InvalidParam[], today = todayInNl()): void {
  const problem = agreedOnProblem(agreedOn, today);
  if (problem) errors.push({ name: 'agreement.agreedOn', ...problem });
}

/** Without an owner in the request, the caller carries out the action himself. */
export function defaultOwner(p: Principal): ActionOwnerInput {
  return p.roles.includes('partnerProfessional') && !p.roles.some((r) => r === 'jobCoach' || r === 'teamLead')
    ? { type: 'partnerProfessional', staffUserId: p.userId }
    : { type: 'jobCoach', staffUserId: p.userId };
}

/**
 * Checks who carries out an action and returns the columns to store. A buurtteam professional can only own an
 * action when the resident has an active consent for his organisation: otherwise he could not even see it.
 */
export async function resolveOwner(
  tx: Tx,
  principal: Principal,
  store: PlansStore,
  residentId: string,
  input: ActionOwnerInput,
  errors: InvalidParam[],
): Promise<OwnerColumns> {
  const none = { owner_staff_user_id: null, owner_partner_organisation_id: null, owner_name: null };
  if (input.type === 'resident') return { owner_type: 'resident', ...none };
  if (input.type === 'otherPartner') {
    const org = input.partnerOrganisationId ? await organisation.partnerOrganisation(tx, input.partnerOrganisationId) : null;
    if (input.partnerOrganisationId && !org) {
      errors.push({ name: 'owner.partnerOrganisationId', code: 'unknown', reason: 'Kies een partnerorganisatie uit de lijst, of vul alleen een naam in.' });
    } else if (!input.name && !org) {
      errors.push({ name: 'owner.name', code: 'required', reason: 'Vul in wie de actie uitvoert, bijvoorbeeld “Schuldhulp Utrecht”.' });
    }
    return { owner_type: 'otherPartner', ...none, owner_partner_organisation_id: org ? org.id : null, owner_name: input.name || null };
  }
  const staff = await store.ownerCandidate(input.staffUserId);
  if (input.type === 'jobCoach') {
    if (!staff || !staff.active || !staff.roles.some((r) => r === 'jobCoach' || r === 'teamLead')) {
      errors.push({ name: 'owner.staffUserId', code: 'notJobCoach', reason: 'Kies een werkmatcher van uw gemeente.' });
    }
    return { owner_type: 'jobCoach', ...none, owner_staff_user_id: input.staffUserId };
  }
  if (!staff || !staff.active || !staff.roles.includes('partnerProfessional') || !staff.partner_organisation_id) {
    errors.push({ name: 'owner.staffUserId', code: 'notPartnerProfessional', reason: 'Kies een professional van het buurtteam.' });
    return { owner_type: 'partnerProfessional', ...none, owner_staff_user_id: input.staffUserId };
  }
  const consents = await residentsStore(tx, principal).consents(residentId, staff.partner_organisation_id);
  if (!consents.some((k) => k.active)) {
    errors.push({
      name: 'owner.staffUserId',
      code: 'noConsent',
      reason: `De inwoner heeft ${staff.partner_name ?? 'deze organisatie'} geen toestemming gegeven om mee te kijken. Leg eerst de toestemming vast.`,
    });
  }
  return { owner_type: 'partnerProfessional', ...none, owner_staff_user_id: staff.id, owner_partner_organisation_id: staff.partner_organisation_id };
}
