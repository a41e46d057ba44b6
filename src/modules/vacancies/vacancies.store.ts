import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for vacancies. Every query names the caller's municipality (row-level security stands behind it).
// Schedules are stored as windows (jsonb) and as a 336-bit mask: "fits school hours" is one bit operation in SQL.

export interface VacancySummaryRow {
  id: string;
  title: string;
  employer_id: string;
  employer_name: string;
  esco_code: string;
  occupation_label: string;
  isco_group: string;
  hours_per_week: string;
  schedule: unknown;
  postcode: string;
  city: string | null;
  contract_type: 'permanent' | 'temporary' | 'agency';
  status: 'draft' | 'open' | 'filled' | 'closed';
  closing_date: string | null;
}

export interface VacancyRow extends VacancySummaryRow {
  description: string | null;
  required_skills: string[];
  nice_to_have_skills: string[];
  instruments: string[];
  driving_licence_required: boolean;
  job_carving_notes: string | null;
  location_id: string | null;
  version: number;
}

/**
 * The columns of a VacancySummary on the alias `v`, for other modules' queries (matching, proposals): join
 * `vacancySummaryJoins` after `FROM vacancies v` and present with presentVacancySummary (vacancies.presenter.ts).
 */
export const vacancySummaryColumns = sql`v.id, v.title, v.employer_id, e.name AS employer_name, v.esco_code, v.occupation_label, v.isco_group,
  v.hours_per_week::text AS hours_per_week, v.schedule, v.postcode, l.city, v.contract_type, v.status, v.closing_date`;
export const vacancySummaryJoins = sql`JOIN employers e ON e.municipality_id = v.municipality_id AND e.id = v.employer_id
  LEFT JOIN employer_locations l ON l.municipality_id = v.municipality_id AND l.id = v.location_id`;
const detailColumns = sql`${vacancySummaryColumns}, v.description, v.required_skills, v.nice_to_have_skills, v.instruments,
  v.driving_licence_required, v.job_carving_notes, v.location_id, v.version`;

export interface VacancyListFilter {
  status?: string;
  employerId?: string;
  q?: string;
  /** Only schedules entirely within school hours (the mask of school hours, and the zero mask). */
  schoolHours?: { mask: string; zero: string };
  after?: { value: string; id: string };
  limit: number;
}

export interface VacancyValues {
  employerId: string;
  locationId: string | null;
  title: string;
  description: string | null;
  escoCode: string;
  occupationLabel: string;
  iscoGroup: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  hoursPerWeek: number;
  schedule: unknown[];
  scheduleMask: string;
  postcode: string;
  lat: number | null;
  lon: number | null;
  contractType: string;
  instruments: string[];
  drivingLicenceRequired: boolean;
  jobCarvingNotes: string | null;
  status: string;
  closingDate: string | null;
}

