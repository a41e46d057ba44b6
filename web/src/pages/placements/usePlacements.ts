import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUpMonths, FollowUpWrite, PlacementCreate } from '../../api/models.ts';
import { createPlacement, getPlacement, recordFollowUp } from '../../api/placements.api.ts';

export const PLACEMENT_KEYS = { one: (id: string) => ['placements', 'one', id] as const };

export function usePlacement(id: string) {
  return useQuery({ queryKey: PLACEMENT_KEYS.one(id), queryFn: () => getPlacement(id), enabled: Boolean(id), staleTime: 10_000 });
}

export function useCreatePlacement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlacementCreate) => createPlacement(body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['candidates'] });
      void client.invalidateQueries({ queryKey: ['vacancies'] });
      void client.invalidateQueries({ queryKey: ['employers'] });
    },
  });
}

export function useRecordFollowUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ months, etag, body }: { months: FollowUpMonths; etag: string; body: FollowUpWrite }) => recordFollowUp(id, months, etag, body),
    onSuccess: (p) => client.setQueryData(PLACEMENT_KEYS.one(id), p),
    // 412: someone else recorded follow-up first; load the current version (the form says so).
    onError: () => void client.invalidateQueries({ queryKey: PLACEMENT_KEYS.one(id) }),
  });
}
