import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { BSN_MULTIPLIER_INVERSE, BSN_OFFSET, BSN_SPACE } from './bsn-range.ts';
import type {
  AssignmentRow,
  BenefitRow,
  CaseRow,
  ConsentRow,
  ContactMomentRow,
  OrganisationRows,
  ResidentRow,
  ResidentRows,
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
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = columns.map((c) => sql`${part.map((r) => r[c])}::${sql.raw(String(types[c]))}[]`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
  }
}

export async function insertResidentRows(db: Db, rows: ResidentRows): Promise<void> {
  await insertColumns(db, 'residents', RESIDENT_COLUMNS, rows.residents);
  await insertColumns(db, 'benefits', BENEFIT_COLUMNS, rows.benefits);
  await insertColumns(db, 'cases', CASE_COLUMNS, rows.cases);
  await insertColumns(db, 'contact_person_assignments', ASSIGNMENT_COLUMNS, rows.assignments);
  await insertColumns(db, 'contact_moments', CONTACT_MOMENT_COLUMNS, rows.moments);
  await insertColumns(db, 'consents', CONSENT_COLUMNS, rows.consents);
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
    is_lead: boolean;
    roles: string[];
    demo_persona: boolean;
  }[];
  loads: { contact_person_id: string | null; n: string | number | bigint }[];
}

export async function fetchOrganisation(db: Db, code: string): Promise<ExistingOrganisation | null> {
  const municipality = await db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name', 'contact_norm_days'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!municipality) return null;
  const mid = municipality.id;
  const [areas, ranges, teams, teamAreas, partners, members, loads] = await Promise.all([
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
      .select(['tm.team_id', 'tm.staff_user_id', 's.username', 'tm.is_lead', 's.roles', 's.demo_persona'])
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
  ]);
  return { municipality, areas, ranges, teams, teamAreas, partners, members, loads };
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
