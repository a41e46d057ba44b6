import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client.ts';
import type { Plan } from '../../../api/models.ts';
import { listStaff, listTeams } from '../../../api/organisation.api.ts';
import {
  getPlan,
  getPlanHistory,
  planConflictOf,
  startPlan,
  writePlan,
  type PlanOperation,
} from '../../../api/plans.api.ts';
import { residentKey } from '../useResident.ts';

export const planKey = (id: string) => [...residentKey(id), 'plan'] as const;
const historyKey = (id: string) => [...residentKey(id), 'plan-history'] as const;

/** The active plan. 404 means "no plan yet" (the resident page itself was readable); 403: leave the section out. */
export function usePlan(id: string, enabled: boolean) {
  return useQuery({ queryKey: planKey(id), queryFn: () => getPlan(id), enabled, retry: false });
}

export function usePlanHistory(id: string, enabled: boolean) {
  return useQuery({ queryKey: historyKey(id), queryFn: () => getPlanHistory(id), enabled, retry: false });
}

/** Buurtteam professionals for the owner choice (the staff list is for the area team; others get 403). */
export function usePartnerProfessionals(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'partnerProfessional'],
    queryFn: () => listStaff('partnerProfessional'),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Team names, to tell werkmatchers with the same name apart in the owner choice. */
export function useTeams(enabled: boolean) {
  return useQuery({ queryKey: ['teams'], queryFn: listTeams, enabled, staleTime: 10 * 60_000, retry: false });
}

/** Start the one plan. 409: someone else just started one, so show that one. */
export function useStartPlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startPlan(id),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(id), plan);
      void queryClient.invalidateQueries({ queryKey: historyKey(id) });
    },
    onError: (err) => {
      if (isApiError(err, 409)) void queryClient.invalidateQueries({ queryKey: planKey(id) });
    },
  });
}

/**
 * One change on top of the version on screen (the cached plan), with If-Match. The answer replaces the plan;
 * on 412 the plan on screen becomes the current one, so sending the same change again goes on top of it.
 */
export function usePlanWrite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (op: PlanOperation) => {
      const shown = queryClient.getQueryData<Plan>(planKey(id));
      if (!shown) return Promise.reject(new Error('Plan not loaded'));
      return writePlan(id, shown, op);
    },
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(id), plan);
      void queryClient.invalidateQueries({ queryKey: historyKey(id) });
    },
    onError: (err) => {
      const conflict = planConflictOf(err);
      if (conflict) {
        queryClient.setQueryData(planKey(id), conflict.current);
        void queryClient.invalidateQueries({ queryKey: historyKey(id) });
      }
    },
  });
}
