export const ROLES = [
  'jobCoach',
  'teamLead',
  'partnerProfessional',
  'employerAdvisor',
  'policyOfficer',
  'researcher',
  'admin',
  'privacyOfficer',
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
}

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}
