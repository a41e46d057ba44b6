import { formatDay, instantOn } from './dates.ts';
import { seedUuid } from './ids.ts';
import type { AreaModel, CoachModel, TeamModel } from './model.ts';
import type { Rng } from './random.ts';
import type { ResidentRows } from './rows.ts';
import type { SeedStats } from './stats.ts';
import {
  CHANNEL_WEIGHTS,
  CONSENT_PURPOSES,
  CONTACT_SUMMARIES,
  fillSalutation,
  HANDOVER_NOTES,
  INTAKE_SUMMARY,
  YOUTH_HANDOVER_NOTES,
} from './texts.nl.ts';

export interface HistoryInput {
  municipalityId: string;
  residentId: string;
  female: boolean;
  startDay: number;
  today: number;
  historyDays: number;
  contactNormDays: number;
  area: AreaModel;
  team: TeamModel;
  coach: CoachModel;
  /** Another werkmatcher of the team, for an earlier assignment; null when there is none. */
  previousCoach: CoachModel | null;
  /** Fixed facts for a resident of the demo story (see story.ts). */
  story?: HistoryStory;
}

export interface HistoryStory {
  /** A warm handover this many days ago (from previousCoach, with a note). */
  handoverDaysAgo?: number;
  /** The latest contact this many days ago (with a few earlier moments). */
  lastContactDaysAgo?: number;
  /** An active consent for the area's partner organisation. */
  activeConsent?: boolean;
}

/** What casework generation needs to know about the history just generated. */
export interface HistoryFacts {
  caseIndex: number;
  /** Contact moments, oldest first. */
  moments: { day: number; at: Date; staffId: string; channel: string }[];
  /** Day of the handover to the current werkmatcher, or null. */
  handoverDay: number | null;
  previousCoachId: string | null;
  currentSince: Date;
  /** From this day the resident has an active consent for the area's partner organisation; null: none today. */
  consentFromDay: number | null;
}

/** An office-hours instant: 08:00–16:00 Dutch time is roughly 07:00–15:00 UTC. */
/** Monday–Friday: the day itself, else the Friday before (or the Monday after, when that is before the benefit). */
export function workingDayNear(day: number, notBefore: number, before: number): number {
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1 = Monday … 7 = Sunday
  if (weekday <= 5) return day;
  const friday = day - (weekday - 5);
  if (friday >= notBefore) return friday;
  const monday = day + (8 - weekday);
  return monday < before ? monday : day;
}

function officeInstant(rng: Rng, day: number): Date {
  return instantOn(day, 7 * 60 + rng.int(0, 32) * 15);
}

type Recency = 'recent' | 'mid' | 'old' | 'none';

/** Days ago of the latest contact, or null for none; the share over the contact norm is deliberately large. */
function latestContact(
  rng: Rng,
  daysOnBenefit: number,
  windowDays: number,
): { daysAgo: number | null; recency: Recency } {
  if (windowDays < 1) return { daysAgo: null, recency: 'none' };
  if (daysOnBenefit <= 60) {
    return rng.chance(0.55)
      ? { daysAgo: rng.int(1, windowDays), recency: 'recent' }
      : { daysAgo: null, recency: 'none' };
  }
  let recency = rng.weighted<Recency>([
    ['recent', 55],
    ['mid', 25],
    ['old', 10],
    ['none', 10],
  ]);
  if (recency === 'old' && windowDays < 366) recency = 'mid';
  if (recency === 'mid' && windowDays < 91) recency = 'recent';
  switch (recency) {
    case 'recent':
      return { daysAgo: rng.int(1, Math.min(90, windowDays)), recency };
    case 'mid':
      return { daysAgo: rng.int(91, Math.min(365, windowDays)), recency };
    case 'old':
      return { daysAgo: rng.int(366, windowDays), recency };
    default:
      return { daysAgo: null, recency };
  }
}

