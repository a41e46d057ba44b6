import { fitsSchoolHours, type TimeWindow } from '../../domain/schedule.ts';
import type { VacancyRow, VacancySummaryRow } from './vacancies.store.ts';

// What leaves the building about a vacancy (no personal data). presentVacancySummary is shared with other modules.

export function presentVacancySummary(v: VacancySummaryRow) {
  return {
    id: v.id,
    title: v.title,
    employer: { id: v.employer_id, name: v.employer_name },
    occupation: { code: v.esco_code, label: v.occupation_label, iscoGroup: v.isco_group },
    hoursPerWeek: Number(v.hours_per_week),
    fitsSchoolHours: fitsSchoolHours(v.schedule as TimeWindow[]),
    postcode: v.postcode,
    city: v.city,
    contractType: v.contract_type,
    status: v.status,
    closingDate: v.closing_date,
  };
}

export function presentVacancy(v: VacancyRow) {
  return {
    ...presentVacancySummary(v),
    description: v.description,
    requiredSkills: v.required_skills,
    niceToHaveSkills: v.nice_to_have_skills,
    schedule: v.schedule as TimeWindow[],
    instruments: v.instruments as Array<'wageCostSubsidy' | 'trialPlacement' | 'jobCoaching' | 'noRiskPolicy'>,
    drivingLicenceRequired: v.driving_licence_required,
    jobCarvingNotes: v.job_carving_notes,
    locationId: v.location_id,
    version: v.version,
  };
}
