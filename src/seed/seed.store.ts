import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { BSN_MULTIPLIER_INVERSE, BSN_OFFSET, BSN_SPACE } from './bsn-range.ts';
import type {
  AssignmentRow,
  BarrierRow,
  BenefitRow,
  CaseRow,
  ConsentRow,
  ContactMomentRow,
  EmployerAgreementRow,
  EmployerContactRow,
  EmployerLocationRow,
  EmployerRow,
  EmployerRows,
  FairnessGroupRow,
  MatchExposureRow,
  MatchProposalRow,
  MeetingParticipantRow,
  MeetingRow,
  NotificationRow,
  OrganisationRows,
  PlacementFollowUpRow,
  PlacementRow,
  PlanActionRow,
  PlanGoalRow,
  PlanRow,
  PlanVersionRow,
  ResidentRow,
  ResidentRows,
  VacancyRow,
  WorkProfileRow,
  ZrmAssessmentRow,
  ZrmScoreRow,
} from './rows.ts';

// All database access of the seed. It runs on the owner connection: row-level security does not apply.

/** PostgreSQL allows 65,535 bind parameters per statement; stay well below and at most 1,000 rows. */
async function inChunks<R extends object>(
  rows: readonly R[],
  write: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.min(1000, Math.floor(60_000 / Object.keys(first).length)));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function runInTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => fn(tx));
}

export async function insertOrganisationRows(db: Db, rows: OrganisationRows): Promise<void> {
  await inChunks(rows.municipalities, (c) => db.insertInto('municipalities').values(c).execute());
  await inChunks(rows.areas, (c) => db.insertInto('areas').values(c).execute());
  await inChunks(rows.ranges, (c) => db.insertInto('area_postcode_ranges').values(c).execute());
  await inChunks(rows.teams, (c) => db.insertInto('teams').values(c).execute());
  await inChunks(rows.teamAreas, (c) => db.insertInto('team_areas').values(c).execute());
  await inChunks(rows.partnerOrganisations, (c) =>
    db.insertInto('partner_organisations').values(c).execute(),
  );
  await inChunks(rows.staff, (c) => db.insertInto('staff_users').values(c).execute());
  await inChunks(rows.teamMembers, (c) => db.insertInto('team_members').values(c).execute());
}

/** PostgreSQL type of every column, so the high-volume tables can be inserted as one array per column. */
type ColumnTypes<R> = { readonly [K in keyof R]-?: string };

const RESIDENT_COLUMNS: ColumnTypes<ResidentRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  bsn: 'text',
  given_names: 'text',
  family_name_prefix: 'text',
  family_name: 'text',
  date_of_birth: 'date',
  street: 'text',
  house_number: 'text',
  postcode: 'text',
  city: 'text',
  area_id: 'uuid',
  household_type: 'text',
  education_level: 'text',
  phone: 'text',
  email: 'text',
  is_fictitious: 'boolean',
};
const BENEFIT_COLUMNS: ColumnTypes<BenefitRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  kind: 'text',
  start_date: 'date',
  end_date: 'date',
};
const CASE_COLUMNS: ColumnTypes<CaseRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  status: 'text',
  opened_on: 'date',
  closed_on: 'date',
  contact_person_id: 'uuid',
  contact_person_since: 'timestamptz',
  last_contact_at: 'timestamptz',
  outflow: 'text',
  outflow_on: 'date',
};
const ASSIGNMENT_COLUMNS: ColumnTypes<AssignmentRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  case_id: 'uuid',
  resident_id: 'uuid',
  staff_user_id: 'uuid',
  assigned_at: 'timestamptz',
  ended_at: 'timestamptz',
  handover_note: 'text',
  assigned_by: 'uuid',
};
const CONTACT_MOMENT_COLUMNS: ColumnTypes<ContactMomentRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  staff_user_id: 'uuid',
  occurred_at: 'timestamptz',
  channel: 'text',
  summary: 'text',
  created_at: 'timestamptz',
};
const CONSENT_COLUMNS: ColumnTypes<ConsentRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  partner_organisation_id: 'uuid',
  purpose: 'text',
  valid_from: 'date',
  valid_to: 'date',
  withdrawn_at: 'timestamptz',
  recorded_by: 'uuid',
  recorded_at: 'timestamptz',
};

