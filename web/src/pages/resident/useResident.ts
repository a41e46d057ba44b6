import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentCreate, ContactMomentCreate, ContactPersonChange } from '../../api/models.ts';
import { listPartnerOrganisations, listStaff } from '../../api/organisation.api.ts';
import {
  changeContactPerson,
  getResident,
  grantConsent,
  listConsents,
  listContactMoments,
  listContactPersonHistory,
  listProcessingLog,
  recordContactMoment,
  withdrawConsent,
} from '../../api/residents.api.ts';

export const residentKey = (id: string) => ['resident', id] as const;

export function useResident(id: string) {
  return useQuery({ queryKey: residentKey(id), queryFn: () => getResident(id), retry: false });
}

/** Sub-resources load only when the page may show them. */
export function useContactMoments(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...residentKey(id), 'contact-moments'], queryFn: () => listContactMoments(id), enabled, retry: false });
}

export function useContactPersonHistory(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...residentKey(id), 'contact-person-history'], queryFn: () => listContactPersonHistory(id), enabled, retry: false });
}

export function useConsents(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...residentKey(id), 'consents'], queryFn: () => listConsents(id), enabled, retry: false });
}

export function useProcessingLog(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...residentKey(id), 'processing-log'], queryFn: () => listProcessingLog(id), enabled, retry: false });
}

export function useJobCoaches(enabled: boolean) {
  return useQuery({ queryKey: ['staff', 'jobCoach'], queryFn: () => listStaff('jobCoach'), enabled, staleTime: 5 * 60_000 });
}

export function usePartnerOrganisations(enabled: boolean) {
  return useQuery({ queryKey: ['partner-organisations'], queryFn: listPartnerOrganisations, enabled, staleTime: 10 * 60_000 });
}

/** After a change, reload the resident (last contact, contact person, version) and the changed list. */
function useInvalidateResident(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: residentKey(id) });
    await queryClient.invalidateQueries({ queryKey: ['residents'] });
  };
}

export function useRecordContact(id: string) {
  const invalidate = useInvalidateResident(id);
  return useMutation({ mutationFn: (body: ContactMomentCreate) => recordContactMoment(id, body), onSuccess: invalidate });
}

export function useChangeContactPerson(id: string) {
  const invalidate = useInvalidateResident(id);
  return useMutation({ mutationFn: (body: ContactPersonChange) => changeContactPerson(id, body), onSuccess: invalidate });
}

export function useGrantConsent(id: string) {
  const invalidate = useInvalidateResident(id);
  return useMutation({ mutationFn: (body: ConsentCreate) => grantConsent(id, body), onSuccess: invalidate });
}

export function useWithdrawConsent(id: string) {
  const invalidate = useInvalidateResident(id);
  return useMutation({ mutationFn: (consentId: string) => withdrawConsent(id, consentId), onSuccess: invalidate });
}
