import { api, body, hrefOf } from './client.ts';
import type { Candidate, CandidateList, CandidateQuery } from './models.ts';

// Anonymous presentation of candidates to employers (employer advisor). The identity stays null until the reveal.

const byId = (proposalId: string) => ({ params: { path: { proposalId } } });

/** The anonymous profile as a tagged PDF for the employer: a normal link (the session cookie goes along). */
export function candidateProfilePdfUrl(proposalId: string): string {
  return hrefOf('/candidates/{proposalId}/anonymous-profile/pdf', { path: { proposalId } });
}

/** One page of candidates: `total` counts every match, `next` is the cursor of the next page (or null). */
export function listCandidates(query: CandidateQuery, signal?: AbortSignal): Promise<CandidateList> {
  return body(api.GET('/candidates', { params: { query }, signal }));
}

export function getCandidate(id: string): Promise<Candidate> {
  return body(api.GET('/candidates/{proposalId}', byId(id)));
}

export function presentCandidate(id: string): Promise<Candidate> {
  return body(api.POST('/candidates/{proposalId}/presentation', { ...byId(id), body: {} }));
}

export function recordInterviewCommitment(id: string, committedOn?: string): Promise<Candidate> {
  return body(
    api.POST('/candidates/{proposalId}/interview-commitment', {
      ...byId(id),
      body: committedOn ? { committedOn } : {},
    }),
  );
}

export function rejectCandidate(id: string, note?: string): Promise<Candidate> {
  return body(api.POST('/candidates/{proposalId}/rejection', { ...byId(id), body: note ? { note } : {} }));
}

export function revealIdentity(id: string): Promise<Candidate> {
  return body(api.POST('/candidates/{proposalId}/reveal', { ...byId(id), body: {} }));
}
