import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getCandidate, listCandidates, presentCandidate, recordInterviewCommitment, rejectCandidate, revealIdentity } from '../../api/candidates.api.ts';
import type { Candidate, CandidateQuery } from '../../api/models.ts';

export const CANDIDATE_KEYS = {
  all: ['candidates'] as const,
  list: (q: CandidateQuery) => ['candidates', 'list', q] as const,
  one: (id: string) => ['candidates', 'one', id] as const,
};

export function useCandidateList(q: CandidateQuery) {
  return useQuery({
    queryKey: CANDIDATE_KEYS.list(q),
    queryFn: ({ signal }) => listCandidates(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useCandidate(id: string) {
  return useQuery({ queryKey: CANDIDATE_KEYS.one(id), queryFn: () => getCandidate(id), enabled: Boolean(id), staleTime: 10_000 });
}

export type CandidateStep =
  | { kind: 'present' }
  | { kind: 'interview'; committedOn?: string }
  | { kind: 'reject'; note?: string }
  | { kind: 'reveal' };

export function useCandidateStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: CandidateStep): Promise<Candidate> => {
      switch (step.kind) {
        case 'present':
          return presentCandidate(id);
        case 'interview':
          return recordInterviewCommitment(id, step.committedOn);
        case 'reject':
          return rejectCandidate(id, step.note);
        case 'reveal':
          return revealIdentity(id);
      }
    },
    onSuccess: (candidate) => {
      client.setQueryData(CANDIDATE_KEYS.one(id), candidate);
      void client.invalidateQueries({ queryKey: ['candidates', 'list'] });
    },
  });
}