const MOMENT_COUNTS: Readonly<Record<Recency, readonly (readonly [number, number])[]>> = {
  recent: [
    [1, 15],
    [2, 25],
    [3, 25],
    [4, 17],
    [5, 10],
    [6, 8],
  ],
  mid: [
    [1, 40],
    [2, 35],
    [3, 25],
  ],
  old: [
    [1, 60],
    [2, 40],
  ],
  none: [[0, 1]],
};

/** Case, contact-person history, contact moments and consents of one resident. */
export function generateHistory(
  rng: Rng,
  h: HistoryInput,
  out: ResidentRows,
  stats: SeedStats,
): HistoryFacts {
  const m = h.municipalityId;
  const caseId = seedUuid('case', h.residentId);
  const daysOnBenefit = h.today - h.startDay;
  const startAt = officeInstant(rng, h.startDay);

  // Contact-person history: long-running cases have often changed hands, with a warm handover note.
  const pHandover = daysOnBenefit > 1095 ? 0.6 : daysOnBenefit > 365 ? 0.35 : daysOnBenefit > 120 ? 0.15 : 0;
  let handoverDay: number | null = null;
  let currentSince = startAt;
  let currentNote: string | null = null;
  const forcedHandover = h.story?.handoverDaysAgo;
  if (h.previousCoach && (forcedHandover !== undefined || rng.chance(pHandover))) {
    handoverDay =
      h.today -
      (forcedHandover ?? rng.int(14, Math.min(daysOnBenefit - 30, 1095)));
    currentSince = officeInstant(rng, handoverDay);
    currentNote = fillSalutation(rng.pick(HANDOVER_NOTES), h.female);
    if (forcedHandover !== undefined) currentNote = fillSalutation(HANDOVER_NOTES[0] ?? currentNote, h.female);
    out.assignments.push({
      municipality_id: m,
      id: seedUuid('assignment', h.residentId, 1),
      case_id: caseId,
      resident_id: h.residentId,
      staff_user_id: h.previousCoach.id,
      assigned_at: startAt,
      ended_at: currentSince,
      handover_note: null,
      assigned_by: h.team.leadId,
    });
    stats.handovers += 1;
  } else if (h.team.kind === 'youth' && rng.chance(0.5)) {
    currentNote = fillSalutation(rng.pick(YOUTH_HANDOVER_NOTES), h.female);
  }
  out.assignments.push({
    municipality_id: m,
    id: seedUuid('assignment', h.residentId, 0),
    case_id: caseId,
    resident_id: h.residentId,
    staff_user_id: h.coach.id,
    assigned_at: currentSince,
    ended_at: null,
    handover_note: currentNote,
    assigned_by: h.team.leadId,
  });

  // Contact moments within the history window (never before the benefit started, never today or later).
  const windowDays = Math.min(daysOnBenefit, h.historyDays);
  const forcedLatest = h.story?.lastContactDaysAgo;
  const { daysAgo: latest, recency } =
    forcedLatest !== undefined && forcedLatest < windowDays
      ? { daysAgo: forcedLatest, recency: (forcedLatest <= 90 ? 'recent' : 'mid') as Recency }
      : latestContact(rng, daysOnBenefit, windowDays);
  const count = latest === null ? 0 : rng.weighted(MOMENT_COUNTS[recency]);
  const daysAgo: number[] = latest === null ? [] : [latest];
  for (let j = 1; j < count && latest !== null && latest < windowDays; j += 1)
    daysAgo.push(rng.int(latest + 1, windowDays));
  daysAgo.sort((a, b) => b - a);
  let lastContactAt: Date | null = null;
  const facts: HistoryFacts = {
    caseIndex: out.cases.length,
    moments: [],
    handoverDay,
    previousCoachId: handoverDay !== null && h.previousCoach ? h.previousCoach.id : null,
    currentSince,
    consentFromDay: null,
  };
  // Contact happens on working days (a held meeting is one of these moments: never on a Saturday or Sunday); two
  // moments moved to the same Friday are one.
  const days = [...new Set(daysAgo.map((ago) => workingDayNear(h.today - ago, h.startDay, h.today)))].sort((a, b) => a - b);
  for (const [j, day] of days.entries()) {
    const occurredAt = officeInstant(rng, day);
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const isIntake = j === 0 && day - h.startDay <= 30;
    out.moments.push({
      municipality_id: m,
      id: seedUuid('contact', h.residentId, j),
      resident_id: h.residentId,
      staff_user_id:
        handoverDay !== null && day < handoverDay && h.previousCoach ? h.previousCoach.id : h.coach.id,
      occurred_at: occurredAt,
      channel: isIntake ? 'inPerson' : channel,
      summary: isIntake ? INTAKE_SUMMARY : rng.pick(CONTACT_SUMMARIES[channel]),
      created_at: occurredAt,
    });
    lastContactAt = occurredAt;
    const moment = out.moments[out.moments.length - 1];
    if (moment) facts.moments.push({ day, at: occurredAt, staffId: moment.staff_user_id, channel: moment.channel });
  }
  stats.contactMoments += days.length;
  if (latest === null) stats.neverContacted += 1;
  else if (latest > h.contactNormDays) stats.lastContactOverNorm += 1;
  if (latest !== null && latest > 365) stats.lastContactOver12Months += 1;

  out.cases.push({
    municipality_id: m,
    id: caseId,
    resident_id: h.residentId,
    status: 'active',
    opened_on: formatDay(h.startDay),
    closed_on: null,
    contact_person_id: h.coach.id,
    contact_person_since: currentSince,
    last_contact_at: lastContactAt,
    outflow: null,
    outflow_on: null,
  });

  facts.consentFromDay = generateConsent(rng, h, out, stats);
  return facts;
}

