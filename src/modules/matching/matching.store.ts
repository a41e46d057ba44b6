import { randomUUID } from 'node:crypto';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type RawBuilder,
} from 'kysely';
import { boundingBox, type LatLon } from '../../domain/geo.ts';
import { MASK_BITS, maskOf, schoolHours, type TimeWindow } from '../../domain/schedule.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope, type ResidentScope } from '../residents/residents.policy.ts';
import { scopeSql, scopeSqlOn } from '../residents/residents.store.ts';
import type { BoundedCandidate, CandidateGroup } from './matching.topk.ts';
import { normaliseLabel, type ProfileFeatures, type VacancyFeatures } from './matcher.score.ts';

// The matcher's reads (docs/adr/0009-matching.md). Two steps per list:
//  1. candidates: every row passing the hard constraints in SQL (status open, hours range, the schedule within the
//     availability as one bit operation, driving licence, a bounding-box/latitude pre-filter for travel), with an
//     upper bound of its score and ordered by (bound desc, id asc);
//  2. features: the exact features of a batch of candidates, scored in TypeScript by matcher.score.ts.
// The columns the matcher reads are listed below, and only these: a test fails when a protected attribute or a
// proxy (date of birth, household, postcode or area of the resident, fairness_group_data) appears in them.

/** Columns of work_profiles the matcher reads. lat/lon: the PC4 centre, only for the resident's own travel maximum. */
export const WORK_PROFILE_FEATURE_COLUMNS = [
  'resident_id',
  'hours_min',
  'hours_max',
  'availability',
  'max_travel_km',
  'lat',
  'lon',
  'has_driving_licence',
  'desired_occupations',
  'desired_isco_groups',
  'skills',
  'preferred_contract_types',
  'preferred_sectors',
] as const;

/** Columns of residents the matcher reads: none (the id joins the need-to-know scope, nothing is selected). */
export const RESIDENT_FEATURE_COLUMNS = [] as const;

/** Columns of vacancies the matcher reads (plus employers.sector). */
export const VACANCY_FEATURE_COLUMNS = [
  'id',
  'status',
  'hours_per_week',
  'schedule',
  'esco_code',
  'isco_group',
  'required_skills',
  'nice_to_have_skills',
  'contract_type',
  'driving_licence_required',
  'lat',
  'lon',
] as const;

export type Direction = 'vacanciesForResident' | 'residentsForVacancy';

export interface ProfileRow {
  resident_id: string;
  hours_min: string | number;
  hours_max: string | number;
  availability: TimeWindow[];
  max_travel_km: number | null;
  lat: number | null;
  lon: number | null;
  has_driving_licence: boolean;
  desired_occupations: Array<{ escoCode: string; iscoGroup?: string }>;
  desired_isco_groups: string[];
  skills: string[];
  preferred_contract_types: string[];
  preferred_sectors: string[];
}

export interface VacancyRow {
  id: string;
  status: string;
  hours_per_week: string | number;
  schedule: TimeWindow[];
  esco_code: string;
  isco_group: string;
  required_skills: string[];
  nice_to_have_skills: string[];
  contract_type: string;
  driving_licence_required: boolean;
  lat: number | null;
  lon: number | null;
  sector: string;
}

/** The features of a work profile: exactly the keys of ProfileFeatures. */
export function profileFeaturesOf(r: ProfileRow): ProfileFeatures {
  return {
    hoursMin: Number(r.hours_min),
    hoursMax: Number(r.hours_max),
    availability: r.availability,
    maxTravelKm: r.max_travel_km,
    hasDrivingLicence: r.has_driving_licence,
    desiredEscoCodes: r.desired_occupations.map((o) => o.escoCode),
    desiredIscoGroups: r.desired_isco_groups,
    skills: r.skills,
    preferredContractTypes: r.preferred_contract_types,
    preferredSectors: r.preferred_sectors,
  };
}

