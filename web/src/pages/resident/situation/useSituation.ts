import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createBarrier,
  listAssessments,
  listBarriers,
  recordAssessment,
  updateBarrier,
} from '../../../api/assessments.api.ts';
import type { AssessmentCreate, Barrier, BarrierCreate, BarrierUpdate } from '../../../api/models.ts';
import { residentKey } from '../useResident.ts';

const assessmentsKey = (id: string) => [...residentKey(id), 'assessments'] as const;
const barriersKey = (id: string) => [...residentKey(id), 'barriers'] as const;

/** ZRM and ladder history with the trend per domain. 404 (out of scope, no consent) means: leave the section out. */
export function useAssessments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentsKey(id),
    queryFn: () => listAssessments(id),
    enabled,
    retry: false,
  });
}

export function useBarriers(id: string, enabled: boolean) {
  return useQuery({ queryKey: barriersKey(id), queryFn: () => listBarriers(id), enabled, retry: false });
}

export function useRecordAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentCreate) => recordAssessment(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentsKey(id) }),
  });
}

export function useCreateBarrier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BarrierCreate) => createBarrier(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: barriersKey(id) }),
  });
}

/** Change a barrier. On success and on 412 (someone else changed it) the list is reloaded. */
export function useUpdateBarrier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ barrier, body }: { barrier: Pick<Barrier, 'id' | 'version'>; body: BarrierUpdate }) =>
      updateBarrier(id, barrier, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: barriersKey(id) }),
  });
}
