import type { Permission } from './permissions.ts';

export const ROLES = [
  'jobCoach',
  'teamLead',
  'partnerProfessional',
  'employerAdvisor',
  'policyOfficer',
  'researcher',
  'admin',
  'privacyOfficer',
  // Issue 11: the resident himself, in Mijn Samenplan (never a staff role: staff_users' CHECK excludes it).
  'resident',
  // Issue 13: the senior werkmatcher of Team Jongeren (next to jobCoach) confirms exemptions (four eyes).
  'seniorJobCoach',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: resolved once per request from the session, passed to every service and store. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  municipalityId: string;
  municipalityName: string;
  /** The municipality's contact guarantee: days without contact before a resident is flagged. */
  contactNormDays: number;
  roles: Role[];
  /** Teams the user belongs to (member or lead). */
  teamIds: string[];
  /** Areas served by those teams. */
  areaIds: string[];
  partnerOrganisationId: string | null;
  /**
   * Mijn Samenplan (issue 11): set only for a resident's own session (role 'resident'); then userId is the same id.
   * Such a principal reaches only routes with `access: { resident: true }` (src/platform/http/app.ts).
   */
  residentId?: string | null;
  /**
   * An API client of a partner system (OAuth2 client credentials, ADR 0032): the scopes of its token. Its role is
   * partnerProfessional (the partner organisation's scope: residents with an active consent); it may use only the
   * permissions of that role that are also in its scopes. Absent for people.
   */
  scopes?: readonly Permission[];
  /** The municipality's own words for its areas and partner teams (from the session; absent in background jobs). */
  terms?: MunicipalityTerms;
}

export const AREA_TERMS = ['wijk', 'gebied'] as const;
export const PARTNER_TEAM_TERMS = ['buurtteam', 'gebiedsteam'] as const;
/** Utrecht: wijk and buurtteam; Arnhem: gebied and gebiedsteam (municipalities.area_term, partner_team_term). */
export interface MunicipalityTerms {
  area: (typeof AREA_TERMS)[number];
  partnerTeam: (typeof PARTNER_TEAM_TERMS)[number];
}
export const DEFAULT_TERMS: MunicipalityTerms = { area: 'wijk', partnerTeam: 'buurtteam' };

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}

/** A resident in his own portal (Mijn Samenplan), not a staff member. */
export function isResident(p: Pick<Principal, 'roles' | 'residentId'>): p is Pick<Principal, 'roles'> & { residentId: string } {
  return Boolean(p.residentId) && p.roles.length === 1 && p.roles[0] === 'resident';
}