/** The features of a vacancy: exactly the keys of VacancyFeatures. */
export function vacancyFeaturesOf(r: VacancyRow): VacancyFeatures {
  return {
    hoursPerWeek: Number(r.hours_per_week),
    schedule: r.schedule,
    escoCode: r.esco_code,
    iscoGroup: r.isco_group,
    requiredSkills: r.required_skills,
    niceToHaveSkills: r.nice_to_have_skills,
    contractType: r.contract_type,
    sector: r.sector,
    drivingLicenceRequired: r.driving_licence_required,
  };
}

export const locationOf = (r: { lat: number | null; lon: number | null }): LatLon | null =>
  r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon };

/** All zeros, built once: "the schedule has no half hour outside the availability". */
const ZERO_MASK = sql.raw(`B'${'0'.repeat(MASK_BITS)}'::bit(${MASK_BITS})`);
const SCHOOL_MASK = maskOf(schoolHours());
/** km per degree of latitude (a lower bound: the great-circle distance is at least this times |Δlat|). */
const KM_PER_DEGREE_LAT = 111.19;

const cols = (alias: string, names: readonly string[]) => sql.raw(names.map((c) => `${alias}.${c}`).join(', '));
const prefixes = (groups: readonly string[], n: number) => [...new Set(groups.map((g) => g.slice(0, n)))];

export interface VacancySearch {
  hoursMin: number;
  hoursMax: number;
  availabilityMask: string;
  hasDrivingLicence: boolean;
  desiredEscoCodes: readonly string[];
  desiredIscoGroups: readonly string[];
  preferredContractTypes: readonly string[];
  /** Present when the resident has a location and a maximum: the bounding box pre-filter. */
  travel: { from: LatLon; maxKm: number } | null;
  schoolHoursOnly: boolean;
}

export type VacancyCandidate = BoundedCandidate;
export type ResidentCandidate = BoundedCandidate;

export interface ResidentSearch {
  hoursPerWeek: number;
  requiredSkills: readonly string[];
  niceToHaveSkills: readonly string[];
  scheduleMask: string;
  drivingLicenceRequired: boolean;
  escoCode: string;
  iscoGroup: string;
  contractType: string;
  location: LatLon | null;
}

/** Occupation levels: 4 = exact ESCO occupation or same 4-digit ISCO group, 3/2/1 = same 3/2/1 leading digits, 0 = other. */
export const LEVELS = [4, 3, 2, 1, 0] as const;
export type Level = (typeof LEVELS)[number];
/** Highest occupation points of a level (level 4 includes the exact ESCO occupation, 50). */
const OCCUPATION_BOUND: Record<Level, number> = { 4: 50, 3: 30, 2: 15, 1: 5, 0: 0 };
/** Points SQL does not judge (required 30, nice-to-have 10, sector 5) count at their maximum. */
const UNJUDGED = 45;
/** The highest bound in a level's group (contract type at its maximum, 5). */
export const levelMaxBound = (level: Level) => OCCUPATION_BOUND[level] + UNJUDGED + 5;

