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
  | 'assessments:write'
  | 'plans:read'
  | 'plans:write'
  | 'plans:updateOwnActions'
  | 'meetings:read'
  | 'meetings:write'
  | 'worklist:read'
  | 'notifications:read'
  | 'team:manage'
  | 'employers:read'
  | 'employers:write'
  | 'vacancies:read'
  | 'vacancies:write'
  | 'workProfiles:read'
  | 'workProfiles:write'
  | 'matching:run'
  | 'proposals:read'
  | 'proposals:write'
  | 'candidates:present'
  | 'placements:read'
  | 'placements:write'
  | 'fairness:read'
  | 'algorithmRegister:read';

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

// The one plan: src/modules/plans/plans.schema.ts. Every write sends If-Match ("plan-{id}-v{version}") and answers
// the whole new plan; a stale write answers 412 with the current plan and what changed since (PlanConflict).

export const planGoalStatuses = ['open', 'achieved', 'dropped'] as const;
export type PlanGoalStatus = (typeof planGoalStatuses)[number];

export const planActionStatuses = ['open', 'inProgress', 'done', 'cancelled'] as const;
export type PlanActionStatus = (typeof planActionStatuses)[number];

export const agreementChannels = ['inPerson', 'phone', 'video', 'letter', 'portal'] as const;
export type AgreementChannel = (typeof agreementChannels)[number];

export type PlanOwnerType = 'resident' | 'jobCoach' | 'partnerProfessional' | 'otherPartner';

export interface PlanPermissions {
  /** Change the plan and its goals. */
  edit: boolean;
  addGoal: boolean;
  /** Record the resident's agreement. */
  agree: boolean;
  /** own: only actions the user carries out himself (add, and change status, due date and description). */
  editActions: 'all' | 'own' | 'none';
}

export interface PlanActionOwner {
  type: PlanOwnerType;
  staffUser: PersonRef | null;
  partnerOrganisation: Ref | null;
  /** Who carries out the action, to show. */
  name: string;
}

export interface PlanAction {
  id: string;
  goalId: string;
  description: string;
  owner: PlanActionOwner;
  dueDate: string | null;
  status: PlanActionStatus;
  completedAt: string | null;
  /** The due date has passed and the action is not finished. */
  overdue: boolean;
  permissions: { edit: boolean };
}

export interface PlanGoal {
  id: string;
  title: string;
  description: string | null;
  lifeDomain: ZrmDomain | null;
  /** Only for the area team (not in the shared view). */
  barrierId?: string | null;
  status: PlanGoalStatus;
  position: number;
  actions: PlanAction[];
}

export interface PlanAgreement {
  agreedOn: string;
  how: AgreementChannel;
  recordedBy: PersonRef | null;
  /** The plan changed after the resident agreed. */
  changedSinceAgreement: boolean;
}

export interface Plan {
  id: string;
  residentId: string;
  status: 'active' | 'closed';
  version: number;
  agreement: PlanAgreement | null;
  goals: PlanGoal[];
  createdAt: string;
  createdBy: PersonRef | null;
  updatedAt: string;
  updatedBy: PersonRef | null;
  /** shared: the part of the plan shared with the buurtteam. */
  view: 'full' | 'shared';
  permissions: PlanPermissions;
}

export interface PlanChange {
  entity: 'plan' | 'goal' | 'action';
  id: string;
  /** null when a goal or action was added or removed. */
  field: string | null;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
  /** The change in plain (Dutch) words. */
  label: string;
}

export interface PlanVersion {
  version: number;
  changedBy: PersonRef | null;
  changedAt: string;
  role: string;
  summary: string;
  changes: PlanChange[];
}

/** 412 on a plan write: the current plan and the versions since the one the client edited (oldest first). */
export interface PlanConflict extends Problem {
  current: Plan;
  changesSince: PlanVersion[];
}

export interface PlanGoalCreate {
  title: string;
  description?: string | null;
  lifeDomain?: ZrmDomain | null;
}

