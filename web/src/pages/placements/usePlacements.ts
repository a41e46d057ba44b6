import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPlacement, getPlacement, recordFollowUp, type FollowUpWrite, type PlacementCreate } from '../../api/placements.api.ts';

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
    mutationFn: ({ months, etag, body }: { months: number; etag: string; body: FollowUpWrite }) => recordFollowUp(id, months, etag, body),
    onSuccess: (p) => client.setQueryData(PLACEMENT_KEYS.one(id), p),
    // 412: someone else recorded follow-up first; load the current version (the form says so).
    onError: () => void client.invalidateQueries({ queryKey: PLACEMENT_KEYS.one(id) }),
  });
}
