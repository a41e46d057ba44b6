import { api, answer, body } from './client.ts';
import type {
  Consent,
  ConsentCreate,
  ContactMoment,
  ContactMomentCreate,
  ContactPersonAssignment,
  ContactPersonChange,
  ProcessingLogEntry,
  Resident,
  ResidentCreate,
  ResidentList,
  ResidentListQuery,
  ResidentUpdate,
} from './models.ts';

/** A resident together with the ETag of the version we read (needed for If-Match when editing). */
export interface VersionedResident {
  resident: Resident;
  etag: string | null;
}

const byId = (id: string) => ({ params: { path: { id } } });

/** One page of the caseload: `total` counts every match, `next` is the cursor of the next page (or null). */
export function listResidents(query: ResidentListQuery, signal?: AbortSignal): Promise<ResidentList> {
  return body(api.GET('/residents', { params: { query }, signal }));
}

export async function getResident(id: string): Promise<VersionedResident> {
  const res = await answer(api.GET('/residents/{id}', byId(id)));
  return { resident: res.data, etag: res.etag };
}

export async function revealBsn(id: string): Promise<string> {
  return (await body(api.GET('/residents/{id}/bsn', byId(id)))).bsn;
}

export async function createResident(resident: ResidentCreate): Promise<VersionedResident> {
  const res = await answer(api.POST('/residents', { body: resident }));
  return { resident: res.data, etag: res.etag };
}

export async function updateResident(
  id: string,
  etag: string,
  change: ResidentUpdate,
): Promise<VersionedResident> {
  const res = await answer(
    api.PATCH('/residents/{id}', { params: { path: { id }, header: { 'if-match': etag } }, body: change }),
  );
  return { resident: res.data, etag: res.etag };
}

export async function listContactPersonHistory(id: string): Promise<ContactPersonAssignment[]> {
  return (await body(api.GET('/residents/{id}/contact-person-history', byId(id)))).items;
}

export async function changeContactPerson(
  id: string,
  change: ContactPersonChange,
): Promise<ContactPersonAssignment[]> {
  return (await body(api.PUT('/residents/{id}/contact-person', { ...byId(id), body: change }))).items;
}

export async function listConsents(id: string): Promise<Consent[]> {
  return (await body(api.GET('/residents/{id}/consents', byId(id)))).items;
}

export function grantConsent(id: string, consent: ConsentCreate): Promise<Consent> {
  return body(api.POST('/residents/{id}/consents', { ...byId(id), body: consent }));
}

export function withdrawConsent(id: string, consentId: string): Promise<Consent> {
  return body(
    api.POST('/residents/{id}/consents/{consentId}/withdraw', { params: { path: { id, consentId } } }),
  );
}

export async function listContactMoments(id: string): Promise<ContactMoment[]> {
  return (await body(api.GET('/residents/{id}/contact-moments', byId(id)))).items;
}

export function recordContactMoment(id: string, moment: ContactMomentCreate): Promise<ContactMoment> {
  return body(api.POST('/residents/{id}/contact-moments', { ...byId(id), body: moment }));
}

export async function listProcessingLog(id: string): Promise<ProcessingLogEntry[]> {
  return (await body(api.GET('/residents/{id}/processing-log', byId(id)))).items;
}
