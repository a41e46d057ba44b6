import { api, body, hrefOf } from './client.ts';
import type { components, paths } from './schema.gen.ts';

// The privacy officer's pages: lookup by BSN with a reason, the log with filters, the register, the export.

type S = components['schemas'];
export type PrivacyLookupResult = S['PrivacyLookupResult'];
export type PrivacyLogEntry = S['PrivacyLogEntry'];
export type PrivacyLogEntryList = S['PrivacyLogEntryList'];
export type PrivacyActor = S['PrivacyActor'];
export type ProcessingActivity = S['ProcessingActivity'];
export type LogQuery = NonNullable<paths['/privacy/processing-log']['get']['parameters']['query']>;
export type ExportFormat = 'pdf' | 'csv' | 'json';

export function lookupResidentProcessing(input: { bsn: string; reason: string; cursor?: string; limit?: number }): Promise<PrivacyLookupResult> {
  return body(api.POST('/privacy/lookups', { body: { limit: 25, ...input } }));
}

export function searchProcessingLog(query: LogQuery): Promise<PrivacyLogEntryList> {
  return body(api.GET('/privacy/processing-log', { params: { query } }));
}

export async function listProcessingLogActors(): Promise<PrivacyActor[]> {
  return (await body(api.GET('/privacy/actors'))).items;
}

export async function listProcessingActivities(): Promise<ProcessingActivity[]> {
  return (await body(api.GET('/privacy/processing-activities'))).items;
}

/** The download that answers a subject access request (the browser fetches it with the session cookie). */
export function subjectAccessHref(residentId: string, format: ExportFormat): string {
  return hrefOf('/privacy/residents/{id}/subject-access-export', { path: { id: residentId }, query: { format } });
}

// Issue 16: erasure requests (AVG art. 17): what the law says first, then the decision; the decisions taken.
export type ErasureAssessment = S['ErasureAssessment'];
export type ErasureDecision = S['ErasureDecision'];
export type ErasureRequest = S['ErasureRequest'];
export type ErasureRequestList = S['ErasureRequestList'];

export function assessErasureRequest(input: { bsn: string; reason: string }): Promise<ErasureAssessment> {
  return body(api.POST('/privacy/erasure-assessments', { body: input }));
}

export function createErasureRequest(input: { bsn: string; reason: string }): Promise<ErasureDecision> {
  return body(api.POST('/privacy/erasure-requests', { body: input }));
}

export function listErasureRequests(cursor?: string): Promise<ErasureRequestList> {
  return body(api.GET('/privacy/erasure-requests', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));
}