/** Step 1, vacancies for a resident, one occupation level: open vacancies passing the hard constraints, with bounds. */
export function vacancyCandidatesSql(m: string, s: VacancySearch, level: Level): RawBuilder<VacancyCandidate> {
  const box = s.travel ? boundingBox(s.travel.from, s.travel.maxKm) : null;
  const g4 = [...new Set(s.desiredIscoGroups)];
  const g3 = prefixes(g4, 3);
  const g2 = prefixes(g4, 2);
  const g1 = prefixes(g4, 1);
  const levelExpr = sql`(CASE WHEN v.esco_code = ANY(${[...s.desiredEscoCodes]}::text[]) OR v.isco_group = ANY(${g4}::char(4)[]) THEN 4
    WHEN left(v.isco_group, 3) = ANY(${g3}::text[]) THEN 3 WHEN left(v.isco_group, 2) = ANY(${g2}::text[]) THEN 2
    WHEN left(v.isco_group, 1) = ANY(${g1}::text[]) THEN 1 ELSE 0 END)`;
  // An index-friendly superset of the level (btree ranges on isco_group), then the exact level.
  const ranges = (ps: string[]) =>
    sql`(${sql.join(ps.map((p) => sql`v.isco_group BETWEEN ${p.padEnd(4, '0')}::char(4) AND ${p.padEnd(4, '9')}::char(4)`), sql` OR `)})`;
  const levelFilter =
    level === 4
      ? sql`AND (v.esco_code = ANY(${[...s.desiredEscoCodes]}::text[]) OR v.isco_group = ANY(${g4}::char(4)[]))`
      : level === 0
        ? sql`AND ${levelExpr} = 0`
        : sql`AND ${ranges(level === 3 ? g3 : level === 2 ? g2 : g1)} AND ${levelExpr} = ${level}`;
  const contract = [...s.preferredContractTypes];
  return sql<VacancyCandidate>`
    SELECT v.id, ${OCCUPATION_BOUND[level] + UNJUDGED}
       + CASE WHEN cardinality(${contract}::text[]) = 0 OR v.contract_type = ANY(${contract}::text[]) THEN 5 ELSE 0 END AS bound
    FROM vacancies v
    WHERE v.municipality_id = ${m} AND v.status = 'open'
      ${levelFilter}
      AND v.hours_per_week BETWEEN ${s.hoursMin} AND ${s.hoursMax}
      AND (v.schedule_mask & ~${s.availabilityMask}::bit(${sql.raw(String(MASK_BITS))})) = ${ZERO_MASK}
      ${s.hasDrivingLicence ? sql`` : sql`AND NOT v.driving_licence_required`}
      ${
        box
          ? sql`AND (v.lat IS NULL OR v.lon IS NULL OR (v.lat BETWEEN ${box.minLat} AND ${box.maxLat} AND v.lon BETWEEN ${box.minLon} AND ${box.maxLon}))`
          : sql``
      }
      ${s.schoolHoursOnly ? sql`AND (v.schedule_mask & ~${SCHOOL_MASK}::bit(${sql.raw(String(MASK_BITS))})) = ${ZERO_MASK} AND v.schedule_mask <> ${ZERO_MASK}` : sql``}
    ORDER BY bound DESC, v.id`;
}

/** Residents direction: 4, 3, 2, then the rest (levels 1 and 0) as 1 = with an asked skill, 0 = without. */
export const RESIDENT_LEVELS = [4, 3, 2, 1, 0] as const satisfies readonly Level[];

/** Levels that can hold candidates for this profile (no desired occupation: only level 0). */
export function vacancyLevels(s: Pick<VacancySearch, 'desiredIscoGroups' | 'desiredEscoCodes'>): Level[] {
  return s.desiredIscoGroups.length > 0 ? [...LEVELS] : s.desiredEscoCodes.length > 0 ? [4, 0] : [0];
}

/** The normalised, distinct, non-empty skill labels a vacancy asks for. */
const wantedSkills = (xs: readonly string[]) => [...new Set(xs.map(normaliseLabel).filter((x) => x.length > 0))];

/**
 * The need-to-know scope on the work profile p (migration 202611220091): the same rule as scopeSql in
 * residents.store.ts (the caller's areas, or an active consent for the caller's partner organisation), read from
 * p.scope_area_id, the resident's area kept on the profile for this predicate only (never a scoring input), so that
 * it is an index condition instead of a join to residents.
 */
export function profileScopeSql(scope: ResidentScope): RawBuilder<boolean> {
  return scopeSqlOn(scope, { municipalityId: 'p.municipality_id', residentId: 'p.resident_id', areaId: 'p.scope_area_id' });
}

/** "The profile holds this skill key": p.skill_keys is matching_skill_keys(skills), stored (202611220091). */
const hasKey = (k: string) => sql`(${k}::text = ANY(p.skill_keys))::int`;