const ASSESSMENT_COLUMNS: ColumnTypes<ZrmAssessmentRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  scored_by: 'uuid',
  scored_at: 'timestamptz',
  note: 'text',
  ladder_rung: 'smallint',
  created_at: 'timestamptz',
};
const SCORE_COLUMNS: ColumnTypes<ZrmScoreRow> = {
  municipality_id: 'uuid',
  assessment_id: 'uuid',
  domain: 'text',
  score: 'smallint',
};
const BARRIER_COLUMNS: ColumnTypes<BarrierRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  domain: 'text',
  description: 'text',
  status: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_by: 'uuid',
  updated_at: 'timestamptz',
  version: 'integer',
};
const PLAN_COLUMNS: ColumnTypes<PlanRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  status: 'text',
  version: 'integer',
  agreed_on: 'date',
  agreed_how: 'text',
  agreed_at_version: 'integer',
  agreement_recorded_by: 'uuid',
  closed_at: 'timestamptz',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_by: 'uuid',
  updated_at: 'timestamptz',
};
const GOAL_COLUMNS: ColumnTypes<PlanGoalRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  plan_id: 'uuid',
  title: 'text',
  description: 'text',
  life_domain: 'text',
  barrier_id: 'uuid',
  status: 'text',
  position: 'integer',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const ACTION_COLUMNS: ColumnTypes<PlanActionRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  plan_id: 'uuid',
  goal_id: 'uuid',
  description: 'text',
  owner_type: 'text',
  owner_staff_user_id: 'uuid',
  owner_partner_organisation_id: 'uuid',
  owner_name: 'text',
  due_date: 'date',
  status: 'text',
  completed_at: 'timestamptz',
  position: 'integer',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const PLAN_VERSION_COLUMNS: ColumnTypes<PlanVersionRow> = {
  municipality_id: 'uuid',
  plan_id: 'uuid',
  version: 'integer',
  changed_by: 'uuid',
  changed_at: 'timestamptz',
  role: 'text',
  summary: 'text',
  changes: 'jsonb',
  snapshot: 'jsonb',
};
const MEETING_COLUMNS: ColumnTypes<MeetingRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  type: 'text',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
  mode: 'text',
  location: 'text',
  video_url: 'text',
  agenda: 'text',
  status: 'text',
  cancelled_at: 'timestamptz',
  cancel_reason: 'text',
  report: 'text',
  report_recorded_by: 'uuid',
  report_recorded_at: 'timestamptz',
  agreed_actions: 'jsonb',
  organiser_id: 'uuid',
  created_at: 'timestamptz',
  updated_by: 'uuid',
  updated_at: 'timestamptz',
  version: 'integer',
  ics_sequence: 'integer',
};
const PARTICIPANT_COLUMNS: ColumnTypes<MeetingParticipantRow> = {
  municipality_id: 'uuid',
  meeting_id: 'uuid',
  id: 'uuid',
  kind: 'text',
  staff_user_id: 'uuid',
  partner_organisation_id: 'uuid',
  attended: 'boolean',
};
const NOTIFICATION_COLUMNS: ColumnTypes<NotificationRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  staff_user_id: 'uuid',
  kind: 'text',
  title: 'text',
  body: 'text',
  link: 'text',
  created_at: 'timestamptz',
  read_at: 'timestamptz',
  emailed_at: 'timestamptz',
  dedupe_key: 'text',
};
const WORK_PROFILE_COLUMNS: ColumnTypes<WorkProfileRow> = {
  municipality_id: 'uuid',
  resident_id: 'uuid',
  desired_occupations: 'jsonb',
  desired_isco_groups: 'text[]',
  skills: 'text[]',
  experience: 'jsonb',
  education: 'text',
  hours_min: 'numeric',
  hours_max: 'numeric',
  availability: 'jsonb',
  availability_mask: 'bit(336)',
  max_travel_km: 'integer',
  lat: 'double precision',
  lon: 'double precision',
  has_driving_licence: 'boolean',
  preferred_contract_types: 'text[]',
  preferred_sectors: 'text[]',
  preferences_note: 'text',
  version: 'integer',
  updated_by: 'uuid',
  updated_at: 'timestamptz',
};
const FAIRNESS_COLUMNS: ColumnTypes<FairnessGroupRow> = {
  municipality_id: 'uuid',
  resident_id: 'uuid',
  gender: 'text',
  migration_background: 'text',
  basis: 'text',
  recorded_at: 'timestamptz',
};
const EXPOSURE_COLUMNS: ColumnTypes<MatchExposureRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  shown_at: 'timestamptz',
  direction: 'text',
  resident_id: 'uuid',
  vacancy_id: 'uuid',
  rank: 'integer',
  score: 'numeric',
  matcher_version: 'text',
  shown_to: 'uuid',
};
const PROPOSAL_COLUMNS: ColumnTypes<MatchProposalRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  vacancy_id: 'uuid',
  score: 'numeric',
  explanation: 'jsonb',
  matcher_version: 'text',
  status: 'text',
  note: 'text',
  proposed_by: 'uuid',
  proposed_at: 'timestamptz',
  resident_response_at: 'timestamptz',
  resident_response_how: 'text',
  presented_by: 'uuid',
  presented_at: 'timestamptz',
  anonymous_profile: 'jsonb',
  candidate_code: 'text',
  interview_committed_at: 'timestamptz',
  revealed_by: 'uuid',
  revealed_at: 'timestamptz',
  closed_at: 'timestamptz',
  version: 'integer',
  updated_at: 'timestamptz',
};
const PLACEMENT_COLUMNS: ColumnTypes<PlacementRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  resident_id: 'uuid',
  employer_id: 'uuid',
  vacancy_id: 'uuid',
  proposal_id: 'uuid',
  agreement_id: 'uuid',
  start_date: 'date',
  end_date: 'date',
  contract_type: 'text',
  hours_per_week: 'numeric',
  hourly_wage: 'numeric',
  instrument: 'text',
  outflow: 'text',
  status: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
};
const FOLLOW_UP_COLUMNS: ColumnTypes<PlacementFollowUpRow> = {
  municipality_id: 'uuid',
  placement_id: 'uuid',
  months: 'integer',
  due_on: 'date',
  done_on: 'date',
  still_employed: 'boolean',
  note: 'text',
  recorded_by: 'uuid',
};
const EMPLOYER_COLUMNS: ColumnTypes<EmployerRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  name: 'text',
  sector: 'text',
  kvk_number: 'text',
  website: 'text',
  notes: 'text',
  account_manager_id: 'uuid',
  version: 'integer',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const LOCATION_COLUMNS: ColumnTypes<EmployerLocationRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  employer_id: 'uuid',
  name: 'text',
  street: 'text',
  house_number: 'text',
  postcode: 'text',
  city: 'text',
  lat: 'double precision',
  lon: 'double precision',
};
const CONTACT_COLUMNS: ColumnTypes<EmployerContactRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  employer_id: 'uuid',
  name: 'text',
  job_title: 'text',
  email: 'text',
  phone: 'text',
  active: 'boolean',
};
const AGREEMENT_COLUMNS: ColumnTypes<EmployerAgreementRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  employer_id: 'uuid',
  kind: 'text',
  title: 'text',
  target_group: 'text',
  pledged_placements: 'integer',
  period_start: 'date',
  period_end: 'date',
  signed_on: 'date',
  notes: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
};
const VACANCY_COLUMNS: ColumnTypes<VacancyRow> = {
  municipality_id: 'uuid',
  id: 'uuid',
  employer_id: 'uuid',
  location_id: 'uuid',
  title: 'text',
  description: 'text',
  esco_code: 'text',
  occupation_label: 'text',
  isco_group: 'text',
  required_skills: 'text[]',
  nice_to_have_skills: 'text[]',
  hours_per_week: 'numeric',
  schedule: 'jsonb',
  schedule_mask: 'bit(336)',
  postcode: 'text',
  lat: 'double precision',
  lon: 'double precision',
  contract_type: 'text',
  instruments: 'text[]',
  driving_licence_required: 'boolean',
  job_carving_notes: 'text',
  status: 'text',
  closing_date: 'date',
  version: 'integer',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/** Types sent as text and cast in the SELECT (unnest cannot take arrays of arrays; jsonb and bit travel as text). */
const SENT_AS_TEXT = new Set(['jsonb', 'bit(336)', 'text[]']);

/** A PostgreSQL array literal of strings: {"a","b \\"c\\""}. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...): one bind parameter per column instead of per value,
 * which PostgreSQL parses and plans several times faster than a multi-row VALUES list.
 */
async function insertColumns<R extends object>(
  db: Db,
  table: string,
  types: ColumnTypes<R>,
  rows: readonly R[],
  chunk = 5_000,
): Promise<void> {
  const columns = Object.keys(types) as (keyof R & string)[];
  const typeOf = (c: keyof R & string) => String(types[c]);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = columns.map((c) => {
      const type = typeOf(c);
      if (type === 'text[]') {
        const values = part.map((r) => {
          const v = r[c] as unknown as string[] | null;
          return v === null ? null : textArrayLiteral(v);
        });
        return sql`${values}::text[]`;
      }
      return sql`${part.map((r) => r[c])}::${sql.raw(SENT_AS_TEXT.has(type) ? 'text' : type)}[]`;
    });
    const aliases = columns.map((_c, k) => `c${k}`);
    const selected = columns.map((c, k) =>
      SENT_AS_TEXT.has(typeOf(c)) ? sql.raw(`u.c${k}::${typeOf(c)}`) : sql.raw(`u.c${k}`),
    );
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      SELECT ${sql.join(selected)} FROM unnest(${sql.join(arrays)}) AS u(${sql.raw(aliases.join(', '))})`.execute(db);
  }
}

export async function insertResidentRows(db: Db, rows: ResidentRows): Promise<void> {
  await insertColumns(db, 'residents', RESIDENT_COLUMNS, rows.residents);
  await insertColumns(db, 'benefits', BENEFIT_COLUMNS, rows.benefits);
  await insertColumns(db, 'cases', CASE_COLUMNS, rows.cases);
  await insertColumns(db, 'contact_person_assignments', ASSIGNMENT_COLUMNS, rows.assignments);
  await insertColumns(db, 'contact_moments', CONTACT_MOMENT_COLUMNS, rows.moments);
  await insertColumns(db, 'consents', CONSENT_COLUMNS, rows.consents);
  await insertColumns(db, 'zrm_assessments', ASSESSMENT_COLUMNS, rows.assessments);
  await insertColumns(db, 'zrm_scores', SCORE_COLUMNS, rows.scores, 20_000);
  await insertColumns(db, 'barriers', BARRIER_COLUMNS, rows.barriers);
  await insertColumns(db, 'plans', PLAN_COLUMNS, rows.plans);
  await insertColumns(db, 'plan_goals', GOAL_COLUMNS, rows.goals);
  await insertColumns(db, 'plan_actions', ACTION_COLUMNS, rows.actions);
  await insertColumns(db, 'plan_versions', PLAN_VERSION_COLUMNS, rows.planVersions, 250);
  await insertColumns(db, 'meetings', MEETING_COLUMNS, rows.meetings);
  await insertColumns(db, 'meeting_participants', PARTICIPANT_COLUMNS, rows.participants);
  await insertColumns(db, 'notifications', NOTIFICATION_COLUMNS, rows.notifications);
  await insertColumns(db, 'work_profiles', WORK_PROFILE_COLUMNS, rows.workProfiles);
  await insertColumns(db, 'fairness_group_data', FAIRNESS_COLUMNS, rows.fairness);
  await insertColumns(db, 'match_exposures', EXPOSURE_COLUMNS, rows.exposures);
  await insertColumns(db, 'match_proposals', PROPOSAL_COLUMNS, rows.proposals);
  await insertColumns(db, 'placements', PLACEMENT_COLUMNS, rows.placements);
  await insertColumns(db, 'placement_follow_ups', FOLLOW_UP_COLUMNS, rows.followUps);
}

export async function insertEmployerRows(db: Db, rows: EmployerRows): Promise<void> {
  await insertColumns(db, 'employers', EMPLOYER_COLUMNS, rows.employers);
  await insertColumns(db, 'employer_locations', LOCATION_COLUMNS, rows.locations);
  await insertColumns(db, 'employer_contacts', CONTACT_COLUMNS, rows.contacts);
  await insertColumns(db, 'employer_agreements', AGREEMENT_COLUMNS, rows.agreements);
  await insertColumns(db, 'vacancies', VACANCY_COLUMNS, rows.vacancies);
}

export async function existingMunicipalityCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('municipalities').select('code').where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}

export async function usernamesStartingWith(db: Db, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('staff_users')
    .select('username')
    .where('username', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** The highest index in the fictitious BSN range in use by any municipality, or -1 when none is. */
export async function maxBsnIndex(db: Db): Promise<number> {
  const { rows } = await sql<{ k: string | null }>`
    SELECT max((((substr(bsn, 3, 6)::bigint - ${BSN_OFFSET}) % ${BSN_SPACE} + ${BSN_SPACE}) % ${BSN_SPACE})
               * ${BSN_MULTIPLIER_INVERSE} % ${BSN_SPACE}) AS k
    FROM residents WHERE bsn ~ '^99[0-9]{7}$' AND bsn NOT LIKE '9999%'`.execute(db);
  const k = rows[0]?.k;
  return k === null || k === undefined ? -1 : Number(k);
}

export interface ExistingOrganisation {
  municipality: { id: string; code: string; name: string; contact_norm_days: number };
  areas: { id: string; code: string; name: string }[];
  ranges: { area_id: string; pc4_from: number; pc4_to: number }[];
  teams: { id: string; name: string; kind: 'area' | 'youth' }[];
  teamAreas: { team_id: string; area_id: string }[];
  partners: { id: string; area_id: string | null; name: string }[];
  members: {
    team_id: string;
    staff_user_id: string;
    username: string;
    display_name: string;
    is_lead: boolean;
    roles: string[];
    demo_persona: boolean;
  }[];
  loads: { contact_person_id: string | null; n: string | number | bigint }[];
  /** Active partner professionals (demo personas first). */
  partnerStaff: { id: string; display_name: string; partner_organisation_id: string | null }[];
}

export async function fetchOrganisation(db: Db, code: string): Promise<ExistingOrganisation | null> {
  const municipality = await db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name', 'contact_norm_days'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!municipality) return null;
  const mid = municipality.id;
  const [areas, ranges, teams, teamAreas, partners, members, loads, partnerStaff] = await Promise.all([
    db
      .selectFrom('areas')
      .select(['id', 'code', 'name'])
      .where('municipality_id', '=', mid)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('area_postcode_ranges')
      .select(['area_id', 'pc4_from', 'pc4_to'])
      .where('municipality_id', '=', mid)
      .orderBy('pc4_from')
      .execute(),
    db
      .selectFrom('teams')
      .select(['id', 'name', 'kind'])
      .where('municipality_id', '=', mid)
      .orderBy('name')
      .execute(),
    db.selectFrom('team_areas').select(['team_id', 'area_id']).where('municipality_id', '=', mid).execute(),
    db
      .selectFrom('partner_organisations')
      .select(['id', 'area_id', 'name'])
      .where('municipality_id', '=', mid)
      .where('kind', '=', 'buurtteam')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('team_members as tm')
      .innerJoin('staff_users as s', (j) =>
        j.onRef('s.municipality_id', '=', 'tm.municipality_id').onRef('s.id', '=', 'tm.staff_user_id'),
      )
      .select(['tm.team_id', 'tm.staff_user_id', 's.username', 's.display_name', 'tm.is_lead', 's.roles', 's.demo_persona'])
      .where('tm.municipality_id', '=', mid)
      .where('s.active', '=', true)
      .orderBy('s.username')
      .execute(),
    db
      .selectFrom('cases')
      .select((eb) => ['contact_person_id', eb.fn.countAll().as('n')])
      .where('municipality_id', '=', mid)
      .where('status', '=', 'active')
      .groupBy('contact_person_id')
      .execute(),
    db
      .selectFrom('staff_users')
      .select(['id', 'display_name', 'partner_organisation_id'])
      .where('municipality_id', '=', mid)
      .where('active', '=', true)
      .where('partner_organisation_id', 'is not', null)
      .where(sql<boolean>`'partnerProfessional' = ANY (roles)`)
      .orderBy('demo_persona', 'desc')
      .orderBy('username')
      .execute(),
  ]);
  return { municipality, areas, ranges, teams, teamAreas, partners, members, loads, partnerStaff };
}

const COUNTED_TABLES = [
  'areas',
  'area_postcode_ranges',
  'teams',
  'team_areas',
  'partner_organisations',
  'staff_users',
  'team_members',
  'residents',
  'benefits',
  'cases',
  'contact_person_assignments',
  'contact_moments',
  'consents',
  'zrm_assessments',
  'barriers',
  'plans',
  'plan_actions',
  'plan_versions',
  'meetings',
  'notifications',
  'employers',
  'vacancies',
  'work_profiles',
  'match_exposures',
  'match_proposals',
  'placements',
  'fairness_group_data',
] as const;

/** Row counts per table for one municipality. */
export async function countRows(
  db: Db,
  municipalityId: string,
  today: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { rows } = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE municipality_id = ${municipalityId}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM consents
    WHERE municipality_id = ${municipalityId} AND withdrawn_at IS NULL
      AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to >= ${today}::date)`.execute(db);
  counts.consents_active_today = Number(rows[0]?.n ?? 0);
  return counts;
}

export async function demoPersonaUsernames(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_users')
    .select('username')
    .where('demo_persona', '=', true)
    .orderBy('username')
    .execute();
  return rows.map((r) => r.username);
}

/**
 * Refreshes the planner statistics after a bulk load. Without it, the first queries on a freshly seeded database
 * pick plans for empty tables (seen: 20 s instead of 0.16 s for a caseload page) until autovacuum catches up.
 */
export async function analyzeAfterBulkLoad(db: Db): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
