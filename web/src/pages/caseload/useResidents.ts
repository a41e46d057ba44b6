import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResidentListQuery } from '../../api/models.ts';
import { listResidents } from '../../api/residents.api.ts';

/** One page of the caseload. The previous page stays on screen while the next one loads (no flicker while typing). */
export function useResidents(query: ResidentListQuery) {
  return useQuery({
    queryKey: ['residents', query],
    queryFn: ({ signal }) => listResidents(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}