export interface PlanGoalUpdate extends Partial<PlanGoalCreate> {
  status?: PlanGoalStatus;
}

export interface PlanCreate {
  goals?: PlanGoalCreate[];
}

export interface PlanUpdate {
  /** null clears the agreement. */
  agreement?: { agreedOn: string; how: AgreementChannel } | null;
  status?: 'active' | 'closed';
}

/** Who carries out an action. Left out: the user himself. */
export type PlanActionOwnerChoice =
  | { type: 'resident' }
  | { type: 'jobCoach'; staffUserId: string }
  | { type: 'partnerProfessional'; staffUserId: string }
  | { type: 'otherPartner'; name?: string; partnerOrganisationId?: string | null };

export interface PlanActionCreate {
  description: string;
  owner?: PlanActionOwnerChoice;
  dueDate?: string | null;
}

export interface PlanActionUpdate {
  description?: string;
  owner?: PlanActionOwnerChoice;
  dueDate?: string | null;
  status?: PlanActionStatus;
}

// Teamleider (src/modules/team/team.schema.ts): caseload per werkmatcher, bulk reassignment, catch-up campaigns.

export interface CaseloadFigures {
  activeResidents: number;
  overContactNorm: number;
  /** Without an active plan. */
  withoutPlan: number;
}

export interface TeamCaseload {
  team: { id: string; name: string };
  members: Array<CaseloadFigures & { staffUser: PersonRef }>;
  /** Residents of the team without a contact person. */
  unassigned: CaseloadFigures;
}

export interface TeamCaseloads {
  contactNormDays: number;
  teams: TeamCaseload[];
}

export interface ReassignmentCreate {
  residentIds: string[];
  toStaffUserId: string;
  handoverNote: string;
}

export interface ReassignmentResult {
  toStaffUser: PersonRef;
  reassigned: number;
  items: Array<{ residentId: string; previousContactPersonId: string | null }>;
}

export interface CatchUpCriteria {
  minMonthsOnBenefit: number;
  minMonthsWithoutContact: number;
}

export interface CatchUpPreview {
  team: { id: string; name: string };
  criteria: CatchUpCriteria;
  total: number;
  sample: Array<{
    id: string;
    name: string;
    area: { id: string; name: string };
    monthsOnBenefit: number;
    daysSinceContact: number | null;
    contactPerson: PersonRef | null;
  }>;
}

export type CatchUpDivision = 'balance' | 'roundRobin';

export interface CatchUpCreate {
  teamId?: string;
  name: string;
  criteria: CatchUpCriteria;
  staffUserIds: string[];
  division: CatchUpDivision;
  handoverNote?: string;
}

export interface CatchUpCoverage {
  total: number;
  contacted: number;
  withPlan: number;
  contactedPct: number;
  withPlanPct: number;
}

export interface CatchUpCampaign {
  id: string;
  team: { id: string; name: string };
  name: string;
  criteria: CatchUpCriteria;
  status: 'active' | 'closed';
  createdAt: string;
  createdBy: PersonRef;
  coverage: CatchUpCoverage;
}

export interface CatchUpCampaignDetail extends CatchUpCampaign {
  /** Coverage at the end of each ISO week (cumulative), from the start week. */
  weeks: Array<CatchUpCoverage & { week: string; weekStart: string; weekEnd: string }>;
  perStaffUser: Array<CatchUpCoverage & { staffUser: PersonRef }>;
}

// Werklijst (worklist) and notifications: src/modules/worklist/worklist.schema.ts.

export type WorklistSection = 'plan' | 'meetings' | 'contactMoments' | 'history';

export interface WorklistLink {
  residentId: string;
  section: WorklistSection;
}

export interface WorklistResident {
  id: string;
  name: string;
  area: { id: string; name: string };
}

