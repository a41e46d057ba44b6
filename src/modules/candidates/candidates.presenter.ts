import { createHmac } from 'node:crypto';
import { fitsSchoolHours, type IsoWeekday, type TimeWindow } from '../../domain/schedule.ts';
import type { AnonymousProfile } from './candidates.schema.ts';
import type { CandidateStatus } from './candidates.rules.ts';
import type { Criterion } from '../matching/matcher.score.ts';

// Turns stored rows into the API's Candidate. Everything is picked field by field (never spread), so a column a
// store happens to select, such as a resident's name or postcode, cannot reach the employer advisor.

/** The work-profile columns an anonymous profile is made of: the work profile only, nothing from `residents`. */
export interface WorkProfileFields {
  desired_occupations: unknown;
  skills: string[] | null;
  experience: unknown;
  education: string | null;
  hours_min: string | number;
  hours_max: string | number;
  availability: unknown;
  has_driving_licence: boolean;
  max_travel_km: number | null;
}

export interface CandidateRow {
  id: string;
  status: CandidateStatus;
  score: string | number;
  explanation: unknown;
  matcher_version: string;
  resident_response_at: Date | null;
  presented_at: Date | null;
  interview_committed_at: Date | null;
  revealed_at: Date | null;
  candidate_code: string | null;
  /** The snapshot stored at presentation (as the employer saw it), or null before. */
  anonymous_profile: unknown;
  vacancy_id: string;
  vacancy_title: string;
  employer_id: string;
  employer_name: string;
  esco_code: string;
  occupation_label: string;
  isco_group: string;
  hours_per_week: string | number;
  schedule: unknown;
  vacancy_postcode: string;
  vacancy_city: string | null;
  contract_type: 'permanent' | 'temporary' | 'agency';
  vacancy_status: 'draft' | 'open' | 'filled' | 'closed';
  closing_date: string | null;
  placement_id: string | null;
}

export interface Identity {
  name: string;
  phone: string | null;
  email: string | null;
  residentId: string;
}

/**
 * A stable, short code per proposal ("K-" + 6 hexadecimal characters): a keyed hash of the proposal id only, so it
 * says nothing about the resident and cannot be traced back without the key.
 */
export function candidateCodeOf(key: string, proposalId: string): string {
  return `K-${createHmac('sha256', key).update(`candidate-code:${proposalId}`).digest('hex').slice(0, 6).toUpperCase()}`;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
};

function windowsOf(v: unknown): TimeWindow[] {
  return arr(v).map((w) => {
    const o = obj(w);
    return { day: num(o.day) as IsoWeekday, from: str(o.from), to: str(o.to) };
  });
}

/** The anonymous profile: built from the work profile alone, field by field. */
export function anonymousProfileOf(wp: WorkProfileFields): AnonymousProfile {
  return {
    desiredOccupations: arr(wp.desired_occupations).map((o) => ({ label: str(obj(o).label) })),
    skills: [...(wp.skills ?? [])],
    experience: arr(wp.experience).map((e) => ({ description: str(obj(e).description), years: num(obj(e).years) })),
    education: wp.education ?? null,
    hoursMin: num(wp.hours_min),
    hoursMax: num(wp.hours_max),
    availability: windowsOf(wp.availability),
    hasDrivingLicence: wp.has_driving_licence,
    maxTravelKm: wp.max_travel_km ?? null,
  };
}

/** A stored snapshot read back (it was written by anonymousProfileOf, and is re-picked field by field anyway). */
export function snapshotProfileOf(snapshot: unknown): AnonymousProfile {
  const s = obj(snapshot);
  return {
    desiredOccupations: arr(s.desiredOccupations).map((o) => ({ label: str(obj(o).label) })),
    skills: arr(s.skills).map(str),
    experience: arr(s.experience).map((e) => ({ description: str(obj(e).description), years: num(obj(e).years) })),
    education: typeof s.education === 'string' ? s.education : null,
    hoursMin: num(s.hoursMin),
    hoursMax: num(s.hoursMax),
    availability: windowsOf(s.availability),
    hasDrivingLicence: s.hasDrivingLicence === true,
    maxTravelKm: typeof s.maxTravelKm === 'number' ? s.maxTravelKm : null,
  };
}

function contributionsOf(v: unknown) {
  return arr(v).map((c) => {
    const o = obj(c);
    return {
      criterion: str(o.criterion) as Criterion,
      kind: o.kind === 'hard' ? ('hard' as const) : ('soft' as const),
      points: num(o.points),
      maxPoints: num(o.maxPoints),
      explanation: str(o.explanation),
    };
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The Candidate as the employer advisor sees it. `profile` is the stored snapshot once presented, else the live
 * work profile; `identity` must be passed only after the reveal (the service checks that).
 */
export function presentCandidate(row: CandidateRow, profile: AnonymousProfile, code: string, identity: Identity | null) {
  return {
    proposalId: row.id,
    candidateCode: row.candidate_code ?? code,
    status: row.status,
    vacancy: {
      id: row.vacancy_id,
      title: row.vacancy_title,
      employer: { id: row.employer_id, name: row.employer_name },
      occupation: { code: row.esco_code, label: row.occupation_label, iscoGroup: row.isco_group },
      hoursPerWeek: num(row.hours_per_week),
      fitsSchoolHours: fitsSchoolHours(windowsOf(row.schedule)),
      postcode: row.vacancy_postcode,
      city: row.vacancy_city,
      contractType: row.contract_type,
      status: row.vacancy_status,
      closingDate: row.closing_date,
    },
    score: Math.round(num(row.score) * 10) / 10,
    explanation: contributionsOf(row.explanation),
    matcherVersion: row.matcher_version,
    residentAgreedAt: iso(row.resident_response_at),
    presentedAt: iso(row.presented_at),
    interviewCommittedAt: iso(row.interview_committed_at),
    revealedAt: iso(row.revealed_at),
    profile,
    identity: identity ? { name: identity.name, phone: identity.phone, email: identity.email, residentId: identity.residentId } : null,
    placementId: row.placement_id,
  };
}
export type Candidate = ReturnType<typeof presentCandidate>;
