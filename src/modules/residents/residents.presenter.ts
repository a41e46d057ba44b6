import { maskBsn } from '../../domain/bsn.ts';
import { ageBand, daysSince, monthsBetween, todayInNl, yearsBetween } from '../../domain/dates.ts';
import { contactNorm } from '../../domain/contact-norm.ts';
import { formatPostcode } from '../../domain/postcode.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { residentPermissions, residentView } from './residents.policy.ts';
import type { PlanState, ResidentDetailRow, ResidentSummaryRow } from './residents.store.ts';

// Presenters decide what leaves the building. The shared view (buurtteam, through consent) carries only
// name, area, contact person and contact details: no BSN, benefit, household, education or contact history.

export function displayName(r: { given_names: string; family_name_prefix: string | null; family_name: string }): string {
  return [r.given_names, r.family_name_prefix, r.family_name].filter(Boolean).join(' ');
}

/** The contact guarantee as the werklijst counts it (src/domain/contact-norm.ts). */
function contactFacts(r: { last_contact_at: Date | null; opened_on: string | null }, normDays: number, now: Date) {
  const f = contactNorm({ lastContactAt: r.last_contact_at, openedOn: r.opened_on }, normDays, now);
  return { daysSinceContact: f.daysSinceContact, overContactNorm: f.over, daysOverContactNorm: f.over ? f.daysOver : null, firstContactDue: f.firstContactDue };
}

const NEW_CASE_DAYS = 30;

/**
 * One row of a list (Mijn caseload, the team view, a search): every row of a page goes through here, so it builds
 * one object of a fixed shape and asks the contact norm once (the profile of Mijn caseload showed this function as
 * the largest of our own frames).
 */
export function presentSummary(p: Principal, r: ResidentSummaryRow, now = new Date()) {
  const view = residentView(p, r.area_id);
  const id = r.id;
  const name = displayName(r);
  const area = { id: r.area_id, name: r.area_name };
  const contactPerson = r.contact_person_id ? { id: r.contact_person_id, displayName: r.contact_person_name ?? '' } : null;
  if (view === 'shared') return { id, name, area, contactPerson };
  const today = todayInNl(now);
  const f = contactNorm({ lastContactAt: r.last_contact_at, openedOn: r.opened_on }, p.contactNormDays, now);
  // The caseload's plan status and next meeting, where the row carries them (the list query does).
  const listed = r as { plan_state?: PlanState | null; next_meeting_at?: Date | null };
  const hasListColumns = 'plan_state' in listed;
  return {
    id,
    name,
    area,
    contactPerson,
    bsnMasked: maskBsn(r.bsn),
    dateOfBirth: r.date_of_birth,
    ageBand: ageBand(yearsBetween(r.date_of_birth, today)),
    benefitStartDate: r.benefit_start ?? null,
    monthsOnBenefit: r.benefit_start ? monthsBetween(r.benefit_start, today) : null,
    caseStatus: r.case_status ?? 'closed',
    lastContactAt: r.last_contact_at ? r.last_contact_at.toISOString() : null,
    daysSinceContact: f.daysSinceContact,
    overContactNorm: f.over,
    daysOverContactNorm: f.over ? f.daysOver : null,
    firstContactDue: f.firstContactDue,
    planState: hasListColumns ? (listed.plan_state ?? ('none' as const)) : undefined,
    nextMeetingAt: hasListColumns ? (listed.next_meeting_at ? listed.next_meeting_at.toISOString() : null) : undefined,
    // A new file: opened at most NEW_CASE_DAYS ago (not: a long-known resident who was handed over recently).
    isNew: f.daysSinceOpened !== null && f.daysSinceOpened <= NEW_CASE_DAYS,
    newInCaseload: r.contact_person_since !== null && daysSince(r.contact_person_since, now) <= NEW_CASE_DAYS,
  };
}

export function presentResident(p: Principal, r: ResidentDetailRow, now = new Date()) {
  const view = residentView(p, r.area_id);
  const base = {
    id: r.id,
    name: displayName(r),
    givenNames: r.given_names,
    familyNamePrefix: r.family_name_prefix,
    familyName: r.family_name,
    area: { id: r.area_id, name: r.area_name },
    contactPerson: r.contact_person_id
      ? { id: r.contact_person_id, displayName: r.contact_person_name ?? '', since: r.contact_person_since?.toISOString() ?? null }
      : null,
    phone: r.phone,
    email: r.email,
    isFictitious: r.is_fictitious,
    version: r.version,
    view,
    permissions: residentPermissions(p, view),
  };
  if (view === 'shared') return base;
  const today = todayInNl(now);
  return {
    ...base,
    address: { street: r.street, houseNumber: r.house_number, postcode: formatPostcode(r.postcode), city: r.city },
    bsnMasked: maskBsn(r.bsn),
    dateOfBirth: r.date_of_birth,
    age: yearsBetween(r.date_of_birth, today),
    householdType: r.household_type as 'single',
    educationLevel: r.education_level as 'none',
    benefit: r.benefit_start
      ? { startDate: r.benefit_start, endDate: r.benefit_end ?? null, monthsOnBenefit: monthsBetween(r.benefit_start, today) }
      : null,
    case: r.case_id
      ? {
          id: r.case_id,
          status: (r.case_status ?? 'active') as 'active' | 'closed',
          openedOn: r.opened_on!,
          lastContactAt: r.last_contact_at ? r.last_contact_at.toISOString() : null,
          ...contactFacts(r, p.contactNormDays, now),
        }
      : null,
  };
}
