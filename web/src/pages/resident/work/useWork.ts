import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createProposal, getWorkProfile, listProposals, listResidentPlacements, listVacancyMatches, putWorkProfile, recordResidentResponse, withdrawProposal } from '../../../api/matching.api.ts';
import type { ResponseHow, WorkProfileBody } from '../../../api/models.ts';
import { residentKey } from '../useResident.ts';

export const workProfileKey = (id: string) => [...residentKey(id), 'work-profile'] as const;
const matchesKey = (id: string) => [...residentKey(id), 'vacancy-matches'] as const;
const proposalsKey = (id: string) => [...residentKey(id), 'proposals'] as const;
const placementsKey = (id: string) => [...residentKey(id), 'placements'] as const;

/** 404 means "no work profile yet" (the section says what to do); 403: leave the section out. */
export function useWorkProfile(id: string, enabled: boolean) {
  return useQuery({ queryKey: workProfileKey(id), queryFn: () => getWorkProfile(id), enabled, retry: false });
}

export function useVacancyMatches(id: string, schoolHoursOnly: boolean, enabled: boolean) {
  return useQuery({
    queryKey: [...matchesKey(id), { schoolHoursOnly }],
    queryFn: () => listVacancyMatches(id, schoolHoursOnly),
    enabled,
    retry: false,
  });
}

export function useProposals(id: string, enabled: boolean) {
  return useQuery({ queryKey: proposalsKey(id), queryFn: () => listProposals(id), enabled, retry: false });
}

export function usePlacements(id: string, enabled: boolean) {
  return useQuery({ queryKey: placementsKey(id), queryFn: () => listResidentPlacements(id), enabled, retry: false });
}

/**
 * Saves the profile on top of the version the form was opened with (`etag`; null for the first profile). On 412 the
 * form keeps the user's input and the caller reloads the current version to show who changed it.
 */
export function useSaveWorkProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: WorkProfileBody; etag: string | null }) => putWorkProfile(id, body, etag),
    onSuccess: (saved) => {
      queryClient.setQueryData(workProfileKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: matchesKey(id) });
    },
  });
}

function useProposalChange<V, R>(id: string, fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: proposalsKey(id) });
      void queryClient.invalidateQueries({ queryKey: matchesKey(id) });
    },
  });
}

export function usePropose(id: string) {
  return useProposalChange(id, (v: { vacancyId: string; note?: string }) => createProposal(id, v));
}

export function useResidentResponse(id: string) {
  return useProposalChange(id, (v: { proposalId: string; agreed: boolean; how: ResponseHow }) =>
    recordResidentResponse(v.proposalId, { agreed: v.agreed, how: v.how }),
  );
}

export function useWithdraw(id: string) {
  return useProposalChange(id, (proposalId: string) => withdrawProposal(proposalId));
}