/**
 * An upper bound of the required and nice-to-have skill points of the profile p, computed in SQL from its stored
 * skill keys, as plain expressions (no subquery per row). A profile skill in plain ASCII is folded exactly as
 * normaliseLabel folds ASCII (matching_skill_keys); any other skill is '*': it could fold to anything in TypeScript,
 * so it counts as "maybe every skill" (the maximum, 40). Otherwise the points are exactly those of matcher.score.ts
 * (rounded to one decimal; Math.round and round() agree for positive numbers).
 */
function skillBoundSql(required: readonly string[], nice: readonly string[]): RawBuilder<number> {
  const r = wantedSkills(required);
  const n = wantedSkills(nice);
  const part = (keys: string[], max: number) =>
    keys.length === 0
      ? sql`${sql.raw(String(max))}`
      : sql`round(${sql.raw(String(max))}.0 * (${sql.join(keys.map(hasKey), sql` + `)}) / ${sql.raw(String(keys.length))}, 1)`;
  return sql<number>`(CASE WHEN '*' = ANY(p.skill_keys) THEN 40 ELSE ${part(r, 30)} + ${part(n, 10)} END)`;
}

/**
 * The rest (levels 1 and 0) is split by skills when the vacancy asks for any: 1 = residents with a skill the vacancy
 * asks for (or a '*'), found with the GIN index on skill_keys; 0 = the others, whose skill points are 0 for every
 * list that asks for skills (so their maximum bound is low and they are rarely loaded).
 */
function restSplit(s: ResidentSearch, level: 1 | 0): RawBuilder<unknown> {
  const asked = [...wantedSkills(s.requiredSkills), ...wantedSkills(s.niceToHaveSkills)];
  if (asked.length === 0) return level === 1 ? sql`` : sql`AND false`;
  const overlap = sql`p.skill_keys && ${[...asked, '*']}::text[]`;
  return level === 1 ? sql`AND ${overlap}` : sql`AND NOT (${overlap})`;
}

/** The highest bound in a resident group; the rest without a matching skill scores no points for asked skills. */
export function residentLevelMaxBound(level: Level, s: Pick<ResidentSearch, 'requiredSkills' | 'niceToHaveSkills'>): number {
  if (level !== 0) return levelMaxBound(level);
  const r = wantedSkills(s.requiredSkills).length === 0 ? 30 : 0;
  const n = wantedSkills(s.niceToHaveSkills).length === 0 ? 10 : 0;
  return OCCUPATION_BOUND[1] + r + n + 5 + 5;
}

/**
 * Step 1, residents for a vacancy, one occupation level: residents in scope with a work profile and an active case,
 * passing the hard constraints, with bounds. One table: scope (p.scope_area_id), the active case
 * (p.has_active_case) and the hours are the partial index work_profiles_scope_idx; the occupation levels are
 * containment tests on desired_isco_groups and the stored isco_prefixes (GIN).
 */
