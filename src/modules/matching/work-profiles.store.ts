import { sql } from 'kysely';
import type { TimeWindow } from '../../domain/schedule.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../worklist/worklist.store.ts';

// The resident's work profile (one per resident): read and written by the area team within the need-to-know scope.
// The resident's postcode is read here only to store the approximate PC4 centre (lat/lon) for the travel maximum;
// the matcher itself never reads it (matching.store.ts).

export interface WorkProfileRow {
  resident_id: string;
  desired_occupations: Array<{ escoCode: string; label: string; iscoGroup: string }>;
  skills: string[];
  experience: Array<{ description: string; years: number }>;
  education: string | null;
  hours_min: string;
  hours_max: string;
  availability: TimeWindow[];
  max_travel_km: number | null;
  has_driving_licence: boolean;
  preferred_contract_types: Array<'permanent' | 'temporary' | 'agency'>;
  preferred_sectors: string[];
  preferences_note: string | null;
  version: number;
  updated_at: Date;
  updated_by: string;
  updated_by_name: string;
  /** Mijn Samenplan: the resident filled it in himself (then updated_by is the resident's id, no staff member). */
  updated_by_resident: boolean;
}

export interface WorkProfileWrite {
  desiredOccupations: Array<{ escoCode: string; label: string; iscoGroup: string }>;
  skills: string[];
  experience: Array<{ description: string; years: number }>;
  education: string | null;
  hoursMin: number;
  hoursMax: number;
  availability: TimeWindow[];
  availabilityMask: string;
  maxTravelKm: number | null;
  lat: number | null;
  lon: number | null;
  hasDrivingLicence: boolean;
  preferredContractTypes: string[];
  preferredSectors: string[];
  preferencesNote: string | null;
}

export function workProfilesStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql(residentScope(principal));
  // A resident writing his own profile (Mijn Samenplan) is no staff member: updated_by stays empty.
  const byResident = Boolean(principal.residentId);
  const staffId = byResident ? null : principal.userId;

  return {
    /** The resident's postcode when he is in the caller's scope; undefined otherwise. */
    async residentInScope(residentId: string): Promise<{ postcode: string } | undefined> {
      const { rows } = await sql<{ postcode: string }>`SELECT r.postcode FROM residents r
        WHERE r.municipality_id = ${m} AND r.id = ${residentId} AND ${inScope}`.execute(tx);
      return rows[0];
    },

    async get(residentId: string, forUpdate = false): Promise<WorkProfileRow | undefined> {
      const { rows } = await sql<WorkProfileRow>`
        SELECT p.resident_id, p.desired_occupations, p.skills, p.experience, p.education, p.hours_min, p.hours_max,
          p.availability, p.max_travel_km, p.has_driving_licence, p.preferred_contract_types, p.preferred_sectors,
          p.preferences_note, p.version, p.updated_at, coalesce(p.updated_by, p.resident_id) AS updated_by,
          coalesce(s.display_name, 'de inwoner zelf') AS updated_by_name, p.updated_by_resident
        FROM work_profiles p
        LEFT JOIN staff_users s ON s.municipality_id = p.municipality_id AND s.id = p.updated_by
        WHERE p.municipality_id = ${m} AND p.resident_id = ${residentId}
        ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`.execute(tx);
      return rows[0];
    },

    /** Inserts the first profile; false when one was created concurrently. */
    async insert(residentId: string, w: WorkProfileWrite): Promise<boolean> {
      const { rows } = await sql<{ resident_id: string }>`
        INSERT INTO work_profiles (municipality_id, resident_id, desired_occupations, desired_isco_groups, skills, experience,
          education, hours_min, hours_max, availability, availability_mask, max_travel_km, lat, lon, has_driving_licence,
          preferred_contract_types, preferred_sectors, preferences_note, version, updated_by, updated_by_resident, updated_at)
        VALUES (${m}, ${residentId}, ${JSON.stringify(w.desiredOccupations)}::jsonb, ${[...new Set(w.desiredOccupations.map((o) => o.iscoGroup))]}::text[],
          ${w.skills}::text[], ${JSON.stringify(w.experience)}::jsonb, ${w.education}, ${w.hoursMin}, ${w.hoursMax},
          ${JSON.stringify(w.availability)}::jsonb, ${w.availabilityMask}::bit(336), ${w.maxTravelKm}, ${w.lat}, ${w.lon},
          ${w.hasDrivingLicence}, ${w.preferredContractTypes}::text[], ${w.preferredSectors}::text[], ${w.preferencesNote}, 1,
          ${staffId}, ${byResident}, now())
        ON CONFLICT (municipality_id, resident_id) DO NOTHING
        RETURNING resident_id`.execute(tx);
      return rows.length === 1;
    },

    /** Replaces the profile when it still has `expectedVersion`; false otherwise. */
    async update(residentId: string, expectedVersion: number, w: WorkProfileWrite): Promise<boolean> {
      const { rows } = await sql<{ resident_id: string }>`
        UPDATE work_profiles SET desired_occupations = ${JSON.stringify(w.desiredOccupations)}::jsonb,
          desired_isco_groups = ${[...new Set(w.desiredOccupations.map((o) => o.iscoGroup))]}::text[], skills = ${w.skills}::text[],
          experience = ${JSON.stringify(w.experience)}::jsonb, education = ${w.education}, hours_min = ${w.hoursMin},
          hours_max = ${w.hoursMax}, availability = ${JSON.stringify(w.availability)}::jsonb,
          availability_mask = ${w.availabilityMask}::bit(336), max_travel_km = ${w.maxTravelKm}, lat = ${w.lat}, lon = ${w.lon},
          has_driving_licence = ${w.hasDrivingLicence}, preferred_contract_types = ${w.preferredContractTypes}::text[],
          preferred_sectors = ${w.preferredSectors}::text[], preferences_note = ${w.preferencesNote},
          version = version + 1, updated_by = ${staffId}, updated_by_resident = ${byResident}, updated_at = now()
        WHERE municipality_id = ${m} AND resident_id = ${residentId} AND version = ${expectedVersion}
        RETURNING resident_id`.execute(tx);
      return rows.length === 1;
    },
  };
}
