import { API_BASE, api, request } from './http.ts';
import type { TimeWindow } from '../format/schedule.ts';
import type { Placement } from './placements.api.ts';

export type { FollowUp, Placement } from './placements.api.ts';

// Work profile, vacancy matches, proposals, placements (read), the fairness monitor and the Algoritmeregister entry.
// Contract: /work/briefs/api-contract.md (src/modules/matching, fairness, placements). Single records carry an ETag;
// replacing an existing work profile needs If-Match (412 when someone else saved first, 428 when missing).

export type ContractType = 'permanent' | 'temporary' | 'agency';
export const contractTypes: readonly ContractType[] = ['permanent', 'temporary', 'agency'];

export interface VacancySummary {
  id: string;
  title: string;
  employer: { id: string; name: string };
  occupation: { code: string; label: string; iscoGroup: string };
  hoursPerWeek: number;
  fitsSchoolHours: boolean;
  postcode: string;
  city: string;
  contractType: ContractType;
  status: string;
  closingDate: string | null;
  /** Not in the contract's summary; shown when the API sends it. */
  schedule?: TimeWindow[];
}

export interface DesiredOccupation {
  escoCode: string;
  label: string;
  iscoGroup: string;
}

export interface Experience {
  description: string;
  years: number;
}

export interface WorkProfileBody {
  desiredOccupations: { escoCode: string }[];
  skills: string[];
  experience: Experience[];
  education?: string | null;
  hoursMin: number;
  hoursMax: number;
  availability: TimeWindow[];
  maxTravelKm?: number | null;
  hasDrivingLicence: boolean;
  preferredContractTypes: ContractType[];
  preferredSectors: string[];
  preferencesNote?: string | null;
}

export interface WorkProfile extends Omit<WorkProfileBody, 'desiredOccupations'> {
  residentId: string;
  desiredOccupations: DesiredOccupation[];
  version: number;
  updatedAt: string;
  updatedBy: { id: string; displayName: string } | null;
  availabilityHours: number;
  fitsSchoolHoursOnly: boolean;
}

/** The profile with the ETag to send as If-Match on the next save. */
export interface VersionedWorkProfile {
  profile: WorkProfile;
  etag: string;
}

export type Criterion =
  | 'hours'
  | 'schedule'
  | 'travel'
  | 'drivingLicence'
  | 'occupation'
  | 'requiredSkills'
  | 'niceToHaveSkills'
  | 'contractType'
  | 'sector';

export interface Contribution {
  criterion: Criterion;
  kind: 'hard' | 'soft';
  points: number;
  maxPoints: number;
  /** Dutch, from the matcher: "Past binnen schooltijden", "2 van de 3 gevraagde vaardigheden". */
  explanation: string;
}

export type ProposalStatus =
  | 'proposed'
  | 'residentAgreed'
  | 'residentDeclined'
  | 'presented'
  | 'interviewAgreed'
  | 'revealed'
  | 'placed'
  | 'withdrawn'
  | 'rejected';

export interface Match {
  vacancy: VacancySummary;
  score: number;
  contributions: Contribution[];
  proposal: { id: string; status: ProposalStatus } | null;
}

export interface MatchList {
  matcherVersion: string;
  generatedAt: string;
  data: Match[];
}

export type ResponseHow = 'inPerson' | 'phone' | 'video' | 'letter' | 'portal';
export const responseHows: readonly ResponseHow[] = ['inPerson', 'phone', 'video', 'letter'];

export interface Proposal {
  id: string;
  residentId: string;
  vacancy: VacancySummary;
  score: number;
  explanation: Contribution[];
  matcherVersion: string;
  status: ProposalStatus;
  note: string | null;
  proposedAt: string;
  proposedBy: { id: string; displayName: string } | null;
  residentResponseAt: string | null;
  residentResponseHow: ResponseHow | null;
  presentedAt: string | null;
  interviewCommittedAt: string | null;
  revealedAt: string | null;
}

/** Still open: the werkmatcher can withdraw it. */
export const OPEN_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['proposed', 'residentAgreed', 'presented', 'interviewAgreed', 'revealed'];


export type FairnessDimension = 'ageBand' | 'householdType' | 'gender' | 'migrationBackground';
export const fairnessDimensions: readonly FairnessDimension[] = ['ageBand', 'householdType', 'gender', 'migrationBackground'];
export type FairnessStage = 'exposure' | 'proposal' | 'interview' | 'placement';
export const fairnessStages: readonly FairnessStage[] = ['exposure', 'proposal', 'interview', 'placement'];

