import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addAgreement, addContact, addLocation, createEmployer, getEmployer, listEmployers } from '../../api/employers.api.ts';
import type { AgreementCreate, ContactCreate, EmployerCreate, LocationCreate } from '../../api/models.ts';

/** Employers per page of the list. */
export const EMPLOYER_PAGE_SIZE = 50;

export const EMPLOYER_KEYS = {
  all: ['employers'] as const,
  list: (q: string, cursor: string) => ['employers', 'list', q, cursor] as const,
  one: (id: string) => ['employers', 'one', id] as const,
};

export function useEmployerList(q: string, cursor: string) {
  return useQuery({
    queryKey: EMPLOYER_KEYS.list(q, cursor),
    queryFn: ({ signal }) => listEmployers({ q: q || undefined, cursor: cursor || undefined, limit: EMPLOYER_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useEmployer(id: string, enabled = true) {
  return useQuery({ queryKey: EMPLOYER_KEYS.one(id), queryFn: () => getEmployer(id), enabled: enabled && Boolean(id), staleTime: 15_000 });
}

export function useCreateEmployer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EmployerCreate) => createEmployer(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: EMPLOYER_KEYS.all }),
  });
}

function useEmployerWrite<B, R>(employerId: string, fn: (id: string, body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => fn(employerId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: EMPLOYER_KEYS.all }),
  });
}

export const useAddLocation = (id: string) => useEmployerWrite<LocationCreate, unknown>(id, addLocation);
export const useAddContact = (id: string) => useEmployerWrite<ContactCreate, unknown>(id, addContact);
export const useAddAgreement = (id: string) => useEmployerWrite<AgreementCreate, unknown>(id, addAgreement);
