import { api, request } from './http.ts';
import type {
  Consent,
  ConsentCreate,
  ContactMoment,
  ContactMomentCreate,
  ContactPersonAssignment,
  ContactPersonChange,
  ItemList,
  ProcessingLogEntry,
  Resident,
  ResidentCreate,
  ResidentList,
  ResidentListQuery,
  ResidentUpdate,
} from './types.ts';

/** A resident together with the ETag of the version we read (needed for If-Match when editing). */
export interface VersionedResident {
  resident: Resident;
  etag: string | null;
}

const base = (id: string) => `/residents/${encodeURIComponent(id)}`;

export function listResidents(query: ResidentListQuery, signal?: AbortSignal): Promise<ResidentList> {
  return api.get<ResidentList>('/residents', {
    signal,
    query: {
      q: query.q,
      areaId: query.areaId,
      status: query.status,
      noContactDays: query.noContactDays,
      contactPerson: query.contactPerson,
      sort: query.sort,
      limit: query.limit,
      cursor: query.cursor,
      total: query.total === undefined ? undefined : String(query.total),
    },
  });
}

export async function getResident(id: string): Promise<VersionedResident> {
  const res = await request<Resident>('GET', base(id));
  return { resident: res.data, etag: res.etag };
}

export async function revealBsn(id: string): Promise<string> {
  return (await api.get<{ bsn: string }>(`${base(id)}/bsn`)).bsn;
}

export async function createResident(body: ResidentCreate): Promise<VersionedResident> {
  const res = await request<Resident>('POST', '/residents', { body });
  return { resident: res.data, etag: res.etag };
}

export async function updateResident(id: string, etag: string, body: ResidentUpdate): Promise<VersionedResident> {
  const res = await request<Resident>('PATCH', base(id), { body, headers: { 'If-Match': etag } });
  return { resident: res.data, etag: res.etag };
}

export async function listContactPersonHistory(id: string): Promise<ContactPersonAssignment[]> {
  return (await api.get<ItemList<ContactPersonAssignment>>(`${base(id)}/contact-person-history`)).items;
}

export async function changeContactPerson(id: string, body: ContactPersonChange): Promise<ContactPersonAssignment[]> {
  return (await api.put<ItemList<ContactPersonAssignment>>(`${base(id)}/contact-person`, body)).items;
}

export async function listConsents(id: string): Promise<Consent[]> {
  return (await api.get<ItemList<Consent>>(`${base(id)}/consents`)).items;
}

export function grantConsent(id: string, body: ConsentCreate): Promise<Consent> {
  return api.post<Consent>(`${base(id)}/consents`, body);
}

export function withdrawConsent(id: string, consentId: string): Promise<Consent> {
  return api.post<Consent>(`${base(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, {});
}

export async function listContactMoments(id: string): Promise<ContactMoment[]> {
  return (await api.get<ItemList<ContactMoment>>(`${base(id)}/contact-moments`)).items;
}

export function recordContactMoment(id: string, body: ContactMomentCreate): Promise<ContactMoment> {
  return api.post<ContactMoment>(`${base(id)}/contact-moments`, body);
}

export async function listProcessingLog(id: string): Promise<ProcessingLogEntry[]> {
  return (await api.get<ItemList<ProcessingLogEntry>>(`${base(id)}/processing-log`)).items;
}
