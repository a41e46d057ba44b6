import { API_BASE, api, answer, body, hrefOf } from './client.ts';
import type { components, paths } from './schema.gen.ts';

// Mijn Samenplan (issue 11): the resident's own portal. No resident id in any path: always the resident of the session.

type S = components['schemas'];
export type PortalSession = S['PortalSession'];
export type PortalHome = S['PortalHome'];
export type PortalAppointment = S['PortalAppointment'];
export type PortalPlan = S['Plan'];

export function getPortalLoginOptions() {
  return body(api.GET('/portal/session/options'));
}

// Registered only when a DigiD broker is configured, so not in the generated paths.
export const PORTAL_OIDC_LOGIN_URL = `${API_BASE}/portal/session/oidc/login?returnTo=%2Fmijn`;

export function createPortalDemoSession(username: string): Promise<PortalSession> {
  return body(api.POST('/portal/session/demo', { body: { username } }));
}

export function getPortalSession(): Promise<PortalSession> {
  return body(api.GET('/portal/session'));
}

export async function deletePortalSession(): Promise<void> {
  await answer(api.DELETE('/portal/session'));
}

export function getPortalHome(): Promise<PortalHome> {
  return body(api.GET('/portal/home'));
}

export function replyToAppointment(meetingId: string, reply: { confirm: true } | { moveNote: string }) {
  return body(api.POST('/portal/appointments/{meetingId}/reply', { params: { path: { meetingId } }, body: reply }));
}

export const appointmentIcsHref = (meetingId: string) => hrefOf('/portal/appointments/{meetingId}/calendar.ics', { path: { meetingId } });

export function getPortalPlan() {
  return answer(api.GET('/portal/plan'));
}

export function markPortalAction(actionId: string, status: 'open' | 'done', etag: string) {
  return answer(api.PATCH('/portal/plan/actions/{actionId}', { params: { path: { actionId }, header: { 'if-match': etag } }, body: { status } }));
}

export function proposePortalGoal(input: { title: string; description?: string }, etag: string) {
  return answer(api.POST('/portal/plan/goals', { params: { header: { 'if-match': etag } }, body: input }));
}

export function agreePortalPlan(etag: string) {
  return answer(api.POST('/portal/plan/agreement', { params: { header: { 'if-match': etag } } }));
}

export const PORTAL_PLAN_PDF_URL = hrefOf('/portal/plan/pdf');

export type PortalConsentList = S['PortalConsentList'];
export type PortalConsent = S['PortalConsent'];
export type PortalAccessLog = S['PortalAccessLog'];
export type WorkPaysResult = S['WorkPaysResult'];
export type WorkPaysInput = NonNullable<paths['/portal/work-pays']['post']['requestBody']>['content']['application/json'];

export function listPortalConsents(): Promise<PortalConsentList> {
  return body(api.GET('/portal/consents'));
}

export function givePortalConsent(partnerOrganisationId: string): Promise<PortalConsent> {
  return body(api.POST('/portal/consents', { body: { partnerOrganisationId } }));
}

export function withdrawPortalConsent(consentId: string): Promise<PortalConsent> {
  return body(api.POST('/portal/consents/{consentId}/withdraw', { params: { path: { consentId } } }));
}

export function getPortalAccessLog(): Promise<PortalAccessLog> {
  return body(api.GET('/portal/access-log'));
}

export function calculateWorkPays(input: WorkPaysInput): Promise<WorkPaysResult> {
  return body(api.POST('/portal/work-pays', { body: input }));
}

export const myDataHref = (format: 'json' | 'pdf') => hrefOf('/portal/my-data', { query: { format } });

// Issue 11: "Mijn werk": his own work wishes (the matching module's work profile) and the proposals made to him.
export type PortalWorkProfile = S['WorkProfile'];
export type PortalWorkProfileBody = NonNullable<paths['/portal/work-profile']['put']['requestBody']>['content']['application/json'];
export type PortalProposal = S['Proposal'];

export function getPortalWorkProfile() {
  return answer(api.GET('/portal/work-profile'));
}

export function putPortalWorkProfile(input: PortalWorkProfileBody, etag: string | null) {
  return answer(api.PUT('/portal/work-profile', { params: { header: etag ? { 'if-match': etag } : {} }, body: input }));
}

export function listPortalProposals() {
  return body(api.GET('/portal/proposals'));
}

export function answerPortalProposal(proposalId: string, agreed: boolean): Promise<PortalProposal> {
  return body(api.POST('/portal/proposals/{proposalId}/answer', { params: { path: { proposalId } }, body: { agreed } }));
}

/** ESCO occupations for Mijn werk's wishes (the portal's own route; the staff route is for staff only). */
export async function searchPortalOccupations(q: string, signal: AbortSignal | undefined, limit = 10): Promise<S['EscoOccupationHit'][]> {
  return (await body(api.GET('/portal/occupations', { params: { query: { q, limit } }, signal }))).items;
}
