import type { TimeWindow } from '../format/schedule.ts';
import { pageOf, type CursorList, type ListPage } from './employers.api.ts';
import { api } from './http.ts';
import type { Contribution, ProposalStatus } from './matching.api.ts';
import type { VacancySummary } from './vacancies.api.ts';

export type { Contribution, Criterion, ProposalStatus } from './matching.api.ts';

// Anonymous presentation of candidates to employers (employer advisor). Contract: /work/briefs/api-contract.md
// "Candidates" and "Matching" (Contribution). The identity stays null until the reveal.

export const CANDIDATE_STATUSES: ProposalStatus[] = ['residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed', 'rejected', 'withdrawn'];


export interface AnonymousProfile {
  desiredOccupations: { label: string }[];
  skills: string[];
  experience: { description: string; years: number }[];
  education: string | null;
  hoursMin: number;
  hoursMax: number;
  availability: TimeWindow[];
  hasDrivingLicence: boolean;
  maxTravelKm: number | null;
}

export interface Candidate {
  proposalId: string;
  candidateCode: string;
  status: ProposalStatus;
  vacancy: VacancySummary;
  score: number;
  explanation: Contribution[];
  profile: AnonymousProfile;
  /** After the reveal only; residentId is for recording the placement (POST /placements). */
  identity: null | { name: string; phone: string | null; email: string | null; residentId?: string };
  /** The placement once placed (link to its follow-up). */
  placementId?: string | null;
  /** Older form of identity.residentId. */
  residentId?: string;
}

const path = (id: string) => `/candidates/${encodeURIComponent(id)}`;

export async function listCandidates(
  query: { vacancyId?: string; status?: string; cursor?: string },
  signal?: AbortSignal,
): Promise<ListPage<Candidate>> {
  return pageOf(await api.get<CursorList<Candidate>>('/candidates', { query, signal }));
}

export function getCandidate(id: string): Promise<Candidate> {
  return api.get<Candidate>(path(id));
}

export function presentCandidate(id: string): Promise<Candidate> {
  return api.post<Candidate>(`${path(id)}/presentation`, {});
}

export function recordInterviewCommitment(id: string, committedOn?: string): Promise<Candidate> {
  return api.post<Candidate>(`${path(id)}/interview-commitment`, committedOn ? { committedOn } : {});
}

export function rejectCandidate(id: string, note?: string): Promise<Candidate> {
  return api.post<Candidate>(`${path(id)}/rejection`, note ? { note } : {});
}

export function revealIdentity(id: string): Promise<Candidate> {
  return api.post<Candidate>(`${path(id)}/reveal`, {});
}