export function residentCandidatesSql(m: string, scope: ResidentScope, s: ResidentSearch, level: Level | 'upper'): RawBuilder<ResidentCandidate & { level: number }> {
  const isco = s.iscoGroup;
  const lat = s.location?.lat ?? null;
  const esco = JSON.stringify([{ escoCode: s.escoCode }]);
  const prefix = (n: number) => sql`p.isco_prefixes @> ${[isco.slice(0, n)]}::text[]`;
  const level4 = sql`(p.desired_occupations @> ${esco}::jsonb OR p.desired_isco_groups && ${[isco]}::text[])`;
  // Each level excludes the levels above it, so a profile is in exactly one group, at its best level.
  // 'upper': levels 4, 3 and 2 in one pass over the profiles in scope (the occupation tests cannot be index
  // conditions under row-level security: array containment is not leakproof), each row with its level.
  const levelFilter =
    level === 'upper'
      ? sql`AND (${level4} OR ${prefix(2)})`
      : level === 4
      ? sql`AND ${level4}`
      : level === 3
        ? sql`AND ${prefix(3)} AND NOT ${level4}`
        : level === 2
          ? sql`AND ${prefix(2)} AND NOT ${prefix(3)} AND NOT ${level4}`
          : sql`AND NOT ${prefix(2)} AND NOT ${level4} ${restSplit(s, level === 1 ? 1 : 0)}`;
  const int = (n: number) => sql.raw(String(Math.trunc(n)));
  // In the rest, level 1 (same first digit) is worth 5 points, level 0 nothing.
  const levelExpr =
    level === 'upper' ? sql`CASE WHEN ${level4} THEN 4 WHEN ${prefix(3)} THEN 3 ELSE 2 END` : level <= 1 ? sql`CASE WHEN ${prefix(1)} THEN 1 ELSE 0 END` : int(level);
  const occupationBound =
    level === 'upper'
      ? sql`CASE WHEN ${level4} THEN ${int(OCCUPATION_BOUND[4])} WHEN ${prefix(3)} THEN ${int(OCCUPATION_BOUND[3])} ELSE ${int(OCCUPATION_BOUND[2])} END`
      : level <= 1
        ? sql`CASE WHEN ${prefix(1)} THEN ${int(OCCUPATION_BOUND[1])} ELSE 0 END`
        : int(OCCUPATION_BOUND[level]);
  return sql<ResidentCandidate & { level: number }>`
    SELECT p.resident_id AS id, ${levelExpr} AS level, (${occupationBound} + ${skillBoundSql(s.requiredSkills, s.niceToHaveSkills)} + 5
       + CASE WHEN cardinality(p.preferred_contract_types) = 0 OR ${s.contractType}::text = ANY(p.preferred_contract_types) THEN 5 ELSE 0 END
       )::float8 + 1e-6 AS bound
    FROM work_profiles p
    WHERE p.municipality_id = ${m} AND p.has_active_case AND ${profileScopeSql(scope)}
      ${levelFilter}
      AND p.hours_min <= ${s.hoursPerWeek} AND p.hours_max >= ${s.hoursPerWeek}
      AND (${s.scheduleMask}::bit(${sql.raw(String(MASK_BITS))}) & ~p.availability_mask) = ${ZERO_MASK}
      ${s.drivingLicenceRequired ? sql`AND p.has_driving_licence` : sql``}
      ${
        lat === null
          ? sql``
          : sql`AND (p.max_travel_km IS NULL OR p.lat IS NULL OR abs(p.lat - ${lat}) * ${KM_PER_DEGREE_LAT} <= p.max_travel_km)`
      }
    ORDER BY bound DESC, p.resident_id`;
}

/** Step 2: the features of a batch of work profiles. */
export function profileFeaturesSql(m: string, residentIds: readonly string[]): RawBuilder<ProfileRow> {
  return sql<ProfileRow>`SELECT ${cols('p', WORK_PROFILE_FEATURE_COLUMNS)} FROM work_profiles p
    WHERE p.municipality_id = ${m} AND p.resident_id = ANY(${[...residentIds]}::uuid[])`;
}

/** Step 2: the features of a batch of vacancies (any status; step 1 already chose open ones). */
export function vacancyFeaturesSql(m: string, ids: readonly string[]): RawBuilder<VacancyRow> {
  return sql<VacancyRow>`SELECT ${cols('v', VACANCY_FEATURE_COLUMNS)}, e.sector FROM vacancies v
    JOIN employers e ON e.municipality_id = v.municipality_id AND e.id = v.employer_id
    WHERE v.municipality_id = ${m} AND v.id = ANY(${[...ids]}::uuid[])`;
}

/** The one resident's profile features, when the resident is in the caller's scope (resident: null otherwise). */
export function ownProfileSql(m: string, scope: ResidentScope, residentId: string): RawBuilder<{ in_scope: boolean } & Partial<ProfileRow>> {
  return sql`SELECT true AS in_scope, ${sql.raw(WORK_PROFILE_FEATURE_COLUMNS.map((c) => `p.${c}`).join(', '))}
    FROM residents r
    LEFT JOIN work_profiles p ON p.municipality_id = r.municipality_id AND p.resident_id = r.id
    WHERE r.municipality_id = ${m} AND r.id = ${residentId} AND ${scopeSql(scope)}`;
}

