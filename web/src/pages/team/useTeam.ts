import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatchUpCreate, CatchUpPreviewRequest, ReassignmentCreate } from '../../api/models.ts';
import {
  closeCatchUp,
  createCatchUp,
  getCatchUp,
  getTeamCaseloads,
  listCatchUps,
  previewCatchUp,
  reassignResidents,
} from '../../api/team.api.ts';

export const TEAM_KEYS = {
  caseloads: ['team', 'caseloads'] as const,
  campaigns: ['team', 'catchUps'] as const,
  campaign: (id: string) => ['team', 'catchUps', id] as const,
};

export function useTeamCaseloads() {
  return useQuery({ queryKey: TEAM_KEYS.caseloads, queryFn: getTeamCaseloads, staleTime: 30_000 });
}

export function useCatchUps() {
  return useQuery({ queryKey: TEAM_KEYS.campaigns, queryFn: listCatchUps, staleTime: 30_000 });
}

export function useCatchUp(id: string) {
  return useQuery({ queryKey: TEAM_KEYS.campaign(id), queryFn: () => getCatchUp(id), staleTime: 30_000 });
}

/** After a change of contact persons: caseload figures, resident lists and campaigns are out of date. */
function useInvalidateTeam() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['team'] });
    void client.invalidateQueries({ queryKey: ['residents'] });
  };
}

export function useReassign() {
  const invalidate = useInvalidateTeam();
  return useMutation({
    mutationFn: (body: ReassignmentCreate) => reassignResidents(body),
    onSuccess: invalidate,
  });
}

export function usePreviewCatchUp() {
  return useMutation({
    mutationFn: (body: CatchUpPreviewRequest) => previewCatchUp(body),
  });
}

export function useCreateCatchUp() {
  const invalidate = useInvalidateTeam();
  return useMutation({ mutationFn: (body: CatchUpCreate) => createCatchUp(body), onSuccess: invalidate });
}

export function useCloseCatchUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => closeCatchUp(id),
    onSuccess: (campaign) => {
      client.setQueryData(TEAM_KEYS.campaign(id), campaign);
      void client.invalidateQueries({ queryKey: TEAM_KEYS.campaigns });
    },
  });
}
