import type { Principal, Role } from './principal.ts';

/** Every permission a route can require. Deny by default: a role has only what is listed here. */
export const PERMISSIONS = [
  'residents:list',
  'residents:read',
  'residents:create',
  'residents:update',
  'residents:readBsn',
  'residents:assignContactPerson',
  'residents:manageConsents',
  'residents:recordContact',
  'organisation:read',
  'staff:list',
  'processingLog:read',
  'assessments:read',
  'assessments:write',
  'plans:read',
  'plans:write',
  'plans:updateOwnActions',
  'meetings:read',
  'meetings:write',
  'worklist:read',
  'notifications:read',
  'team:manage',
  'employers:read',
  'employers:write',
  'vacancies:read',
  'vacancies:write',
  'workProfiles:read',
  'workProfiles:write',
  'matching:run',
  'proposals:read',
  'proposals:write',
  'candidates:present',
  'placements:read',
  'placements:write',
  'fairness:read',
  'algorithmRegister:read',
  'partnerWorklist:read',
  'privacy:inspect',
  // Issue 12: outflow (uitstroom) and partial work for residents in scope; programmes and their aggregates.
  'outflow:read',
  'outflow:write',
  'programmes:read',
  'programmes:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const caseWork: Permission[] = [
  'residents:list',
  'residents:read',
  'residents:create',
  'residents:update',
  'residents:readBsn',
  'residents:assignContactPerson',
  'residents:manageConsents',
  'residents:recordContact',
  'organisation:read',
  'staff:list',
  'assessments:read',
  'assessments:write',
  'plans:read',
  'plans:write',
  'plans:updateOwnActions',
  'meetings:read',
  'meetings:write',
  'worklist:read',
  'notifications:read',
  'employers:read',
  'vacancies:read',
  'workProfiles:read',
  'workProfiles:write',
  'matching:run',
  'proposals:read',
  'proposals:write',
  'placements:read',
  'placements:write',
  'outflow:read',
  'outflow:write',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  jobCoach: caseWork,
  // The teamleider also divides caseloads and runs catch-up campaigns (inhaalslag) for the team.
  teamLead: [...caseWork, 'team:manage'],
  // Sees consenting residents only, and only the shared parts (see residents.policy.ts).
  // With consent, the buurtteam works on the integrated assessment and on its own actions in the one plan.
  partnerProfessional: [
    'residents:list',
    'residents:read',
    'organisation:read',
    'assessments:read',
    'assessments:write',
    'plans:read',
    'plans:updateOwnActions',
    // Only the 3-gesprekken he takes part in (see meetings.policy.ts).
    'meetings:read',
    'notifications:read',
    // His own werklijst: open actions, 3-gesprekken and consents ending soon (worklist/partner-worklist.service.ts).
    'partnerWorklist:read',
  ],
  // Employers and vacancies; candidates only as werkmatchers proposed them, anonymous until the reveal
  // (see src/modules/matching/proposals.policy.ts).
  employerAdvisor: [
    'organisation:read',
    'employers:read',
    'employers:write',
    'vacancies:read',
    'vacancies:write',
    'proposals:read',
    'candidates:present',
    'placements:read',
    'placements:write',
  ],
  // Aggregates only (fairness monitor, cells under 10 suppressed) and the Algoritmeregister entry.
  // Issue 12: programmes (Werkbeweging) with their aggregates (cells under 10 suppressed) and council reports.
  policyOfficer: ['organisation:read', 'employers:read', 'vacancies:read', 'fairness:read', 'algorithmRegister:read', 'programmes:read', 'programmes:write'],
  researcher: [],
  admin: ['organisation:read', 'staff:list'],
  // The log and the register (src/modules/privacy): any resident of the municipality by BSN, never a case record.
  privacyOfficer: ['organisation:read', 'processingLog:read', 'privacy:inspect', 'algorithmRegister:read'],
};

export function permissionsOf(p: Pick<Principal, 'roles'>): Set<Permission> {
  return new Set(p.roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(p: Pick<Principal, 'roles'>, permission: Permission): boolean {
  return p.roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}

/** The first of the principal's roles that grants the permission: recorded in the processing log. */
export function roleFor(p: Pick<Principal, 'roles'>, permission: Permission): Role {
  return p.roles.find((r) => ROLE_PERMISSIONS[r]?.includes(permission)) ?? p.roles[0]!;
}
