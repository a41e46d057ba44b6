import { api, request } from './http.ts';
import type { ContractType, Instrument } from './vacancies.api.ts';

// Placements with follow-up (nazorg) at 1, 3, 6 and 12 months. Contract: /work/briefs/api-contract.md "Placements".

export type Outflow = 'full' | 'partial';
export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;

export interface FollowUp {
  months: number;
  dueOn: string;
  doneOn: string | null;
  stillEmployed: boolean | null;
  note: string | null;
}

export interface Placement {
  id: string;
  residentId: string;
  residentName?: string | null;
  employer: { id: string; name: string };
  vacancy: { id: string; title: string } | null;
  agreement: { id: string; title: string } | null;
  startDate: string;
  contractType: ContractType;
  hoursPerWeek: number;
  hourlyWage: number | null;
  instrument: Instrument | null;
  outflow: Outflow;
  status: 'active' | 'ended';
  followUps: FollowUp[];
}

export interface PlacementCreate {
  residentId: string;
  employerId: string;
  vacancyId?: string;
  proposalId?: string;
  agreementId?: string;
  startDate: string;
  contractType: ContractType;
  hoursPerWeek: number;
  hourlyWage?: number;
  instrument?: Instrument;
  outflow: Outflow;
}

export interface FollowUpWrite {
  doneOn: string;
  stillEmployed: boolean;
  note?: string;
}

const path = (id: string) => `/placements/${encodeURIComponent(id)}`;

export function createPlacement(body: PlacementCreate): Promise<Placement> {
  return api.post<Placement>('/placements', body);
}

export interface PlacementWithEtag {
  placement: Placement;
  /** For If-Match when recording a follow-up. */
  etag: string;
}

export async function getPlacement(id: string): Promise<PlacementWithEtag> {
  const res = await request<Placement>('GET', path(id));
  return { placement: res.data, etag: res.etag ?? '' };
}

/** Needs If-Match with the ETag of the placement as the user saw it (412 when someone else saved first). */
export async function recordFollowUp(id: string, months: number, etag: string, body: FollowUpWrite): Promise<PlacementWithEtag> {
  const res = await request<Placement>('PUT', `${path(id)}/follow-ups/${months}`, { body, headers: { 'If-Match': etag } });
  return { placement: res.data, etag: res.etag ?? '' };
}
