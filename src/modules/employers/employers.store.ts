import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for employers, their locations, business contacts and agreements. Every query names the caller's
// municipality; row-level security stands behind it. Realised placements are read from the placements table (the
// placements module writes it) as start dates only; the rule that counts them is agreements.rules.ts.

export interface EmployerRow {
  id: string;
  name: string;
  sector: string;
  kvk_number: string | null;
  website: string | null;
  notes: string | null;
  version: number;
}
export interface EmployerListRow {
  id: string;
  name: string;
  sector: string;
  open_vacancies: string;
  sort_value: string;
}
export interface LocationRow {
  id: string;
  employer_id: string;
  name: string;
  street: string | null;
  house_number: string | null;
  postcode: string;
  city: string;
}
export interface ContactRow {
  id: string;
  name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
}
export interface AgreementRow {
  id: string;
  employer_id: string;
  kind: 'intention' | 'antiDiscrimination';
  title: string;
  target_group: string | null;
  pledged_placements: number | null;
  period_start: string;
  period_end: string;
  signed_on: string | null;
  notes: string | null;
  /** Start dates of the placements linked to this agreement (whatever their date). */
  placement_starts: string[];
}
export interface EmployerVacancyRow {
  id: string;
  title: string;
  status: 'draft' | 'open' | 'filled' | 'closed';
  hours_per_week: string;
  closing_date: string | null;
  schedule: unknown;
}

