// Types of the Samenplan API (base /api/v1). They mirror the zod schemas in src/ (the contract):
// src/modules/residents/residents.schema.ts, src/platform/auth/auth.routes.ts,
// src/modules/organisation/organisation.routes.ts. Optional fields are absent when the viewer may not see them.

export type Role =
  | 'jobCoach'
  | 'teamLead'
  | 'partnerProfessional'
  | 'employerAdvisor'
  | 'policyOfficer'
  | 'researcher'
  | 'admin'
  | 'privacyOfficer'
  | 'resident';

export type Permission =
  | 'residents:list'
  | 'residents:read'
  | 'residents:create'
  | 'residents:update'
  | 'residents:readBsn'
  | 'residents:assignContactPerson'
  | 'residents:manageConsents'
  | 'residents:recordContact'
  | 'organisation:read'
  | 'staff:list'
  | 'processingLog:read'
  | 'assessments:read'
  | 'assessments:write';

export interface Session {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: string[];
    municipality: { id: string; name: string; contactNormDays: number };
    partnerOrganisationId: string | null;
    teamIds: string[];
  };
  permissions: string[];
  csrfToken: string;
  authMethod: 'demo' | 'oidc';
  expiresAt: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
  municipalityName: string;
}

export interface LoginOptions {
  demoLogin: boolean;
  oidc: boolean;
  demoUsers: DemoUser[];
}

