import { fitsSchoolHours, fitsWithin, hoursOf, schoolHours } from '../../domain/schedule.ts';
import { ESCO_ATTRIBUTION } from '../esco/esco.data.ts';
import type { Contribution } from './matcher.score.ts';
import type { VacancySummaryRow } from './matching.store.ts';
import type { ProposalRow } from './proposals.store.ts';
import type { WorkProfileRow } from './work-profiles.store.ts';

// What leaves the building of work profiles, matches and proposals.

export { ESCO_ATTRIBUTION };

type ContractType = 'permanent' | 'temporary' | 'agency';
type VacancyStatus = 'draft' | 'open' | 'filled' | 'closed';

export const STATUS_NL: Record<string, string> = {
  proposed: 'voorgesteld aan de inwoner',
  residentAgreed: 'inwoner akkoord',
  residentDeclined: 'inwoner niet akkoord',
  presented: 'voorgesteld aan de werkgever',
  interviewAgreed: 'gesprek afgesproken',
  revealed: 'naam gedeeld met de werkgever',
  placed: 'geplaatst',
  rejected: 'afgewezen door de werkgever',
  withdrawn: 'ingetrokken',
};

export const VACANCY_STATUS_NL: Record<string, string> = { draft: 'een concept', open: 'open', filled: 'vervuld', closed: 'gesloten' };

/** The contract's Contribution: criterion, kind, points, maxPoints, explanation. */
export function presentContribution(c: Contribution) {
  return { criterion: c.criterion, kind: c.kind, points: c.points, maxPoints: c.maxPoints, explanation: c.explanation };
}

export function presentVacancySummary(v: VacancySummaryRow) {
  return {
    id: v.id,
    title: v.title,
    employer: { id: v.employer_id, name: v.employer_name },
    occupation: { code: v.esco_code, label: v.occupation_label, iscoGroup: v.isco_group },
    hoursPerWeek: Number(v.hours_per_week),
    schedule: v.schedule.map((w) => ({ day: w.day, from: w.from, to: w.to })),
    fitsSchoolHours: fitsSchoolHours(v.schedule),
    postcode: v.postcode,
    city: v.city,
    contractType: v.contract_type as ContractType,
    status: v.status as VacancyStatus,
    closingDate: v.closing_date,
  };
}

export function presentWorkProfile(r: WorkProfileRow) {
  return {
    residentId: r.resident_id,
    desiredOccupations: r.desired_occupations.map((o) => ({ escoCode: o.escoCode, label: o.label, iscoGroup: o.iscoGroup })),
    skills: r.skills,
    experience: r.experience.map((e) => ({ description: e.description, years: e.years })),
    education: r.education,
    hoursMin: Number(r.hours_min),
    hoursMax: Number(r.hours_max),
    availability: r.availability,
    availabilityHours: hoursOf(r.availability),
    fitsSchoolHoursOnly: r.availability.length > 0 && fitsWithin(r.availability, schoolHours()),
    maxTravelKm: r.max_travel_km,
    hasDrivingLicence: r.has_driving_licence,
    preferredContractTypes: r.preferred_contract_types,
    preferredSectors: r.preferred_sectors,
    preferencesNote: r.preferences_note,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: { id: r.updated_by, displayName: r.updated_by_name },
    updatedByResident: r.updated_by_resident,
    escoAttribution: ESCO_ATTRIBUTION,
  };
}

export function presentProposal(p: ProposalRow, vacancy: VacancySummaryRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: p.id,
    residentId: p.resident_id,
    vacancy: presentVacancySummary(vacancy),
    score: Number(p.score),
    explanation: p.explanation.map(presentContribution),
    matcherVersion: p.matcher_version,
    status: p.status as 'proposed',
    note: p.note,
    proposedAt: p.proposed_at.toISOString(),
    proposedBy: { id: p.proposed_by, displayName: p.proposed_by_name },
    residentResponseAt: iso(p.resident_response_at),
    residentResponseHow: p.resident_response_how as 'inPerson' | null,
    presentedAt: iso(p.presented_at),
    interviewCommittedAt: iso(p.interview_committed_at),
    revealedAt: iso(p.revealed_at),
  };
}
