import { maskBsn } from '../../domain/bsn.ts';
import { ageBand, daysSince, monthsBetween, todayInNl, yearsBetween } from '../../domain/dates.ts';
import { formatPostcode } from '../../domain/postcode.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { residentPermissions, residentView } from './residents.policy.ts';
import type { ResidentDetailRow, ResidentSummaryRow } from './residents.store.ts';

// Presenters decide what leaves the building. The shared view (buurtteam, through consent) carries only
// name, area, contact person and contact details: no BSN, benefit, household, education or contact history.

export function displayName(r: { given_names: string; family_name_prefix: string | null; family_name: string }): string {
  return [r.given_names, r.family_name_prefix, r.family_name].filter(Boolean).join(' ');
}

function contactFacts(lastContactAt: Date | null, normDays: number, now: Date) {
  const days = lastContactAt ? daysSince(lastContactAt, now) : null;
  return { daysSinceContact: days, overContactNorm: days === null || days > normDays };
}

function isNewRow(r: { opened_on: string | null; contact_person_since: Date | null }, today: string, now: Date): boolean {
  const openedRecently = r.opened_on !== null && daysBetweenIso(r.opened_on, today) <= 30;
  const assignedRecently = r.contact_person_since !== null && daysSince(r.contact_person_since, now) <= 30;
  return openedRecently || assignedRecently;
}

function daysBetweenIso(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function presentSummary(p: Principal, r: ResidentSummaryRow, now = new Date()) {
  const view = residentView(p, r.area_id);
  const base = {
    id: r.id,
    name: displayName(r),
    area: { id: r.area_id, name: r.area_name },
    contactPerson: r.contact_person_id ? { id: r.contact_person_id, displayName: r.contact_person_name ?? '' } : null,
  };
  if (view === 'shared') return base;
  const today = todayInNl(now);
  const age = yearsBetween(r.date_of_birth, today);
  return {
    ...base,
    bsnMasked: maskBsn(r.bsn),
    dateOfBirth: r.date_of_birth,
    ageBand: ageBand(age),
    benefitStartDate: r.benefit_start ?? null,
    monthsOnBenefit: r.benefit_start ? monthsBetween(r.benefit_start, today) : null,
    caseStatus: r.case_status ?? 'closed',
    lastContactAt: r.last_contact_at ? r.last_contact_at.toISOString() : null,
    ...contactFacts(r.last_contact_at, p.contactNormDays, now),
    isNew: isNewRow(r, today, now),
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
          ...contactFacts(r.last_contact_at, p.contactNormDays, now),
        }
      : null,
  };
}