export interface Ref {
  id: string;
  name: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Area {
  id: string;
  code: string;
  name: string;
}

export interface Team {
  id: string;
  name: string;
  kind: string;
  areaIds: string[];
}

export interface PartnerOrganisation {
  id: string;
  name: string;
  kind: string;
  areaId: string | null;
}

export interface StaffMember {
  id: string;
  displayName: string;
  roles: string[];
  teamIds: string[];
}

export interface ItemList<T> {
  items: T[];
}

export const householdTypes = ['single', 'singleParent', 'couple', 'coupleWithChildren', 'other'] as const;
export type HouseholdType = (typeof householdTypes)[number];

export const educationLevels = ['none', 'primary', 'vmbo', 'mbo1', 'mbo2to4', 'havoVwo', 'hbo', 'wo', 'unknown'] as const;
export type EducationLevel = (typeof educationLevels)[number];

export const contactChannels = ['inPerson', 'phone', 'video', 'homeVisit', 'message'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const residentSorts = ['name', '-name', 'lastContact', '-lastContact', 'benefitStart', '-benefitStart'] as const;
export type ResidentSort = (typeof residentSorts)[number];

export const residentStatusFilters = ['active', 'closed', 'new'] as const;
export type ResidentStatusFilter = (typeof residentStatusFilters)[number];

export type AgeBand = '<27' | '27-44' | '45+';
export type CaseStatus = 'active' | 'closed';

export interface ResidentSummary {
  id: string;
  name: string;
  area: Ref;
  contactPerson: PersonRef | null;
  bsnMasked?: string;
  dateOfBirth?: string;
  ageBand?: AgeBand;
  benefitStartDate?: string | null;
  monthsOnBenefit?: number | null;
  caseStatus?: CaseStatus | null;
  lastContactAt?: string | null;
  daysSinceContact?: number | null;
  overContactNorm?: boolean;
  isNew?: boolean;
}

export interface ResidentListQuery {
  q?: string;
  areaId?: string;
  status?: ResidentStatusFilter;
  noContactDays?: number;
  contactPerson?: 'me' | 'any';
  sort?: ResidentSort;
  limit?: number;
  cursor?: string;
  total?: boolean;
}

export interface ResidentList {
  items: ResidentSummary[];
  next: string | null;
  total?: number;
  contactNormDays: number;
}

export interface ResidentPermissions {
  update: boolean;
  readBsn: boolean;
  assignContactPerson: boolean;
  manageConsents: boolean;
  recordContact: boolean;
}

export interface Address {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

export interface Resident {
  id: string;
  name: string;
  givenNames: string;
  familyNamePrefix: string | null;
  familyName: string;
  area: Ref;
  contactPerson: (PersonRef & { since: string | null }) | null;
  phone: string | null;
  email: string | null;
  address?: Address;
  bsnMasked?: string;
  dateOfBirth?: string;
  age?: number;
  householdType?: HouseholdType;
  educationLevel?: EducationLevel;
  benefit?: { startDate: string; endDate: string | null; monthsOnBenefit: number } | null;
  case?: {
    id: string;
    status: CaseStatus;
    openedOn: string;
    lastContactAt: string | null;
    daysSinceContact: number | null;
    overContactNorm: boolean;
  } | null;
  isFictitious: boolean;
  version: number;
  view: 'full' | 'shared';
  permissions: ResidentPermissions;
}

export interface ResidentCreate {
  bsn: string;
  givenNames: string;
  familyNamePrefix?: string | null;
  familyName: string;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  householdType: HouseholdType;
  educationLevel: EducationLevel;
  phone?: string | null;
  email?: string | null;
  benefitStartDate?: string | null;
  contactPersonId?: string | null;
}

export type ResidentUpdate = Partial<Omit<ResidentCreate, 'bsn' | 'contactPersonId' | 'benefitStartDate'>> & {
  benefitStartDate?: string;
};

export interface ContactPersonAssignment {
  id: string;
  staffUser: PersonRef;
  assignedAt: string;
  endedAt: string | null;
  handoverNote: string | null;
  assignedBy: PersonRef | null;
}

export interface ContactPersonChange {
  staffUserId: string;
  handoverNote?: string;
}

export interface Consent {
  id: string;
  partnerOrganisation: Ref;
  purpose: string;
  validFrom: string;
  validTo: string | null;
  withdrawnAt: string | null;
  active: boolean;
  recordedAt: string;
  recordedBy: PersonRef | null;
}

export interface ConsentCreate {
  partnerOrganisationId: string;
  purpose: string;
  validFrom: string;
  validTo?: string | null;
}

export interface ContactMoment {
  id: string;
  occurredAt: string;
  channel: ContactChannel;
  summary: string | null;
  staffUser: PersonRef;
}

export interface ContactMomentCreate {
  occurredAt: string;
  channel: ContactChannel;
  summary?: string | null;
}

export interface ProcessingLogEntry {
  seq: string;
  at: string;
  action: string;
  activity: { id: string; version: number; name: string; purpose: string; legalBasis: string };
  actor: { id: string; displayName: string | null; role: string };
  traceId: string;
}

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type?: string;
  status: number;
  title: string;
  detail?: string;
  invalidParams?: InvalidParam[];
}

// Integrated assessment ("Situatie"): src/modules/assessments/assessments.schema.ts.

/** The 13 domains of the Zelfredzaamheid-Matrix, in the order of the matrix (API and database codes). */
export const zrmDomains = [
  'finances',
  'workAndEducation',
  'timeUse',
  'housing',
  'domesticRelations',
  'mentalHealth',
  'physicalHealth',
  'substanceUse',
  'basicAdl',
  'instrumentalAdl',
  'socialNetwork',
  'communityParticipation',
  'justice',
] as const;
export type ZrmDomain = (typeof zrmDomains)[number];

/** ZRM scale: 1 Acute problematiek … 5 Volledig zelfredzaam. */
export const zrmScores = [1, 2, 3, 4, 5] as const;
/** Participatieladder (VNG): 1 Geïsoleerd … 6 Betaald werk. */
export const ladderRungs = [1, 2, 3, 4, 5, 6] as const;

export const barrierStatuses = ['open', 'inProgress', 'resolved'] as const;
export type BarrierStatus = (typeof barrierStatuses)[number];

/** Latest value compared with the previous one; higher is better on both scales. */
export type TrendDirection = 'improved' | 'same' | 'worse' | 'none';

export interface AssessmentScore {
  domain: ZrmDomain;
  label: string;
  score: number;
  scoreLabel: string;
}

export interface Assessment {
  id: string;
  scoredAt: string;
  scoredBy: PersonRef;
  note: string | null;
  ladderRung: number | null;
  ladderLabel: string | null;
  outdated: boolean;
  scores: AssessmentScore[];
}

export interface ZrmDomainTrend {
  domain: ZrmDomain;
  label: string;
  latest: { score: number; scoreLabel: string; scoredAt: string; outdated: boolean } | null;
  direction: TrendDirection;
  /** Oldest first. */
  points: { date: string; scoredAt: string; score: number }[];
}

export interface LadderTrend {
  latest: { rung: number; label: string; scoredAt: string; outdated: boolean } | null;
  direction: TrendDirection;
  /** Oldest first. */
  points: { date: string; scoredAt: string; rung: number }[];
}

export interface AssessmentHistory {
  /** Newest first. */
  items: Assessment[];
  trend: { domains: ZrmDomainTrend[]; ladder: LadderTrend };
  outdatedAfterDays: number;
}

export interface AssessmentCreate {
  scores?: Partial<Record<ZrmDomain, number>>;
  ladderRung?: number | null;
  note?: string | null;
  scoredAt?: string;
}

export interface Barrier {
  id: string;
  domain: ZrmDomain;
  domainLabel: string;
  description: string;
  status: BarrierStatus;
  statusLabel: string;
  createdAt: string;
  createdBy: PersonRef;
  updatedAt: string;
  updatedBy: PersonRef;
  /** For If-Match: "barrier-{id}-v{version}". */
  version: number;
}

export interface BarrierCreate {
  domain: ZrmDomain;
  description: string;
  status?: BarrierStatus;
}

export interface BarrierUpdate {
  status?: BarrierStatus;
  description?: string;
}
