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
  // Issue 14, studies: read the design (and after the lottery the counts per arm, and the rules an arm changes for a
  // resident in scope); design a study and run its lottery; enrol a resident in scope; the ITT analysis (aggregates).
  'studies:read',
  'studies:design',
  'studies:enrol',
  'studies:analyse',
  // The researchers' pseudonymised data set with its codebook (PA-035).
  'studies:export',
  // Issue 15 (integrations): the bulk import of residents from the benefit administration.
  'imports:run',
  'imports:read',
  // Issue 15: looking a person up in the BRP (Haal Centraal) when registering a resident or on request.
  'brp:lookup',
  // Issue 15: webhook subscriptions of partner systems and their deliveries (the functional administrator).
  'webhooks:manage',
  // Issue 15: API clients of partner systems (OAuth2 client credentials, ADR 0032).
  'apiClients:manage',
  // Issue 16: the privacy officer decides erasure requests (AVG art. 17).
  'privacy:erase',
  // Issue 13, Team Jongeren: search periods (zoektermijn) and exemptions, with the senior's four-eyes check and
  // the exemption rate (aggregates).
  'youth:read',
  'youth:write',
  'youth:confirmExemption',
  'youth:figures',
  // A custom provision above the municipality's threshold needs a second person: teamleider or senior werkmatcher.
  'youth:approveProvision',
  // Issue 12: outflow (uitstroom) and partial work for residents in scope; programmes and their aggregates.
  'outflow:read',
  'outflow:write',
  'programmes:read',
  'programmes:write',
  // Issue 11: the conversation between a resident and his contact person (the area team reads and answers it).
  'messages:read',
  'messages:write',
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
  'brp:lookup',
  'outflow:read',
  'outflow:write',
  'messages:read',
  'messages:write',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Studies (issue 14): the werkmatcher enrols his residents and sees what an arm changes for them; Team Jongeren
  // (issue 13): search periods, exemptions, referrals and provisions.
  jobCoach: [...caseWork, 'studies:read', 'studies:enrol', 'youth:read', 'youth:write', 'youth:figures'],
  // The teamleider also divides caseloads and runs catch-up campaigns (inhaalslag) for the team; he designs a study,
  // runs its lottery and sees the analysis; he approves a custom provision above the threshold.
  teamLead: [...caseWork, 'team:manage', 'studies:read', 'studies:design', 'studies:enrol', 'studies:analyse', 'youth:read', 'youth:write', 'youth:figures', 'youth:approveProvision'],
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
  // Studies: the design and the analysis, aggregates only (issue 14); Team Jongeren's figures (issue 13); programmes
  // (Werkbeweging) with their aggregates, cells under 10 suppressed, and council reports (issue 12).
  policyOfficer: ['organisation:read', 'employers:read', 'vacancies:read', 'fairness:read', 'algorithmRegister:read', 'studies:read', 'studies:analyse', 'youth:figures', 'programmes:read', 'programmes:write'],
  // Issue 14: the studies' aggregates (design, flow, balance, analysis) and the pseudonymised data set; never a
  // resident's record (no residents:* permission, no scope: resident routes answer 404).
  researcher: ['studies:read', 'studies:analyse', 'studies:export'],
  admin: ['organisation:read', 'staff:list', 'imports:run', 'imports:read', 'webhooks:manage', 'apiClients:manage'],
  // The log and the register (src/modules/privacy): any resident of the municipality by BSN, never a case record.
  privacyOfficer: ['organisation:read', 'processingLog:read', 'privacy:inspect', 'algorithmRegister:read', 'privacy:erase'],
  // Issue 11: the resident reaches only the portal's routes (access: { resident: true }), never a permission route.
  resident: [],
  // Issue 13: always next to jobCoach (her case work and scope come from that role); confirms or sends back an
  // exemption another werkmatcher proposed, never her own (youth/exemptions.service.ts).
  seniorJobCoach: ['youth:read', 'youth:confirmExemption', 'youth:figures', 'youth:approveProvision'],
};

export function permissionsOf(p: Pick<Principal, 'roles' | 'scopes'>): Set<Permission> {
  const all = p.roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []);
  return new Set(p.scopes ? all.filter((x) => p.scopes!.includes(x)) : all);
}

/** What the role grants; for an API client (ADR 0032) only what its token's scopes allow of that. */
export function can(p: Pick<Principal, 'roles' | 'scopes'>, permission: Permission): boolean {
  if (p.scopes && !p.scopes.includes(permission)) return false;
  return p.roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}

/** The scopes an API client of a partner system may get: reads a partner professional may do (ADR 0032). */
export const API_CLIENT_SCOPES = ['residents:read', 'plans:read'] as const satisfies readonly Permission[];

/** The first of the principal's roles that grants the permission: recorded in the processing log. */
export function roleFor(p: Pick<Principal, 'roles'>, permission: Permission): Role {
  return p.roles.find((r) => ROLE_PERMISSIONS[r]?.includes(permission)) ?? p.roles[0]!;
}
