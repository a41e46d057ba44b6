import { api, body } from './client.ts';
import type { components } from './schema.gen.ts';

// Team Jongeren: search periods (zoektermijn), search activities, exemptions with the senior's check, the rate.

type S = components['schemas'];
export type SearchPeriod = S['SearchPeriod'];
export type Exemption = S['Exemption'];
export type ExemptionRate = S['ExemptionRate'];
export type ExemptionReason = Exemption['reasonCategory'];
export type SearchActivityKind = SearchPeriod['activities'][number]['kind'];

export const EXEMPTION_REASONS: ExemptionReason[] = ['vulnerableSituation', 'ongoingCare', 'statusHolder', 'specialEducationLeaver', 'medicallyLimited', 'other'];
export const ACTIVITY_KINDS: SearchActivityKind[] = ['jobApplication', 'educationEnquiry', 'jobInterview', 'contactMoment', 'other'];

export function listMySearchPeriods(): Promise<SearchPeriod[]> {
  return body(api.GET('/youth/search-periods', { params: { query: { status: 'running', mine: 'true' } } })).then((l) => l.items);
}

export function listResidentSearchPeriods(residentId: string): Promise<SearchPeriod[]> {
  return body(api.GET('/residents/{id}/search-periods', { params: { path: { id: residentId } } })).then((l) => l.items);
}

export function createSearchPeriod(residentId: string, reportDate: string): Promise<SearchPeriod> {
  return body(api.POST('/residents/{id}/search-periods', { params: { path: { id: residentId } }, body: { reportDate } }));
}

export function getSearchPeriod(periodId: string): Promise<SearchPeriod> {
  return body(api.GET('/youth/search-periods/{periodId}', { params: { path: { periodId } } }));
}

export function recordSearchActivity(periodId: string, activity: { occurredOn: string; kind: SearchActivityKind; description: string }): Promise<SearchPeriod> {
  return body(api.POST('/youth/search-periods/{periodId}/activities', { params: { path: { periodId } }, body: activity }));
}

export function handleEarly(periodId: string, reason: string): Promise<SearchPeriod> {
  return body(api.POST('/youth/search-periods/{periodId}/handle-early', { params: { path: { periodId } }, body: { reason } }));
}

export function proposeExemption(
  periodId: string,
  exemption: { legalBasis: string; reasonCategory: ExemptionReason | ''; reasonText?: string },
): Promise<Exemption> {
  // An empty reason goes to the server as it is: it names the field (one source of the message).
  return body(api.POST('/youth/search-periods/{periodId}/exemptions', { params: { path: { periodId } }, body: exemption as never }));
}

export function listPendingExemptions(): Promise<Exemption[]> {
  return body(api.GET('/youth/exemptions', { params: { query: { status: 'pending' } } })).then((l) => l.items);
}

export function confirmExemption(exemptionId: string, note?: string): Promise<Exemption> {
  return body(api.POST('/youth/exemptions/{exemptionId}/confirm', { params: { path: { exemptionId } }, body: note ? { note } : {} }));
}

export function rejectExemption(exemptionId: string, note: string): Promise<Exemption> {
  return body(api.POST('/youth/exemptions/{exemptionId}/reject', { params: { path: { exemptionId } }, body: { note } }));
}

export function getExemptionRate(year: number): Promise<ExemptionRate> {
  return body(api.GET('/youth/figures/exemption-rate', { params: { query: { year } } }));
}

export type YouthReferral = S['YouthReferral'];
export type PartnerKind = YouthReferral['partnerKind'];
export type Urgency = YouthReferral['urgency'];
export const PARTNER_KINDS: PartnerKind[] = ['youthCare', 'schoolRmc', 'buurtteam', 'healthCare', 'housing', 'youthProbation'];
export const URGENCIES: Urgency[] = ['normal', 'soon', 'urgent'];

export function listOpenReferrals(): Promise<YouthReferral[]> {
  return body(api.GET('/youth/referrals', { params: { query: { status: 'open' } } })).then((l) => l.items);
}

export function createReferral(residentId: string, referral: Record<string, unknown>): Promise<YouthReferral> {
  return body(api.POST('/residents/{id}/referrals', { params: { path: { id: residentId } }, body: referral as never }));
}

export function planIntake(referralId: string, intake: { startsAt: string; endsAt: string; mode: 'inPerson' | 'video' | 'phone'; location?: string; videoUrl?: string }): Promise<YouthReferral> {
  return body(api.POST('/youth/referrals/{referralId}/intake', { params: { path: { referralId } }, body: intake }));
}
