import { useQuery } from '@tanstack/react-query';
import { listAreas } from '../../api/organisation.api.ts';

export function useAreas(enabled = true) {
  return useQuery({ queryKey: ['areas'], queryFn: listAreas, staleTime: 10 * 60_000, enabled });
}
