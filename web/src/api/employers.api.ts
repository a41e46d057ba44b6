import { api } from './http.ts';

// Lists of the employers and matching API: { data, links?: { next?: { href } } }. The next link (a URL with a cursor
// parameter, or a bare cursor) becomes a cursor string here.

export interface CursorList<T> {
  data: T[];
  links?: { next?: string | { href: string } | null } | null;
  next?: string | null;
}

export interface ListPage<T> {
  items: T[];
  next: string | null;
}

export function pageOf<T>(list: CursorList<T>): ListPage<T> {
  const link = list.links?.next ?? list.next ?? null;
  const raw = typeof link === 'string' ? link : (link?.href ?? null);
  if (!raw) return { items: list.data, next: null };
  let cursor: string | null = raw;
  if (raw.includes('cursor=')) {
    try {
      cursor = new URL(raw, 'http://x').searchParams.get('cursor');
    } catch {
      cursor = null;
    }
  }
  return { items: list.data, next: cursor };
}

// Employers, locations, contacts and agreements (intention / anti-discrimination). Contract:
// /work/briefs/api-contract.md "Employers". Contacts come only for employers:write (the advisor).

export type AgreementKind = 'intention' | 'antiDiscrimination';

export interface AgreementSummary {
  id: string;
  kind: AgreementKind;
  title: string;
  pledgedPlacements: number | null;
  realisedPlacements: number;
  periodStart: string;
  periodEnd: string;
}

export interface Agreement extends AgreementSummary {
  targetGroup: string | null;
  signedOn: string | null;
  notes: string | null;
}

export interface EmployerSummary {
  id: string;
  name: string;
  sector: string;
  openVacancies: number;
  agreements: AgreementSummary[];
}

export interface EmployerLocation {
  id: string;
  name: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string;
  city: string;
}

export interface EmployerContact {
  id: string;
  name: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
}

export interface EmployerVacancy {
  id: string;
  title: string;
  status: VacancyStatus;
  hoursPerWeek: number;
  closingDate: string | null;
  fitsSchoolHours: boolean;
}

export type VacancyStatus = 'draft' | 'open' | 'filled' | 'closed';

export interface Employer {
  id: string;
  name: string;
  sector: string;
  kvkNumber: string | null;
  website: string | null;
  notes: string | null;
  version: number;
  locations: EmployerLocation[];
  contacts: EmployerContact[];
  agreements: Agreement[];
  vacancies: EmployerVacancy[];
}

export interface EmployerCreate {
  name: string;
  sector: string;
  kvkNumber?: string;
  website?: string;
  notes?: string;
}

export interface LocationCreate {
  name: string;
  street?: string;
  houseNumber?: string;
  postcode: string;
  city: string;
}

export interface ContactCreate {
  name: string;
  jobTitle?: string;
  email?: string;
  phone?: string;
}

export interface AgreementCreate {
  kind: AgreementKind;
  title: string;
  targetGroup?: string;
  pledgedPlacements?: number;
  periodStart: string;
  periodEnd: string;
  signedOn?: string;
  notes?: string;
}

const id = (value: string) => encodeURIComponent(value);

export async function listEmployers(query: { q?: string; cursor?: string }, signal?: AbortSignal): Promise<ListPage<EmployerSummary>> {
  return pageOf(await api.get<CursorList<EmployerSummary>>('/employers', { query, signal }));
}

export function getEmployer(employerId: string): Promise<Employer> {
  return api.get<Employer>(`/employers/${id(employerId)}`);
}

export function createEmployer(body: EmployerCreate): Promise<Employer> {
  return api.post<Employer>('/employers', body);
}

export function addLocation(employerId: string, body: LocationCreate): Promise<EmployerLocation> {
  return api.post<EmployerLocation>(`/employers/${id(employerId)}/locations`, body);
}

export function addContact(employerId: string, body: ContactCreate): Promise<EmployerContact> {
  return api.post<EmployerContact>(`/employers/${id(employerId)}/contacts`, body);
}

export function addAgreement(employerId: string, body: AgreementCreate): Promise<Agreement> {
  return api.post<Agreement>(`/employers/${id(employerId)}/agreements`, body);
}