export function employersStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;

  const agreementCols = sql`a.id, a.employer_id, a.kind, a.title, a.target_group, a.pledged_placements, a.period_start, a.period_end,
    a.signed_on, a.notes,
    samenplan_agreement_placement_starts(a.id)::text[] AS placement_starts`;

  const filter = (f: { q?: string }) => {
    const where = [sql`e.municipality_id = ${m}`];
    if (f.q) where.push(sql`lower(e.name) LIKE ${`%${f.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}`);
    return where;
  };

  return {
    /** How many employers match the filter (all pages). */
    async count(f: { q?: string }): Promise<number> {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM employers e WHERE ${sql.join(filter(f), sql` AND `)}`.execute(tx);
      return Number(rows[0]!.n);
    },

    /** A page of employers sorted by name (case-insensitive), then id; `after` is the keyset of the previous page. */
    async list(f: { q?: string; after?: { value: string; id: string }; limit: number }) {
      const where = filter(f);
      if (f.after) where.push(sql`(lower(e.name), e.id) > (${f.after.value}, ${f.after.id}::uuid)`);
      const { rows } = await sql<EmployerListRow>`
        SELECT e.id, e.name, e.sector, lower(e.name) AS sort_value,
          (SELECT count(*) FROM vacancies v WHERE v.municipality_id = e.municipality_id AND v.employer_id = e.id AND v.status = 'open') AS open_vacancies
        FROM employers e
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY lower(e.name), e.id
        LIMIT ${f.limit + 1}`.execute(tx);
      return rows;
    },

    async findById(id: string, lock = false) {
      const { rows } = await sql<EmployerRow>`
        SELECT id, name, sector, kvk_number, website, notes, version FROM employers
        WHERE municipality_id = ${m} AND id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`.execute(tx);
      return rows[0] ?? null;
    },

    async locations(employerIds: string[]) {
      const { rows } = await sql<LocationRow>`
        SELECT id, employer_id, name, street, house_number, postcode, city FROM employer_locations
        WHERE municipality_id = ${m} AND employer_id = ANY(${employerIds}::uuid[]) ORDER BY name, id`.execute(tx);
      return rows;
    },

    async location(employerId: string, locationId: string) {
      const { rows } = await sql<LocationRow & { lat: number | null; lon: number | null }>`
        SELECT id, employer_id, name, street, house_number, postcode, city, lat, lon FROM employer_locations
        WHERE municipality_id = ${m} AND employer_id = ${employerId}::uuid AND id = ${locationId}::uuid`.execute(tx);
      return rows[0] ?? null;
    },

    async contacts(employerId: string) {
      const { rows } = await sql<ContactRow>`
        SELECT id, name, job_title, email, phone FROM employer_contacts
        WHERE municipality_id = ${m} AND employer_id = ${employerId}::uuid AND active ORDER BY name, id`.execute(tx);
      return rows;
    },

    async agreements(employerIds: string[]) {
      const { rows } = await sql<AgreementRow>`
        SELECT ${agreementCols} FROM employer_agreements a
        WHERE a.municipality_id = ${m} AND a.employer_id = ANY(${employerIds}::uuid[])
        ORDER BY a.period_start DESC, a.title, a.id`.execute(tx);
      return rows;
    },

    async agreement(employerId: string, agreementId: string) {
      const { rows } = await sql<AgreementRow>`
        SELECT ${agreementCols} FROM employer_agreements a
        WHERE a.municipality_id = ${m} AND a.employer_id = ${employerId}::uuid AND a.id = ${agreementId}::uuid`.execute(tx);
      return rows[0] ?? null;
    },

    async vacancies(employerId: string) {
      const { rows } = await sql<EmployerVacancyRow>`
        SELECT id, title, status, hours_per_week::text AS hours_per_week, closing_date, schedule FROM vacancies
        WHERE municipality_id = ${m} AND employer_id = ${employerId}::uuid
        ORDER BY (status = 'open') DESC, created_at DESC, id`.execute(tx);
      return rows;
    },

    async insert(row: { id: string; name: string; sector: string; kvkNumber: string | null; website: string | null; notes: string | null }) {
      await sql`INSERT INTO employers (municipality_id, id, name, sector, kvk_number, website, notes, created_by)
        VALUES (${m}, ${row.id}, ${row.name}, ${row.sector}, ${row.kvkNumber}, ${row.website}, ${row.notes}, ${principal.userId})`.execute(tx);
    },

    /** Applies the changes and bumps the version; null when the version moved meanwhile. */
    async update(id: string, expectedVersion: number, patch: { name: string; sector: string; kvkNumber: string | null; website: string | null; notes: string | null }) {
      const { rows } = await sql<{ version: number }>`
        UPDATE employers SET name = ${patch.name}, sector = ${patch.sector}, kvk_number = ${patch.kvkNumber}, website = ${patch.website},
          notes = ${patch.notes}, version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id}::uuid AND version = ${expectedVersion}
        RETURNING version`.execute(tx);
      return rows[0] ?? null;
    },

    async insertLocation(row: { id: string; employerId: string; name: string; street: string | null; houseNumber: string | null; postcode: string; city: string; lat: number | null; lon: number | null }) {
      await sql`INSERT INTO employer_locations (municipality_id, id, employer_id, name, street, house_number, postcode, city, lat, lon)
        VALUES (${m}, ${row.id}, ${row.employerId}, ${row.name}, ${row.street}, ${row.houseNumber}, ${row.postcode}, ${row.city}, ${row.lat}, ${row.lon})`.execute(tx);
    },

    async insertContact(row: { id: string; employerId: string; name: string; jobTitle: string | null; email: string | null; phone: string | null }) {
      await sql`INSERT INTO employer_contacts (municipality_id, id, employer_id, name, job_title, email, phone)
        VALUES (${m}, ${row.id}, ${row.employerId}, ${row.name}, ${row.jobTitle}, ${row.email}, ${row.phone})`.execute(tx);
    },

    async insertAgreement(row: {
      id: string;
      employerId: string;
      kind: string;
      title: string;
      targetGroup: string | null;
      pledgedPlacements: number | null;
      periodStart: string;
      periodEnd: string;
      signedOn: string | null;
      notes: string | null;
    }) {
      await sql`INSERT INTO employer_agreements (municipality_id, id, employer_id, kind, title, target_group, pledged_placements,
          period_start, period_end, signed_on, notes, created_by)
        VALUES (${m}, ${row.id}, ${row.employerId}, ${row.kind}, ${row.title}, ${row.targetGroup}, ${row.pledgedPlacements},
          ${row.periodStart}::date, ${row.periodEnd}::date, ${row.signedOn}::date, ${row.notes}, ${principal.userId})`.execute(tx);
    },
  };
}