export function vacanciesStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;

  const filterOf = (f: Omit<VacancyListFilter, 'after' | 'limit'>) => {
    const where: RawBuilder<unknown>[] = [sql`v.municipality_id = ${m}`];
    if (f.status) where.push(sql`v.status = ${f.status}`);
    if (f.employerId) where.push(sql`v.employer_id = ${f.employerId}::uuid`);
    if (f.q) {
      const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
      where.push(sql`(lower(v.title) LIKE ${pattern} OR lower(v.occupation_label) LIKE ${pattern} OR lower(e.name) LIKE ${pattern})`);
    }
    if (f.schoolHours) {
      const { mask, zero } = f.schoolHours;
      where.push(sql`v.schedule_mask <> ${zero}::bit(336) AND (v.schedule_mask & ~${mask}::bit(336)) = ${zero}::bit(336)`);
    }
    return where;
  };

  return {
    /** How many vacancies match the filter (all pages). */
    async count(f: Omit<VacancyListFilter, 'after' | 'limit'>): Promise<number> {
      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM vacancies v JOIN employers e ON e.municipality_id = v.municipality_id AND e.id = v.employer_id
        WHERE ${sql.join(filterOf(f), sql` AND `)}`.execute(tx);
      return Number(rows[0]!.n);
    },

    /** A page, newest first (created_at, id descending); `after` is the keyset of the previous page. */
    async list(f: VacancyListFilter) {
      const where = filterOf(f);
      if (f.after) where.push(sql`(v.created_at, v.id) < (${f.after.value}::timestamptz, ${f.after.id}::uuid)`);
      const { rows } = await sql<VacancySummaryRow & { sort_value: string }>`
        SELECT ${vacancySummaryColumns}, v.created_at::text AS sort_value
        FROM vacancies v ${vacancySummaryJoins}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY v.created_at DESC, v.id DESC
        LIMIT ${f.limit + 1}`.execute(tx);
      return rows;
    },

    async findById(id: string, lock = false) {
      const { rows } = await sql<VacancyRow>`
        SELECT ${detailColumns} FROM vacancies v ${vacancySummaryJoins}
        WHERE v.municipality_id = ${m} AND v.id = ${id}::uuid ${lock ? sql`FOR UPDATE OF v` : sql``}`.execute(tx);
      return rows[0] ?? null;
    },

    async employerExists(employerId: string) {
      const { rows } = await sql`SELECT 1 FROM employers WHERE municipality_id = ${m} AND id = ${employerId}::uuid`.execute(tx);
      return rows.length > 0;
    },

    async locationOf(employerId: string, locationId: string) {
      const { rows } = await sql<{ id: string; postcode: string; city: string }>`
        SELECT id, postcode, city FROM employer_locations
        WHERE municipality_id = ${m} AND employer_id = ${employerId}::uuid AND id = ${locationId}::uuid`.execute(tx);
      return rows[0] ?? null;
    },

    async insert(id: string, v: VacancyValues) {
      await sql`INSERT INTO vacancies (municipality_id, id, employer_id, location_id, title, description, esco_code, occupation_label,
          isco_group, required_skills, nice_to_have_skills, hours_per_week, schedule, schedule_mask, postcode, lat, lon, contract_type,
          instruments, driving_licence_required, job_carving_notes, status, closing_date, created_by)
        VALUES (${m}, ${id}, ${v.employerId}, ${v.locationId}, ${v.title}, ${v.description}, ${v.escoCode}, ${v.occupationLabel},
          ${v.iscoGroup}, ${v.requiredSkills}::text[], ${v.niceToHaveSkills}::text[], ${v.hoursPerWeek}, ${JSON.stringify(v.schedule)}::jsonb,
          ${v.scheduleMask}::bit(336), ${v.postcode}, ${v.lat}, ${v.lon}, ${v.contractType}, ${v.instruments}::text[],
          ${v.drivingLicenceRequired}, ${v.jobCarvingNotes}, ${v.status}, ${v.closingDate}::date, ${principal.userId})`.execute(tx);
    },

    /** Writes all values and bumps the version; null when the version moved meanwhile. */
    async update(id: string, expectedVersion: number, v: VacancyValues) {
      const { rows } = await sql<{ version: number }>`
        UPDATE vacancies SET location_id = ${v.locationId}, title = ${v.title}, description = ${v.description}, esco_code = ${v.escoCode},
          occupation_label = ${v.occupationLabel}, isco_group = ${v.iscoGroup}, required_skills = ${v.requiredSkills}::text[],
          nice_to_have_skills = ${v.niceToHaveSkills}::text[], hours_per_week = ${v.hoursPerWeek}, schedule = ${JSON.stringify(v.schedule)}::jsonb,
          schedule_mask = ${v.scheduleMask}::bit(336), postcode = ${v.postcode}, lat = ${v.lat}, lon = ${v.lon},
          contract_type = ${v.contractType}, instruments = ${v.instruments}::text[], driving_licence_required = ${v.drivingLicenceRequired},
          job_carving_notes = ${v.jobCarvingNotes}, status = ${v.status}, closing_date = ${v.closingDate}::date,
          version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id}::uuid AND version = ${expectedVersion}
        RETURNING version`.execute(tx);
      return rows[0] ?? null;
    },

    /** Marks a vacancy filled (a placement was made on it). False when it is not in the municipality. */
    async markFilled(id: string) {
      const r = await sql`UPDATE vacancies SET status = 'filled', version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id}::uuid`.execute(tx);
      return Number(r.numAffectedRows ?? 0) > 0;
    },
  };
}
