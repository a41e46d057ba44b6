import { describe, expect, it } from 'vitest';
import { maskOf } from '../../domain/schedule.ts';
import {
  anonymousProfileOf,
  candidateCodeOf,
  presentCandidate,
  snapshotProfileOf,
  type CandidateRow,
  type WorkProfileFields,
} from './candidates.presenter.ts';
import { anonymousProfileSchema, candidateSchema } from './candidates.schema.ts';

// The anonymous profile and the Candidate before the reveal carry nothing that identifies the resident: a resident
// with distinctive values is put next to the work profile (even in the very row object the presenter gets, as if a
// store joined too much) and none of those values may appear in the serialised output.

const resident = {
  given_names: 'Zebulon Quirijn',
  family_name_prefix: 'van der',
  family_name: 'Xylofoonstra',
  bsn: '999990019',
  date_of_birth: '1963-11-29',
  age: '62',
  postcode: '3563QZ',
  street: 'Kwikstaartlaan',
  house_number: '417',
  city: 'Zwammerdam-Oost',
  area: 'Overvechtse Polder',
  phone: '06 98765432',
  email: 'zebulon.xylofoonstra@voorbeeld.example',
  gender: 'nonbinaryX',
  household_type: 'singleParentHousehold',
  education_level: 'wo-master-Q',
};
const forbidden = [
  'Zebulon',
  'Quirijn',
  'van der',
  'Xylofoonstra',
  '999990019',
  '1963',
  '11-29',
  '62',
  '3563',
  'QZ',
  'Kwikstaartlaan',
  '417',
  'Zwammerdam',
  'Overvechtse',
  '98765432',
  'zebulon',
  'voorbeeld.example',
  'nonbinaryX',
  'singleParent',
  'wo-master-Q',
];

const availability = [{ day: 1, from: '09:00', to: '14:30' }, { day: 3, from: '09:00', to: '12:00' }];
const workProfile: WorkProfileFields = {
  desired_occupations: [{ escoCode: 'http://data.europa.eu/esco/occupation/x', label: 'Verzorgende', iscoGroup: '5321' }],
  skills: ['wondverzorging', 'plannen'],
  experience: [{ description: 'Thuiszorg, verzorging van ouderen', years: 3 }],
  education: 'MBO niveau 3 Verzorgende IG',
  hours_min: '16.0',
  hours_max: '24.0',
  availability,
  has_driving_licence: true,
  max_travel_km: 15,
};

const row: CandidateRow = {
  id: '0b7c1e9a-0000-4000-8000-00000000abcd',
  status: 'presented',
  score: '81.25',
  explanation: [{ criterion: 'schedule', kind: 'hard', points: 0, maxPoints: 0, explanation: 'Past binnen schooltijden' }],
  matcher_version: 'samenplan-matcher/1.0.0',
  resident_response_at: new Date('2026-03-02T10:00:00Z'),
  presented_at: new Date('2026-03-03T10:00:00Z'),
  interview_committed_at: null,
  revealed_at: null,
  candidate_code: null,
  anonymous_profile: null,
  vacancy_id: '0b7c1e9a-0000-4000-8000-00000000beef',
  vacancy_title: 'Verzorgende IG',
  employer_id: '0b7c1e9a-0000-4000-8000-00000000cafe',
  employer_name: 'Zorggroep Noord',
  esco_code: 'http://data.europa.eu/esco/occupation/x',
  occupation_label: 'Verzorgende',
  isco_group: '5321',
  hours_per_week: '20.0',
  schedule: [{ day: 1, from: '09:00', to: '14:00' }],
  vacancy_postcode: '3511AB',
  vacancy_city: 'Utrecht',
  contract_type: 'temporary',
  vacancy_status: 'open',
  closing_date: '2026-04-01',
  placement_id: null,
};

describe('anonymous profile', () => {
  it('is built from the work profile only, field by field', () => {
    // Even when the object handed over also holds the resident's data, nothing of it comes out.
    const profile = anonymousProfileOf({ ...resident, ...workProfile, availability_mask: maskOf(availability as never) } as WorkProfileFields);
    expect(profile).toEqual({
      desiredOccupations: [{ label: 'Verzorgende' }],
      skills: ['wondverzorging', 'plannen'],
      experience: [{ description: 'Thuiszorg, verzorging van ouderen', years: 3 }],
      education: 'MBO niveau 3 Verzorgende IG',
      hoursMin: 16,
      hoursMax: 24,
      availability,
      hasDrivingLicence: true,
      maxTravelKm: 15,
    });
    const json = JSON.stringify(anonymousProfileSchema.parse(profile));
    for (const value of forbidden) expect(json, value).not.toContain(value);
  });

  it('the whole Candidate before the reveal contains no identifying value', () => {
    const leaky = { ...row, ...resident, resident_id: 'x', work_profile: workProfile } as unknown as CandidateRow;
    const candidate = presentCandidate(leaky, anonymousProfileOf(workProfile), candidateCodeOf('k', row.id), null);
    expect(candidate.identity).toBeNull();
    // The service adds the text to send (null before presenting); the schema requires it.
    const json = JSON.stringify(candidateSchema.parse({ ...candidate, anonymousText: null }));
    for (const value of forbidden) expect(json, value).not.toContain(value);
    expect(Object.keys(candidate).sort()).toEqual(
      ['candidateCode', 'explanation', 'identity', 'interviewCommittedAt', 'matcherVersion', 'placementId', 'presentedAt', 'profile', 'proposalId', 'residentAgreedAt', 'revealedAt', 'score', 'status', 'vacancy'].sort(),
    );
    expect(candidate.score).toBe(81.3);
    expect(candidate.vacancy.fitsSchoolHours).toBe(true);
  });

  it('a stored snapshot is read back field by field', () => {
    const snap = JSON.parse(JSON.stringify({ ...anonymousProfileOf(workProfile), name: 'Zebulon', postcode: '3563QZ' }));
    expect(snapshotProfileOf(snap)).toEqual(anonymousProfileOf(workProfile));
  });

  it('the identity appears only when passed (after the reveal)', () => {
    const c = presentCandidate(row, anonymousProfileOf(workProfile), 'K-000000', { name: 'Zebulon Xylofoonstra', phone: '06 98765432', email: null, residentId: row.vacancy_id });
    expect(c.identity).toEqual({ name: 'Zebulon Xylofoonstra', phone: '06 98765432', email: null, residentId: row.vacancy_id });
  });
});

describe('candidate code', () => {
  it('is stable per proposal, short, and differs between proposals', () => {
    const a = candidateCodeOf('key', row.id);
    expect(a).toMatch(/^K-[0-9A-F]{6}$/);
    expect(candidateCodeOf('key', row.id)).toBe(a);
    expect(candidateCodeOf('key', row.vacancy_id)).not.toBe(a);
    expect(candidateCodeOf('other-key', row.id)).not.toBe(a);
  });

  it('a stored code wins (the code the employer was given)', () => {
    expect(presentCandidate({ ...row, candidate_code: 'K-ABCDEF' }, anonymousProfileOf(workProfile), 'K-123456', null).candidateCode).toBe('K-ABCDEF');
  });
});
