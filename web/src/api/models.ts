import type { components, paths } from './schema.gen.ts';

// Friendly names for the generated types of the OpenAPI document (schema.gen.ts). Re-exports only: every shape
// here is the server's (components['schemas'][…] or a part of an operation); nothing is written by hand.

type S = components['schemas'];
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body a path and method accept. */
export type RequestBodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer R;
}
  ? Json<NonNullable<R>>
  : never;
/** The query parameters of a path and method. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
/** The JSON body of the 200 answer of a path and method. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? Json<R>
  : never;

// Session and organisation
export type Session = S['Session'];
export type LoginOptions = ResponseOf<'/session/options', 'get'>;
export type DemoUser = LoginOptions['demoUsers'][number];
/** Permission names as the session lists them (the document types them as strings). */
export type Permission = Session['permissions'][number];
export type Area = S['AreaList']['items'][number];
export type Team = S['TeamList']['items'][number];
export type PartnerOrganisation = S['PartnerOrganisationList']['items'][number];
export type StaffMember = S['StaffList']['items'][number];
export type StaffRoleFilter = NonNullable<QueryOf<'/staff', 'get'>['role']>;
/** A person as the API names one (contact person, who recorded something): id and display name. */
export type PersonRef = S['ContactPersonAssignment']['staffUser'];

// Residents
export type ResidentSummary = S['ResidentSummary'];
export type ResidentList = S['ResidentList'];
export type ResidentListQuery = QueryOf<'/residents', 'get'>;
export type ResidentSort = NonNullable<ResidentListQuery['sort']>;
export type ResidentStatusFilter = NonNullable<ResidentListQuery['status']>;
export type AgeBand = NonNullable<ResidentSummary['ageBand']>;
export type Resident = S['Resident'];
export type ResidentCreate = S['ResidentCreateInput'];
export type ResidentUpdate = S['ResidentUpdateInput'];
export type HouseholdType = S['ResidentCreate']['householdType'];
export type EducationLevel = S['ResidentCreate']['educationLevel'];
export type CaseStatus = NonNullable<Resident['case']>['status'];
export type ContactPersonAssignment = S['ContactPersonAssignment'];
export type ContactPersonChange = S['ContactPersonChangeInput'];
export type Consent = S['Consent'];
export type ConsentCreate = S['ConsentCreateInput'];
export type ContactMoment = S['ContactMoment'];
export type ContactMomentCreate = S['ContactMomentCreateInput'];
export type ContactChannel = ContactMoment['channel'];
export type ProcessingLogEntry = S['ProcessingLogEntry'];

// Assessment ("Situatie")
export type ZrmDomain = S['ZrmDomain'];
export type BarrierStatus = S['BarrierStatus'];
export type TrendDirection = S['ZrmDomainTrend']['direction'];
export type Assessment = S['Assessment'];
export type AssessmentHistory = S['AssessmentHistory'];
export type AssessmentCreate = S['AssessmentCreateInput'];
export type ZrmDomainTrend = S['ZrmDomainTrend'];
export type Barrier = S['Barrier'];
export type BarrierCreate = S['BarrierCreateInput'];
export type BarrierUpdate = S['BarrierUpdateInput'];

// The plan
export type Plan = S['Plan'];
export type PlanGoal = S['PlanGoal'];
export type PlanAction = S['PlanAction'];
export type PlanActionOwner = S['PlanActionOwner'];
export type PlanPermissions = S['PlanPermissions'];
export type PlanVersion = S['PlanVersion'];
export type PlanConflict = S['PlanConflict'];
export type PlanGoalStatus = PlanGoal['status'];
export type PlanActionStatus = PlanAction['status'];
export type AgreementChannel = NonNullable<Plan['agreement']>['how'];
export type PlanCreate = S['PlanCreateInput'];
export type PlanUpdate = S['PlanUpdateInput'];
export type PlanGoalCreate = S['PlanGoalCreateInput'];
export type PlanGoalUpdate = S['PlanGoalUpdateInput'];
export type PlanActionCreate = S['PlanActionCreateInput'];
export type PlanActionUpdate = S['PlanActionUpdateInput'];
export type PlanActionOwnerChoice = S['PlanActionOwnerChoiceInput'];

// Meetings
export type Meeting = S['Meeting'];
export type MeetingType = S['MeetingType'];
export type MeetingMode = S['MeetingMode'];
export type MeetingStatus = S['MeetingStatus'];
export type MeetingCreate = S['MeetingCreateInput'];
export type MeetingUpdate = S['MeetingUpdateInput'];
export type MeetingReportCreate = S['MeetingReportCreateInput'];
export type MeetingAgreedActionCreate = S['MeetingAgreedActionCreateInput'];
export type MeetingReportResult = S['MeetingReportResult'];

// Worklist and notifications
export type Worklist = S['Worklist'];
export type WorklistLink = S['WorklistLink'];
export type AppNotification = S['Notification'];
export type NotificationList = S['NotificationList'];

