import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createMeeting,
  listMeetings,
  recordMeetingReport,
  updateMeeting,
} from '../../../api/meetings.api.ts';
import type { Meeting, MeetingCreate, MeetingReportCreate, MeetingUpdate } from '../../../api/models.ts';
import { listStaff, listTeams } from '../../../api/organisation.api.ts';
import { worklistKey } from '../../worklist/useWorklist.ts';
import { residentKey } from '../useResident.ts';

export const meetingsKey = (id: string) => [...residentKey(id), 'meetings'] as const;

export function useMeetings(residentId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingsKey(residentId),
    queryFn: () => listMeetings(residentId),
    enabled,
    retry: false,
  });
}

/** Colleagues to invite: werkmatchers and buurtteam professionals (the staff list is for the area team only). */
export function useStaffOptions(enabled: boolean) {
  const jobCoaches = useQuery({
    queryKey: ['staff', 'jobCoach'],
    queryFn: () => listStaff('jobCoach'),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const partners = useQuery({
    queryKey: ['staff', 'partnerProfessional'],
    queryFn: () => listStaff('partnerProfessional'),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const teams = useQuery({
    queryKey: ['teams'],
    queryFn: listTeams,
    enabled,
    staleTime: 10 * 60_000,
    retry: false,
  });
  return { jobCoaches, partners, teams };
}

/** After a change: the meetings, the plan and last contact of the resident, and the worklist. */
function useInvalidate(residentId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: residentKey(residentId) });
    await queryClient.invalidateQueries({ queryKey: worklistKey });
    await queryClient.invalidateQueries({ queryKey: ['residents'] });
  };
}

export function useCreateMeeting(residentId: string) {
  const invalidate = useInvalidate(residentId);
  return useMutation({
    mutationFn: (body: MeetingCreate) => createMeeting(residentId, body),
    onSuccess: invalidate,
  });
}

export function useUpdateMeeting(residentId: string) {
  const invalidate = useInvalidate(residentId);
  return useMutation({
    mutationFn: ({ meeting, body }: { meeting: Meeting; body: MeetingUpdate }) =>
      updateMeeting(meeting, body),
    onSuccess: invalidate,
    // 412: someone else changed it; load the current version so the user can try again on top of it.
    onError: invalidate,
  });
}

export function useRecordReport(residentId: string) {
  const invalidate = useInvalidate(residentId);
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: MeetingReportCreate }) =>
      recordMeetingReport(meetingId, body),
    onSuccess: invalidate,
  });
}