export interface Worklist {
  today: string;
  contactNormDays: number;
  newInCaseload: {
    resident: WorklistResident;
    handoverNote: string | null;
    assignedAt: string;
    assignedBy: PersonRef | null;
    previousContactPerson: PersonRef | null;
    link: WorklistLink;
  }[];
  dueActions: {
    id: string;
    resident: WorklistResident;
    description: string;
    goalTitle: string;
    dueDate: string;
    status: 'open' | 'inProgress';
    ownerType: 'jobCoach' | 'resident';
    state: 'overdue' | 'dueToday';
    daysOverdue: number;
    link: WorklistLink;
  }[];
  overContactNorm: {
    resident: WorklistResident;
    lastContactAt: string | null;
    daysSinceContact: number | null;
    norm: number;
    daysOver: number | null;
    link: WorklistLink;
  }[];
  upcomingMeetings: {
    id: string;
    resident: WorklistResident;
    type: string;
    startsAt: string;
    endsAt: string | null;
    link: WorklistLink;
  }[];
  newWithoutPlan: {
    resident: WorklistResident;
    caseOpenedOn: string;
    contactPersonSince: string | null;
    link: WorklistLink;
  }[];
  counts: {
    newInCaseload: number;
    dueActions: number;
    overdueActions: number;
    dueToday: number;
    overContactNorm: number;
    upcomingMeetings: number;
    newWithoutPlan: number;
  };
}

export interface AppNotification {
  id: string;
  kind: 'worklistReminder' | 'newInCaseload';
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  unreadCount: number;
}

// Meetings ("Gesprekken", 3-gesprek): src/modules/meetings/meetings.schema.ts.

export const meetingTypes = ['intake', 'threeWay', 'followUp', 'homeVisit'] as const;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingModes = ['inPerson', 'video', 'phone'] as const;
export type MeetingMode = (typeof meetingModes)[number];
export type MeetingStatus = 'planned' | 'held' | 'noShow' | 'cancelled';

export interface MeetingParticipant {
  id: string;
  kind: 'resident' | 'staff' | 'partnerProfessional';
  name: string;
  staffUser: PersonRef | null;
  partnerOrganisation: { id: string; name: string } | null;
  organiser: boolean;
  attended: boolean | null;
}

export interface MeetingAgreedAction {
  description: string;
  goalTitle: string | null;
  owner: { type: string; name: string };
  dueDate: string;
}

export interface Meeting {
  id: string;
  resident: { id: string; name: string };
  type: MeetingType;
  typeLabel: string;
  startsAt: string;
  endsAt: string;
  mode: MeetingMode;
  location: string | null;
  videoUrl: string | null;
  agenda: string | null;
  status: MeetingStatus;
  statusLabel: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  organiser: PersonRef;
  participants: MeetingParticipant[];
  report: {
    text: string | null;
    recordedBy: PersonRef;
    recordedAt: string;
    agreedActions: MeetingAgreedAction[];
  } | null;
  version: number;
  icsSequence: number;
  createdAt: string;
  permissions: { edit: boolean; recordReport: boolean };
}

export interface MeetingCreate {
  type: MeetingType;
  startsAt: string;
  endsAt: string;
  mode: MeetingMode;
  location?: string | null;
  videoUrl?: string | null;
  agenda?: string | null;
  participants: { staffUserId: string }[];
}

export interface MeetingUpdate {
  startsAt?: string;
  endsAt?: string;
  mode?: MeetingMode;
  location?: string | null;
  videoUrl?: string | null;
  agenda?: string | null;
  status?: 'cancelled';
  cancelReason?: string;
}

export interface MeetingAgreedActionCreate {
  goalId?: string;
  goalTitle?: string;
  description: string;
  owner: PlanActionOwnerChoice;
  dueDate: string;
}

export interface MeetingReportCreate {
  report?: string | null;
  attendance: { participantId: string; attended: boolean }[];
  agreedActions: MeetingAgreedActionCreate[];
}

export interface MeetingReportResult {
  meeting: Meeting;
  contactMomentRecorded: boolean;
  plan: {
    id: string | null;
    version: number | null;
    addedActionIds: string[];
    failed: { index: number; reason: string }[];
  } | null;
}
