import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VacancyCreate, VacancyQuery, VacancyUpdate } from '../../api/models.ts';
import { createVacancy, getVacancy, listVacancies, updateVacancy } from '../../api/vacancies.api.ts';

export const VACANCY_KEYS = {
  all: ['vacancies'] as const,
  list: (q: VacancyQuery) => ['vacancies', 'list', q] as const,
  one: (id: string) => ['vacancies', 'one', id] as const,
};

export function useVacancyList(query: VacancyQuery) {
  return useQuery({
    queryKey: VACANCY_KEYS.list(query),
    queryFn: ({ signal }) => listVacancies(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useVacancy(id: string) {
  return useQuery({ queryKey: VACANCY_KEYS.one(id), queryFn: () => getVacancy(id), enabled: Boolean(id), staleTime: 0 });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: VACANCY_KEYS.all });
    void client.invalidateQueries({ queryKey: ['employers'] });
  };
}

export function useCreateVacancy() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: VacancyCreate) => createVacancy(body), onSuccess: invalidate });
}

export function useUpdateVacancy(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: VacancyUpdate }) => updateVacancy(id, etag, body),
    onSuccess: invalidate,
  });
}
