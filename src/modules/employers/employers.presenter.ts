import { fitsSchoolHours, type TimeWindow } from '../../domain/schedule.ts';
import { realisedPlacements } from './agreements.rules.ts';
import type { AgreementRow, ContactRow, EmployerRow, EmployerVacancyRow, LocationRow } from './employers.store.ts';

// What leaves the building about employers. Business contacts only for the employer advisor (the service decides).

export function presentAgreement(a: AgreementRow) {
  const periodStart = a.period_start;
  const periodEnd = a.period_end;
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    targetGroup: a.target_group,
    pledgedPlacements: a.pledged_placements,
    realisedPlacements: realisedPlacements(a.placement_starts, { periodStart, periodEnd }),
    periodStart,
    periodEnd,
    signedOn: a.signed_on,
    notes: a.notes,
  };
}

export function presentAgreementSummary(a: AgreementRow) {
  const { id, kind, title, pledgedPlacements, realisedPlacements: realised, periodStart, periodEnd } = presentAgreement(a);
  return { id, kind, title, pledgedPlacements, realisedPlacements: realised, periodStart, periodEnd };
}

export function presentLocation(l: LocationRow) {
  return { id: l.id, name: l.name, street: l.street, houseNumber: l.house_number, postcode: l.postcode, city: l.city };
}

export function presentContact(c: ContactRow) {
  return { id: c.id, name: c.name, jobTitle: c.job_title, email: c.email, phone: c.phone };
}

export function presentEmployerVacancy(v: EmployerVacancyRow) {
  return {
    id: v.id,
    title: v.title,
    status: v.status,
    hoursPerWeek: Number(v.hours_per_week),
    closingDate: v.closing_date,
    fitsSchoolHours: fitsSchoolHours(v.schedule as TimeWindow[]),
  };
}

export function presentEmployer(
  e: EmployerRow,
  parts: { locations: LocationRow[]; contacts: ContactRow[]; agreements: AgreementRow[]; vacancies: EmployerVacancyRow[] },
) {
  return {
    id: e.id,
    name: e.name,
    sector: e.sector,
    kvkNumber: e.kvk_number,
    website: e.website,
    notes: e.notes,
    version: e.version,
    locations: parts.locations.map(presentLocation),
    contacts: parts.contacts.map(presentContact),
    agreements: parts.agreements.map(presentAgreement),
    vacancies: parts.vacancies.map(presentEmployerVacancy),
  };
}
