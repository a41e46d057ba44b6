import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Sessions and login lookups go through SECURITY DEFINER functions (migration 0002):
// the application role cannot read the sessions table itself.

export interface PrincipalRow {
  municipality_id: string;
  municipality_name: string;
  contact_norm_days: number;
  /** Null for a resident's session (then resident_id is set). */
  staff_user_id: string | null;
  resident_id: string | null;
  username: string;
  display_name: string;
  roles: string[];
  partner_organisation_id: string | null;
  team_ids: string[];
  area_ids: string[];
  csrf_token: string;
  auth_method: string;
  expires_at: Date;
  area_term: string;
  partner_team_term: string;
}

export async function findPrincipalBySession(db: Db, idHash: Buffer, idleSeconds: number, residentIdleSeconds: number): Promise<PrincipalRow | null> {
  const { rows } = await sql<PrincipalRow>`SELECT * FROM auth_principal(${idHash}, ${idleSeconds}, ${residentIdleSeconds})`.execute(db);
  return rows[0] ?? null;
}

export async function createSession(
  db: Db,
  s: { idHash: Buffer; municipalityId: string; staffUserId: string; method: 'demo' | 'oidc'; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await sql`SELECT auth_session_create(${s.idHash}, ${s.municipalityId}, ${s.staffUserId}, ${s.method}, ${s.csrfToken}, ${s.expiresAt})`.execute(
    db,
  );
}

export async function deleteSession(db: Db, idHash: Buffer): Promise<void> {
  await sql`SELECT auth_session_delete(${idHash})`.execute(db);
}

export interface StaffLookup {
  municipality_id: string;
  staff_user_id: string;
  active: boolean;
  is_demo?: boolean;
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffLookup | null> {
  const { rows } = await sql<StaffLookup>`SELECT * FROM auth_find_staff(${username})`.execute(db);
  return rows[0] ?? null;
}

export async function findStaffByOidc(db: Db, subject: string, username: string | null): Promise<StaffLookup | null> {
  const { rows } = await sql<StaffLookup>`SELECT * FROM auth_find_staff_by_oidc(${subject}, ${username})`.execute(db);
  return rows[0] ?? null;
}

export interface DemoUserRow {
  username: string;
  display_name: string;
  roles: string[];
  municipality_name: string;
}

export async function listDemoUsers(db: Db): Promise<DemoUserRow[]> {
  const { rows } = await sql<DemoUserRow>`SELECT * FROM auth_demo_users()`.execute(db);
  return rows;
}

export async function bindOidcSubject(db: Db, municipalityId: string, staffUserId: string, subject: string): Promise<void> {
  await sql`SELECT auth_bind_oidc_subject(${municipalityId}, ${staffUserId}, ${subject})`.execute(db);
}

// Mijn Samenplan (issue 11): resident sessions and lookups (migration 202612051100).
export interface ResidentLookup {
  municipality_id: string;
  resident_id: string;
}

export async function findDemoResident(db: Db, username: string): Promise<ResidentLookup | null> {
  const { rows } = await sql<ResidentLookup>`SELECT * FROM auth_find_resident_demo(${username})`.execute(db);
  return rows[0] ?? null;
}

/** Every resident with this BSN (at most two: the caller refuses an ambiguous one). */
export async function findResidentsByBsn(db: Db, bsn: string, municipalityCode: string | null): Promise<ResidentLookup[]> {
  const { rows } = await sql<ResidentLookup>`SELECT * FROM auth_find_resident_by_bsn(${bsn}, ${municipalityCode})`.execute(db);
  return rows;
}

export async function listDemoResidents(db: Db): Promise<Array<{ username: string; display_name: string; municipality_name: string }>> {
  const { rows } = await sql<{ username: string; display_name: string; municipality_name: string }>`SELECT * FROM auth_demo_residents()`.execute(db);
  return rows;
}

export async function createResidentSession(
  db: Db,
  s: { idHash: Buffer; municipalityId: string; residentId: string; method: 'demo' | 'oidc'; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await sql`SELECT auth_resident_session_create(${s.idHash}, ${s.municipalityId}, ${s.residentId}, ${s.method}, ${s.csrfToken}, ${s.expiresAt})`.execute(db);
}
