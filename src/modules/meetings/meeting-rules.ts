import { CLOCK_LEEWAY_MS, plannedMeetingProblems } from '../../domain/date-rules.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';

// Pure rules for meetings (gesprekken): which types, modes and statuses exist, when a schedule is valid, what a
// reschedule means for the calendar, and what a report does. No I/O; messages say how to fix the input.

// youthIntake: Team Jongeren's individual intake after a warm handover, the accompanying professional invited (issue 13).
export const MEETING_TYPES = ['intake', 'threeWay', 'followUp', 'homeVisit', 'youthIntake'] as const;
export const MEETING_MODES = ['inPerson', 'video', 'phone'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'noShow', 'cancelled'] as const;
export const PARTICIPANT_KINDS = ['resident', 'staff', 'partnerProfessional'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export type MeetingMode = (typeof MEETING_MODES)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  intake: 'Intakegesprek',
  threeWay: '3-gesprek',
  followUp: 'Vervolggesprek',
  homeVisit: 'Huisbezoek',
  youthIntake: 'Intake jongere',
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Gepland',
  held: 'Gehouden',
  noShow: 'Niet verschenen',
  cancelled: 'Geannuleerd',
};

/** The calendar title: the kind of meeting and the product, no personal data (invitations travel by e-mail). */
export function calendarSummary(type: MeetingType): string {
  return `${MEETING_TYPE_LABELS[type]} Samenplan`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const MAX_AHEAD_DAYS = 366;
export const MAX_DURATION_HOURS = 12;
export { CLOCK_LEEWAY_MS };

/**
 * The shared rules of a planned meeting (src/domain/date-rules.ts, the web form uses the same): not in the past, on a
 * working day within office hours, ending after it starts; plus at most 12 hours long and at most a year ahead.
 * A conversation that already took place is recorded as a contact moment, not planned afterwards.
 */
export function checkTimes(startsAt: Date, endsAt: Date, errors: InvalidParam[], now = new Date()): void {
  const problems = plannedMeetingProblems(startsAt, endsAt, now);
  const tooLong = endsAt.getTime() - startsAt.getTime() > MAX_DURATION_HOURS * HOUR;
  for (const p of problems) {
    if (tooLong && p.name === 'endsAt' && p.code === 'officeHours') continue;
    errors.push(p);
  }
  if (tooLong) {
    errors.push({
      name: 'endsAt',
      code: 'tooLong',
      reason: `Een gesprek duurt hoogstens ${MAX_DURATION_HOURS} uur. Controleer de datum van het einde.`,
    });
  }
  if (startsAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY) {
    errors.push({
      name: 'startsAt',
      code: 'tooFarAhead',
      reason: 'Plan een gesprek hoogstens een jaar vooruit.',
    });
  }
}

/** Where the meeting takes place: a place for a meeting in person, an https link for video. */
export function checkPlace(
  input: { type: MeetingType; mode: MeetingMode; location: string | null; videoUrl: string | null },
  errors: InvalidParam[],
): void {
  if (input.mode === 'inPerson' && !input.location && input.type !== 'homeVisit') {
    errors.push({
      name: 'location',
      code: 'required',
      reason: 'Vul in waar het gesprek is, bijvoorbeeld “Werkwinkel Overvecht, spreekkamer 2”.',
    });
  }
  if (input.mode === 'video' && !input.videoUrl) {
    errors.push({
      name: 'videoUrl',
      code: 'required',
      reason: 'Vul de link naar het videogesprek in (begint met https://).',
    });
  }
  if (input.videoUrl && !/^https:\/\/[^\s]+$/.test(input.videoUrl)) {
    errors.push({
      name: 'videoUrl',
      code: 'format',
      reason: 'Een videolink begint met https:// en bevat geen spaties.',
    });
  }
  if (input.type === 'homeVisit' && input.mode !== 'inPerson') {
    errors.push({
      name: 'mode',
      code: 'homeVisit',
      reason: 'Een huisbezoek is altijd bij de inwoner thuis: kies “op locatie”.',
    });
  }
}

/** A participant as the rules see him: his kind, and for a buurtteam professional whether the resident consented. */
export interface ParticipantFacts {
  kind: ParticipantKind;
  consent: boolean;
}

/**
 * Who takes part. A buurtteam professional only with an active consent of the resident for his organisation (he
 * would otherwise learn about a resident he may not know). A 3-gesprek is the resident, a werkmatcher AND a
 * buurtteam professional: complete only with all three.
 */
export function checkParticipants(
  type: MeetingType,
  participants: ParticipantFacts[],
  errors: InvalidParam[],
): void {
  participants.forEach((p, i) => {
    if (p.kind === 'partnerProfessional' && !p.consent) {
      errors.push({
        name: `participants.${i}.staffUserId`,
        code: 'noConsent',
        reason:
          'De inwoner heeft het buurtteam van deze professional geen toestemming gegeven om mee te kijken. Leg eerst de toestemming vast.',
      });
    }
  });
  if (type !== 'threeWay') return;
  if (!participants.some((p) => p.kind === 'resident')) {
    errors.push({
      name: 'participants',
      code: 'noResident',
      reason: 'Bij een 3-gesprek is de inwoner er altijd bij.',
    });
  }
  if (!participants.some((p) => p.kind === 'staff')) {
    errors.push({
      name: 'participants',
      code: 'noJobCoach',
      reason: 'Bij een 3-gesprek is een werkmatcher van de gemeente er altijd bij.',
    });
  }
  if (!participants.some((p) => p.kind === 'partnerProfessional')) {
    errors.push({
      name: 'participants',
      code: 'noPartnerProfessional',
      reason:
        'Nodig voor een 3-gesprek een professional van het buurtteam uit. Het buurtteam moet toestemming van de inwoner hebben.',
    });
  }
}

export interface ScheduleInput {
  type: MeetingType;
  mode: MeetingMode;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  participants: ParticipantFacts[];
}

/** All rules of a schedule at once (the form gets every message in one answer). */
export function checkSchedule(input: ScheduleInput, now = new Date()): InvalidParam[] {
  const errors: InvalidParam[] = [];
  checkTimes(input.startsAt, input.endsAt, errors, now);
  checkPlace(input, errors);
  checkParticipants(input.type, input.participants, errors);
  return errors;
}

export interface CalendarFacts {
  startsAt: Date;
  endsAt: Date;
  mode: MeetingMode;
  location: string | null;
  videoUrl: string | null;
  status: MeetingStatus;
}

/**
 * RFC 5546: the organiser increments SEQUENCE when a change matters to the attendees' calendars: the time, the
 * place, or a cancellation. A new agenda alone does not ask anyone to look at their calendar again.
 */
export function calendarChanged(before: CalendarFacts, after: CalendarFacts): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.mode !== after.mode ||
    before.location !== after.location ||
    before.videoUrl !== after.videoUrl ||
    (before.status !== 'cancelled' && after.status === 'cancelled')
  );
}

/** Only a planned meeting can be rescheduled, cancelled or reported. */
export function isOpen(status: MeetingStatus): boolean {
  return status === 'planned';
}

/** The resident did not come: the meeting did not take place (no contact moment, no agreements). */
export function statusAfterReport(residentAttended: boolean): 'held' | 'noShow' {
  return residentAttended ? 'held' : 'noShow';
}

/** The channel of the contact moment a held meeting leaves (the residents module's channels). */
export function contactChannelOf(
  type: MeetingType,
  mode: MeetingMode,
): 'inPerson' | 'phone' | 'video' | 'homeVisit' {
  if (type === 'homeVisit') return 'homeVisit';
  return mode;
}

/** The default place of a home visit; the address itself stays out of invitations. */
export const HOME_VISIT_LOCATION = 'Bij de inwoner thuis';
