import { api, answer, body, hrefOf } from './client.ts';
import type {
  AlgorithmRegisterEntry,
  FairnessMonitor,
  FairnessMonitorQuery,
  MatchList,
  Placement,
  Proposal,
  ProposalCreate,
  ResidentResponse,
  WorkProfile,
  WorkProfileBody,
} from './models.ts';

// Work profile, vacancy matches, proposals, placements (read), the fairness monitor and the Algoritmeregister entry.
// Single records carry an ETag; replacing an existing work profile needs If-Match (412 when someone else saved
// first, 428 when missing).

const byId = (id: string) => ({ params: { path: { id } } });

/** The profile with the ETag to send as If-Match on the next save. */
export interface VersionedWorkProfile {
  profile: WorkProfile;
  etag: string;
}

/** 404 "Nog geen werkprofiel" when the resident (in scope) has none yet. */
export async function getWorkProfile(residentId: string): Promise<VersionedWorkProfile> {
  const res = await answer(api.GET('/residents/{id}/work-profile', byId(residentId)));
  return { profile: res.data, etag: res.etag ?? `"${res.data.version}"` };
}

/** Creates (no etag) or replaces (If-Match with the version the user edited) the work profile. */
export async function putWorkProfile(
  residentId: string,
  profile: WorkProfileBody,
  etag: string | null,
): Promise<VersionedWorkProfile> {
  const res = await answer(
    api.PUT('/residents/{id}/work-profile', {
      params: { path: { id: residentId }, header: etag ? { 'if-match': etag } : undefined },
      body: profile,
    }),
  );
  return { profile: res.data, etag: res.etag ?? `"${res.data.version}"` };
}

export function listVacancyMatches(
  residentId: string,
  schoolHoursOnly: boolean,
  limit = 20,
): Promise<MatchList> {
  return body(
    api.GET('/residents/{id}/vacancy-matches', {
      params: {
        path: { id: residentId },
        query: { limit, schoolHoursOnly: schoolHoursOnly ? 'true' : 'false' },
      },
    }),
  );
}

export async function listProposals(residentId: string): Promise<Proposal[]> {
  return (await body(api.GET('/residents/{id}/proposals', byId(residentId)))).items;
}

export function createProposal(residentId: string, proposal: ProposalCreate): Promise<Proposal> {
  return body(api.POST('/residents/{id}/proposals', { ...byId(residentId), body: proposal }));
}

export function recordResidentResponse(proposalId: string, response: ResidentResponse): Promise<Proposal> {
  return body(api.POST('/proposals/{id}/resident-response', { ...byId(proposalId), body: response }));
}

export function withdrawProposal(proposalId: string): Promise<Proposal> {
  return body(api.POST('/proposals/{id}/withdrawal', byId(proposalId)));
}

export async function listResidentPlacements(residentId: string): Promise<Placement[]> {
  return (await body(api.GET('/residents/{id}/placements', byId(residentId)))).items;
}

export function getFairnessMonitor(query: FairnessMonitorQuery): Promise<FairnessMonitor> {
  return body(api.GET('/fairness/monitor', { params: { query } }));
}

export function getAlgorithmRegister(): Promise<AlgorithmRegisterEntry> {
  return body(api.GET('/algorithm-register/matcher'));
}

/** The entry as a JSON file: a normal link (the session cookie goes along; the server sets Content-Disposition). */
export const ALGORITHM_REGISTER_DOWNLOAD_URL = hrefOf('/algorithm-register/matcher', {
  query: { download: 'true' },
});
