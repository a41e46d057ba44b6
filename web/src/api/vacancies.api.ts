import type { TimeWindow } from '../format/schedule.ts';
import { pageOf, type CursorList, type ListPage, type VacancyStatus } from './employers.api.ts';
import { api, request } from './http.ts';

// Vacancies. Contract: /work/briefs/api-contract.md "Vacancies". Edits send If-Match with the ETag of the version
// the user saw; 412 means someone else saved first.

export type { VacancyStatus } from './employers.api.ts';
export type ContractType = 'permanent' | 'temporary' | 'agency';
export type Instrument = 'wageCostSubsidy' | 'trialPlacement' | 'jobCoaching' | 'noRiskPolicy';

export const CONTRACT_TYPES: ContractType[] = ['permanent', 'temporary', 'agency'];
export const INSTRUMENTS: Instrument[] = ['wageCostSubsidy', 'trialPlacement', 'jobCoaching', 'noRiskPolicy'];
export const VACANCY_STATUSES: VacancyStatus[] = ['draft', 'open', 'filled', 'closed'];

export interface VacancySummary {
  id: string;
  title: string;
  employer: { id: string; name: string };
  occupation: { code: string; label: string; iscoGroup: string };
  hoursPerWeek: number;
  fitsSchoolHours: boolean;
  postcode: string;
  city: string | null;
  contractType: ContractType;
  status: VacancyStatus;
  closingDate: string | null;
}

export interface Vacancy extends VacancySummary {
  description: string | null;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  schedule: TimeWindow[];
  instruments: Instrument[];
  drivingLicenceRequired: boolean;
  jobCarvingNotes: string | null;
  locationId: string | null;
  version: number;
}

export interface VacancyWrite {
  employerId: string;
  locationId?: string | null;
  title: string;
  description?: string | null;
  escoCode: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  hoursPerWeek: number;
  schedule: TimeWindow[];
  postcode: string;
  contractType: ContractType;
  instruments: Instrument[];
  drivingLicenceRequired: boolean;
  jobCarvingNotes?: string | null;
  status: VacancyStatus;
  closingDate?: string | null;
}

export interface VacancyQuery {
  status?: string;
  employerId?: string;
  q?: string;
  schoolHours?: boolean;
  cursor?: string;
}

export interface VacancyWithEtag {
  vacancy: Vacancy;
  etag: string;
}

const path = (id: string) => `/vacancies/${encodeURIComponent(id)}`;

export async function listVacancies(query: VacancyQuery, signal?: AbortSignal): Promise<ListPage<VacancySummary>> {
  const q = { ...query, schoolHours: query.schoolHours ? true : undefined };
  return pageOf(await api.get<CursorList<VacancySummary>>('/vacancies', { query: q, signal }));
}

/** The vacancy with the ETag to send back when editing it. */
export async function getVacancy(id: string): Promise<VacancyWithEtag> {
  const res = await request<Vacancy>('GET', path(id));
  return { vacancy: res.data, etag: res.etag ?? `"${res.data.version}"` };
}

export function createVacancy(body: VacancyWrite): Promise<Vacancy> {
  return api.post<Vacancy>('/vacancies', body);
}

export async function updateVacancy(id: string, etag: string, body: Partial<VacancyWrite>): Promise<Vacancy> {
  return (await request<Vacancy>('PATCH', path(id), { body, headers: { 'If-Match': etag } })).data;
}