export interface FairnessGroup {
  group: string;
  label: string;
  population: number | null;
  exposure: number | null;
  proposals: number | null;
  interviews: number | null;
  placements: number | null;
  rates: Record<FairnessStage, number | null> | null;
  suppressed: boolean;
}

export interface FairnessWarning {
  stage: FairnessStage;
  group: string;
  label: string;
  ratio: number;
  referenceGroup: string;
}

export interface FairnessMonitor {
  dimension: FairnessDimension;
  from: string;
  to: string;
  matcherVersion: string;
  minimumCellSize: number;
  stages: FairnessStage[];
  groups: FairnessGroup[];
  warnings: FairnessWarning[];
}

/** The Algoritmeregister entry (Dutch; src/modules/fairness/algorithm-register.ts). Only what the page shows is typed. */
export interface AlgorithmRegisterEntry {
  name: string;
  organisation: string;
  status: string;
  version: string;
  date?: string;
  descriptionShort?: string;
  type?: string;
  goal?: string;
  impact?: string;
  proportionality?: string;
  decisionMaking?: string;
  humanIntervention?: string;
  methodsAndModels?: string;
  data?: { key: string; name: string; kind: 'hard' | 'soft'; use: string; maxPoints?: number; source: string }[];
  excludedAttributes?: { attribute: string; reason: string }[];
  excludedAttributesNote?: string;
  risks?: { risk: string; mitigation: string }[];
  legalBasis?: { title: string; url: string | null }[];
  contact?: string;
}

const resident = (id: string) => `/residents/${encodeURIComponent(id)}`;

/** 404 "Nog geen werkprofiel" when the resident (in scope) has none yet. */
export async function getWorkProfile(residentId: string): Promise<VersionedWorkProfile> {
  const res = await request<WorkProfile>('GET', `${resident(residentId)}/work-profile`);
  return { profile: res.data, etag: res.etag ?? `"${res.data.version}"` };
}

/** Creates (no etag) or replaces (If-Match with the version the user edited) the work profile. */
export async function putWorkProfile(residentId: string, body: WorkProfileBody, etag: string | null): Promise<VersionedWorkProfile> {
  const res = await request<WorkProfile>('PUT', `${resident(residentId)}/work-profile`, {
    body,
    headers: etag ? { 'If-Match': etag } : undefined,
  });
  return { profile: res.data, etag: res.etag ?? `"${res.data.version}"` };
}

export function listVacancyMatches(residentId: string, schoolHoursOnly: boolean, limit = 20): Promise<MatchList> {
  return api.get<MatchList>(`${resident(residentId)}/vacancy-matches`, { query: { limit, schoolHoursOnly } });
}

export async function listProposals(residentId: string): Promise<Proposal[]> {
  return (await api.get<{ data: Proposal[] }>(`${resident(residentId)}/proposals`)).data;
}

export function createProposal(residentId: string, body: { vacancyId: string; note?: string }): Promise<Proposal> {
  return api.post<Proposal>(`${resident(residentId)}/proposals`, body);
}

export function recordResidentResponse(proposalId: string, body: { agreed: boolean; how: ResponseHow }): Promise<Proposal> {
  return api.post<Proposal>(`/proposals/${encodeURIComponent(proposalId)}/resident-response`, body);
}

export function withdrawProposal(proposalId: string): Promise<Proposal> {
  return api.post<Proposal>(`/proposals/${encodeURIComponent(proposalId)}/withdrawal`);
}

export async function listResidentPlacements(residentId: string): Promise<Placement[]> {
  return (await api.get<{ data: Placement[] }>(`${resident(residentId)}/placements`)).data;
}

export function getFairnessMonitor(query: { from: string; to: string; dimension: FairnessDimension }): Promise<FairnessMonitor> {
  return api.get<FairnessMonitor>('/fairness/monitor', { query: { ...query } });
}

export function getAlgorithmRegister(): Promise<AlgorithmRegisterEntry> {
  return api.get<AlgorithmRegisterEntry>('/algorithm-register/matcher');
}

/** The entry as a JSON file: a normal link (the session cookie goes along; the server sets Content-Disposition). */
export const ALGORITHM_REGISTER_DOWNLOAD_URL = `${API_BASE}/algorithm-register/matcher?download=true`;

/** The working times of one vacancy (the match list's summary has none): GET /vacancies/{id}. */
export async function getVacancySchedule(vacancyId: string): Promise<TimeWindow[]> {
  return (await api.get<{ schedule: TimeWindow[] }>(`/vacancies/${encodeURIComponent(vacancyId)}`)).schedule;
}