/** Adds the resident's consent (if any); returns the first day of a consent active today, else null. */
function generateConsent(rng: Rng, h: HistoryInput, out: ResidentRows, stats: SeedStats): number | null {
  const partnerId = h.area.partnerOrganisationId;
  const daysOnBenefit = h.today - h.startDay;
  if (!partnerId || daysOnBenefit < 2) return null;
  const earliest = Math.max(h.startDay, h.today - 730);
  const base = {
    municipality_id: h.municipalityId,
    id: seedUuid('consent', h.residentId),
    resident_id: h.residentId,
    partner_organisation_id: partnerId,
    purpose: rng.pick(CONSENT_PURPOSES),
    recorded_by: h.coach.id,
  };
  const activeShare = h.coach.persona ? 0.25 : h.area.consentShare;
  const roll = rng.float();
  if (roll < activeShare || h.story?.activeConsent) {
    // A story resident's consent dates from (about) the start, so every meeting of the story may include the buurtteam.
    const from = h.story?.activeConsent ? earliest : rng.int(earliest, h.today - 1);
    out.consents.push({
      ...base,
      valid_from: formatDay(from),
      // Some end within the month, so the buurtteam's werklijst has consents to renew (issue 10, point 8).
      valid_to: rng.chance(0.6) ? null : formatDay(h.today + rng.int(5, 365)),
      withdrawn_at: null,
      recorded_at: officeInstant(rng, from),
    });
    stats.consentsActive += 1;
    return from;
  } else if (roll < activeShare + 0.02 && h.today - earliest >= 10) {
    const from = rng.int(earliest, h.today - 8);
    out.consents.push({
      ...base,
      valid_from: formatDay(from),
      valid_to: null,
      withdrawn_at: officeInstant(rng, rng.int(from + 1, h.today - 1)),
      recorded_at: officeInstant(rng, from),
    });
    stats.consentsWithdrawn += 1;
  } else if (roll < activeShare + 0.04 && h.today - earliest >= 30) {
    const from = rng.int(earliest, h.today - 30);
    out.consents.push({
      ...base,
      valid_from: formatDay(from),
      valid_to: formatDay(rng.int(from + 7, h.today - 1)),
      withdrawn_at: null,
      recorded_at: officeInstant(rng, from),
    });
    stats.consentsExpired += 1;
  }
  return null;
}
