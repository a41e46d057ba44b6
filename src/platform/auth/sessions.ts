import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AREA_TERMS, DEFAULT_TERMS, PARTNER_TEAM_TERMS, type MunicipalityTerms, type Principal, type Role } from '../access/principal.ts';
import type { Db } from '../db/database.ts';
import { createResidentSession, createSession, deleteSession, findPrincipalBySession, type PrincipalRow } from './sessions.store.ts';

export const SESSION_COOKIE = 'samenplan_session';

export interface SessionInfo {
  idHash: Buffer;
  csrfToken: string;
  authMethod: string;
  expiresAt: Date;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function toPrincipal(row: PrincipalRow): Principal {
  return {
    // A resident's session (issue 11): the resident is the actor; userId carries his id.
    userId: row.staff_user_id ?? row.resident_id!,
    username: row.username,
    displayName: row.display_name,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    contactNormDays: row.contact_norm_days,
    roles: row.roles as Role[],
    teamIds: row.team_ids,
    areaIds: row.area_ids,
    partnerOrganisationId: row.partner_organisation_id,
    residentId: row.resident_id,
    terms: termsOf(row),
  };
}

/** The database's CHECK constraints allow only these words; anything else falls back to the defaults. */
function termsOf(row: PrincipalRow): MunicipalityTerms {
  const area = AREA_TERMS.find((t) => t === row.area_term) ?? DEFAULT_TERMS.area;
  const partnerTeam = PARTNER_TEAM_TERMS.find((t) => t === row.partner_team_term) ?? DEFAULT_TERMS.partnerTeam;
  return { area, partnerTeam };
}

export async function resolveSession(
  db: Db,
  token: string,
  idleMinutes: number,
  /** A resident's session idles out sooner (Mijn Samenplan); default: the same as staff. */
  residentIdleMinutes = idleMinutes,
): Promise<{ principal: Principal; session: SessionInfo } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const idHash = hashToken(token);
  const row = await findPrincipalBySession(db, idHash, idleMinutes * 60, residentIdleMinutes * 60);
  if (!row) return null;
  return {
    principal: toPrincipal(row),
    session: { idHash, csrfToken: row.csrf_token, authMethod: row.auth_method, expiresAt: row.expires_at },
  };
}

/** Starts a session: a random token for the cookie; only its hash is stored. */
export async function startSession(
  db: Db,
  who: { municipalityId: string; staffUserId: string },
  method: 'demo' | 'oidc',
  ttlMinutes: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await createSession(db, {
    idHash: hashToken(token),
    municipalityId: who.municipalityId,
    staffUserId: who.staffUserId,
    method,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Starts a resident's session (Mijn Samenplan): the same token, cookie and CSRF rules as staff. */
export async function startResidentSession(
  db: Db,
  who: { municipalityId: string; residentId: string },
  method: 'demo' | 'oidc',
  ttlMinutes: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await createResidentSession(db, {
    idHash: hashToken(token),
    municipalityId: who.municipalityId,
    residentId: who.residentId,
    method,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt,
  });
  return { token, expiresAt };
}

export async function endSession(db: Db, idHash: Buffer): Promise<void> {
  await deleteSession(db, idHash);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