/**
 * The SQL text of every feature query (compiled without a database), for the test that audits what is read. The
 * scope is a real one (an area and a partner organisation), so the audited text is the text that runs; the test
 * allows exactly the need-to-know scope predicates (SCOPE_PREDICATES_FOR_AUDIT): they decide who may be listed and
 * are no input to the score.
 */
/** The scope predicates as compiled (residents.store.ts scopeSql on r, profileScopeSql on p): area ids, then consent. */
export const SCOPE_PREDICATES_FOR_AUDIT = [/r\.area_id = ANY\(\$\d+::uuid\[\]\)/g, /p\.scope_area_id = ANY\(\$\d+::uuid\[\]\)/g] as const;

export function featureQueriesForAudit(): { queries: string[] } {
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const m = '00000000-0000-4000-8000-000000000000';
  const scope: ResidentScope = { areaIds: [m], consentPartnerOrganisationId: m };
  const search: VacancySearch = {
    hoursMin: 0,
    hoursMax: 40,
    availabilityMask: '0'.repeat(MASK_BITS),
    hasDrivingLicence: false,
    desiredEscoCodes: ['1'],
    desiredIscoGroups: ['1234'],
    preferredContractTypes: [],
    travel: { from: { lat: 52, lon: 5 }, maxKm: 10 },
    schoolHoursOnly: true,
  };
  const residentSearch: ResidentSearch = { hoursPerWeek: 20, requiredSkills: ['Kassa'], niceToHaveSkills: [], scheduleMask: '0'.repeat(MASK_BITS), drivingLicenceRequired: true, escoCode: '1', iscoGroup: '1234', contractType: 'permanent', location: { lat: 52, lon: 5 } };
  const queries = [
    ...LEVELS.map((l) => vacancyCandidatesSql(m, search, l)),
    ...[...RESIDENT_LEVELS, 'upper' as const].map((l) => residentCandidatesSql(m, scope, residentSearch, l)),
    profileFeaturesSql(m, [m]),
    vacancyFeaturesSql(m, [m]),
    ownProfileSql(m, scope, m),
  ].map((q) => q.compile(db).sql);
  return { queries };
}

export interface VacancySummaryRow {
  id: string;
  title: string;
  employer_id: string;
  employer_name: string;
  esco_code: string;
  occupation_label: string;
  isco_group: string;
  hours_per_week: string;
  schedule: TimeWindow[];
  postcode: string;
  city: string | null;
  contract_type: string;
  status: string;
  closing_date: string | null;
}