// Team (teamleider)
export type TeamCaseloads = S['TeamCaseloads'];
export type TeamCaseload = TeamCaseloads['teams'][number];
export type ReassignmentCreate = RequestBodyOf<'/team/reassignments', 'post'>;
export type ReassignmentResult = S['ReassignmentResult'];
export type CatchUpCriteria = S['CatchUpCriteria'];
export type CatchUpPreviewRequest = RequestBodyOf<'/catch-up-campaigns/preview', 'post'>;
export type CatchUpPreview = S['CatchUpPreview'];
export type CatchUpCreate = RequestBodyOf<'/catch-up-campaigns', 'post'>;
export type CatchUpDivision = NonNullable<CatchUpCreate['division']>;
export type CatchUpCampaign = S['CatchUpCampaign'];
export type CatchUpCampaignDetail = S['CatchUpCampaignDetail'];
export type CatchUpMoves = S['CatchUpMoves'];

// ESCO
export type EscoSearchHit = S['EscoOccupationHit'];
export type EscoOccupation = S['EscoOccupation'];

// Employers
export type EmployerSummary = S['EmployerSummary'];
export type EmployerList = S['EmployerList'];
export type Employer = S['Employer'];
export type EmployerLocation = S['EmployerLocation'];
export type EmployerContact = S['EmployerContact'];
export type Agreement = S['EmployerAgreement'];
export type AgreementSummary = S['EmployerAgreementSummary'];
export type AgreementKind = Agreement['kind'];
export type EmployerCreate = RequestBodyOf<'/employers', 'post'>;
export type LocationCreate = RequestBodyOf<'/employers/{id}/locations', 'post'>;
export type ContactCreate = RequestBodyOf<'/employers/{id}/contacts', 'post'>;
export type AgreementCreate = RequestBodyOf<'/employers/{id}/agreements', 'post'>;

// Vacancies
export type VacancySummary = S['VacancySummary'];
export type VacancyList = S['VacancyList'];
export type Vacancy = S['Vacancy'];
export type VacancyStatus = Vacancy['status'];
export type ContractType = Vacancy['contractType'];
export type Instrument = Vacancy['instruments'][number];
export type TimeWindow = S['TimeWindow'];
export type VacancyQuery = QueryOf<'/vacancies', 'get'>;
export type VacancyCreate = RequestBodyOf<'/vacancies', 'post'>;
export type VacancyUpdate = RequestBodyOf<'/vacancies/{id}', 'patch'>;

// Matching
export type WorkProfile = S['WorkProfile'];
export type WorkProfileBody = RequestBodyOf<'/residents/{id}/work-profile', 'put'>;
export type Contribution = S['MatchContribution'];
export type Criterion = Contribution['criterion'];
export type Match = S['VacancyMatch'];
export type MatchList = S['VacancyMatches'];
export type Proposal = S['Proposal'];
export type ProposalStatus = Proposal['status'];
export type ProposalCreate = RequestBodyOf<'/residents/{id}/proposals', 'post'>;
export type ResidentResponse = RequestBodyOf<'/proposals/{id}/resident-response', 'post'>;
export type ResponseHow = ResidentResponse['how'];

// Candidates (the employer advisor's anonymous presentation)
export type Candidate = S['Candidate'];
export type CandidateList = S['CandidateList'];
export type CandidateStatus = Candidate['status'];
export type CandidateQuery = QueryOf<'/candidates', 'get'>;
export type AnonymousProfile = S['AnonymousProfile'];

// Placements
export type Placement = S['Placement'];
export type FollowUp = S['PlacementFollowUp'];
export type FollowUpMonths = FollowUp['months'];
export type Outflow = Placement['outflow'];
export type PlacementCreate = RequestBodyOf<'/placements', 'post'>;
export type FollowUpWrite = RequestBodyOf<'/placements/{id}/follow-ups/{months}', 'put'>;

// Fairness monitor and the Algoritmeregister
export type FairnessMonitor = S['FairnessMonitor'];
export type FairnessMonitorQuery = QueryOf<'/fairness/monitor', 'get'>;
export type FairnessDimension = FairnessMonitor['dimension'];
export type FairnessStage = FairnessMonitor['stages'][number];
export type FairnessGroup = FairnessMonitor['groups'][number];
export type AlgorithmRegisterEntry = S['AlgorithmRegisterEntry'];

// The values of the enumerations, in the document's order (generated arrays).
export {
  candidateStatusValues as candidateStatuses,
  contactMomentChannelValues as contactChannels,
  employerAgreementKindValues as agreementKinds,
  fairnessMonitorDimensionValues as fairnessDimensions,
  fairnessMonitorStagesValues as fairnessStages,
  meetingModeValues as meetingModes,
  meetingStatusValues as meetingStatuses,
  meetingTypeValues as meetingTypes,
  barrierStatusValues as barrierStatuses,
  pathsCatchUpCampaignsPostRequestBodyContentApplicationJsonDivisionValues as catchUpDivisions,
  pathsResidentsGetParametersQuerySortValues as residentSorts,
  pathsResidentsGetParametersQueryStatusValues as residentStatusFilters,
  pathsProposalsIdResidentResponsePostRequestBodyContentApplicationJsonHowValues as responseHows,
  pathsVacanciesGetParametersQueryStatusValues as vacancyStatuses,
  placementOutflowValues as outflows,
  planActionStatusValues as planActionStatuses,
  planAgreementHowValues as agreementChannels,
  planGoalStatusValues as planGoalStatuses,
  proposalStatusValues as proposalStatuses,
  residentCreateEducationLevelValues as educationLevels,
  residentCreateHouseholdTypeValues as householdTypes,
  vacancyContractTypeValues as contractTypes,
  vacancyInstrumentsValues as instruments,
  zrmDomainValues as zrmDomains,
} from './schema.gen.ts';
