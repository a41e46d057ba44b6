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

export type CustomProvision = S['CustomProvision'];
export type ProvisionBudget = S['CustomProvisionBudget'];
export type ProvisionKind = CustomProvision['kind'];
export const PROVISION_KINDS: ProvisionKind[] = ['laptop', 'books', 'schoolFees', 'travel', 'workClothing', 'other'];

export function requestProvision(residentId: string, p: { kind: ProvisionKind | ''; description: string; amountCents: number | string; ruleRoom: string; justification: string }): Promise<CustomProvision> {
  return body(api.POST('/residents/{id}/provisions', { params: { path: { id: residentId } }, body: p as never }));
}
export function listOpenProvisions(): Promise<CustomProvision[]> {
  return body(api.GET('/youth/provisions', { params: { query: { status: 'open' } } })).then((l) => l.items);
}
export function approveProvision(id: string): Promise<CustomProvision> {
  return body(api.POST('/youth/provisions/{provisionId}/approve', { params: { path: { provisionId: id } }, body: {} }));
}
export function payProvision(id: string, paidOn: string, reference: string): Promise<CustomProvision> {
  return body(api.POST('/youth/provisions/{provisionId}/pay', { params: { path: { provisionId: id } }, body: { paidOn, reference } }));
}
export function listBudgets(year: number): Promise<ProvisionBudget[]> {
  return body(api.GET('/youth/provision-budgets', { params: { query: { year } } })).then((l) => l.items);
}

/** "€ 1.234,56" from cents; "449" or "449,95" typed → cents, or null when it is no amount. */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
export function centsOf(typed: string): number | null {
  const m = /^\s*(?:€\s*)?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?\s*$/.exec(typed);
  if (!m) return null;
  return Number(m[1]!.replace(/\./g, '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

// Case reviews (casuïstiekoverleg, afstemmingsoverleg).
export type CaseReview = S['YouthCaseReview'];
export type CaseReviewSummary = S['YouthCaseReviewSummary'];
export type CaseReviewItem = S['YouthCaseReviewItem'];
export type CaseReviewKind = CaseReview['kind'];
export type ParticipantKind = CaseReviewItem['participants'][number]['kind'];
export const REVIEW_KINDS: CaseReviewKind[] = ['caseConsultation', 'alignment'];
export const PARTICIPANT_KINDS: ParticipantKind[] = ['buurtteam', 'schoolRmc', 'youthCare', 'healthCare', 'housing', 'youthProbation', 'policy', 'other'];

export function listCaseReviews(): Promise<CaseReviewSummary[]> {
  return body(api.GET('/youth/case-reviews', {})).then((l) => l.items);
}

export function getCaseReview(reviewId: string): Promise<CaseReview> {
  return body(api.GET('/youth/case-reviews/{reviewId}', { params: { path: { reviewId } } }));
}

export function createCaseReview(kind: CaseReviewKind, heldOn: string): Promise<CaseReviewSummary> {
  return body(api.POST('/youth/case-reviews', { body: { kind, heldOn } }));
}

export function addCaseReviewItem(
  reviewId: string,
  item: { residentId: string; question: string; participants: Array<{ kind: ParticipantKind; name: string }>; consentGiven: boolean },
): Promise<CaseReviewItem> {
  return body(api.POST('/youth/case-reviews/{reviewId}/items', { params: { path: { reviewId } }, body: item }));
}

export function recordCaseReviewOutcome(itemId: string, outcome: { discussion: string; decision: string; actions: Array<{ description: string }> }): Promise<CaseReviewItem> {
  return body(api.POST('/youth/case-review-items/{itemId}/outcome', { params: { path: { itemId } }, body: outcome }));
}

// Transition moments (computed from the date of birth and the warm handovers).
export type TransitionMoment = S['YouthTransitionMoment'];

export function listMyTransitionMoments(): Promise<TransitionMoment[]> {
  return body(api.GET('/youth/transition-moments', {})).then((l) => l.items);
}

export function listResidentTransitionMoments(residentId: string): Promise<TransitionMoment[]> {
  return body(api.GET('/residents/{id}/transition-moments', { params: { path: { id: residentId } } })).then((l) => l.items);
}

// The yearly council letter (aggregates; null = suppressed).
export type CouncilLetter = S['YouthCouncilLetter'];

export function getCouncilLetter(year: number): Promise<CouncilLetter> {
  return body(api.GET('/youth/council-letter', { params: { query: { year } } }));
}

export const councilLetterPdfHref = (year: number) => `/api/v1/youth/council-letter/pdf?year=${year}`;