export function matchingStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const scope = residentScope(principal);

  return {
    scope,

    /** undefined: resident not in scope; null: in scope without a work profile. */
    async ownProfile(residentId: string): Promise<ProfileRow | null | undefined> {
      const { rows } = await ownProfileSql(m, scope, residentId).execute(tx);
      const row = rows[0];
      if (!row) return undefined;
      return row.resident_id ? (row as ProfileRow) : null;
    },

    /** The candidate groups (one per occupation level), loaded lazily. */
    vacancyCandidateGroups(s: VacancySearch): CandidateGroup[] {
      return vacancyLevels(s).map((level) => ({
        maxBound: levelMaxBound(level),
        load: async () => (await vacancyCandidatesSql(m, s, level).execute(tx)).rows,
      }));
    },

    /** Levels 4, 3 and 2 come from one query (loaded with the first group), the rest from one query per group. */
    residentCandidateGroups(s: ResidentSearch): CandidateGroup[] {
      let upper: Promise<Array<ResidentCandidate & { level: number }>> | null = null;
      const loadUpper = () => (upper ??= residentCandidatesSql(m, scope, s, 'upper').execute(tx).then((r) => r.rows));
      const strip = (rows: Array<ResidentCandidate & { level: number }>) => rows.map((r) => ({ id: r.id, bound: r.bound }));
      return RESIDENT_LEVELS.map((level) => ({
        maxBound: residentLevelMaxBound(level, s),
        load: async () =>
          level >= 2
            ? strip((await loadUpper()).filter((r) => r.level === level))
            : strip((await residentCandidatesSql(m, scope, s, level).execute(tx)).rows),
      }));
    },

    async vacancyFeatures(ids: readonly string[]) {
      return ids.length === 0 ? [] : (await vacancyFeaturesSql(m, ids).execute(tx)).rows;
    },

    async profileFeatures(residentIds: readonly string[]) {
      return residentIds.length === 0 ? [] : (await profileFeaturesSql(m, residentIds).execute(tx)).rows;
    },

    /** What a list shows of each vacancy (VacancySummary). */
    async vacancySummaries(ids: readonly string[]) {
      if (ids.length === 0) return new Map<string, VacancySummaryRow>();
      const { rows } = await sql<VacancySummaryRow>`
        SELECT v.id, v.title, v.employer_id, e.name AS employer_name, v.esco_code, v.occupation_label, v.isco_group,
          v.hours_per_week, v.schedule, v.postcode, l.city, v.contract_type, v.status, v.closing_date
        FROM vacancies v
        JOIN employers e ON e.municipality_id = v.municipality_id AND e.id = v.employer_id
        LEFT JOIN employer_locations l ON l.municipality_id = v.municipality_id AND l.id = v.location_id
        WHERE v.municipality_id = ${m} AND v.id = ANY(${[...ids]}::uuid[])`.execute(tx);
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** Names of the residents shown in a candidate list (presentation only, never scoring input). */
    async residentNames(ids: readonly string[]) {
      if (ids.length === 0) return new Map<string, { given_names: string; family_name_prefix: string | null; family_name: string }>();
      const { rows } = await sql<{ id: string; given_names: string; family_name_prefix: string | null; family_name: string }>`
        SELECT r.id, r.given_names, r.family_name_prefix, r.family_name FROM residents r
        WHERE r.municipality_id = ${m} AND r.id = ANY(${[...ids]}::uuid[]) AND ${scopeSql(scope)}`.execute(tx);
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** The latest proposal of this resident per vacancy. */
    async latestProposals(residentId: string, vacancyIds: readonly string[]) {
      if (vacancyIds.length === 0) return new Map<string, { id: string; status: string }>();
      const { rows } = await sql<{ id: string; vacancy_id: string; status: string }>`
        SELECT DISTINCT ON (mp.vacancy_id) mp.id, mp.vacancy_id, mp.status FROM match_proposals mp
        WHERE mp.municipality_id = ${m} AND mp.resident_id = ${residentId} AND mp.vacancy_id = ANY(${[...vacancyIds]}::uuid[])
        ORDER BY mp.vacancy_id, mp.proposed_at DESC, mp.id`.execute(tx);
      return new Map(rows.map((r) => [r.vacancy_id, { id: r.id, status: r.status }]));
    },

    /** One INSERT for the (at most 10) exposures of a generated list. */
    async insertExposures(direction: Direction, version: string, rows: Array<{ residentId: string; vacancyId: string; score: number }>) {
      if (rows.length === 0) return;
      await sql`
        INSERT INTO match_exposures (municipality_id, id, direction, resident_id, vacancy_id, rank, score, matcher_version, shown_to)
        SELECT ${m}, e.id, ${direction}, e.resident_id, e.vacancy_id, e.rank, e.score, ${version}, ${principal.userId}
        FROM unnest(${rows.map(() => randomUUID())}::uuid[], ${rows.map((r) => r.residentId)}::uuid[], ${rows.map((r) => r.vacancyId)}::uuid[],
          ${rows.map((_, i) => i + 1)}::int[], ${rows.map((r) => r.score)}::numeric[]) AS e(id, resident_id, vacancy_id, rank, score)`.execute(tx);
    },
  };
}

export type MatchingStore = ReturnType<typeof matchingStore>;
