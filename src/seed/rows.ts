/** Plain rows as inserted by the seed (column names as in migrations/*.sql). */

export interface MunicipalityRow {
  id: string;
  code: string;
  name: string;
  contact_norm_days: number;
  is_demo: boolean;
  area_term: 'wijk' | 'gebied';
  partner_team_term: 'buurtteam' | 'gebiedsteam';
}

export interface AreaRow {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
}

export interface PostcodeRangeRow {
  municipality_id: string;
  area_id: string;
  pc4_from: number;
  pc4_to: number;
}

export interface TeamRow {
  municipality_id: string;
  id: string;
  name: string;
  kind: 'area' | 'youth';
}

export interface TeamAreaRow {
  municipality_id: string;
  team_id: string;
  area_id: string;
}

export interface PartnerOrganisationRow {
  municipality_id: string;
  id: string;
  name: string;
  kind: 'buurtteam' | 'other';
  area_id: string | null;
}

export interface StaffRow {
  municipality_id: string;
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  roles: string[];
  partner_organisation_id: string | null;
  demo_persona: boolean;
}

export interface TeamMemberRow {
  municipality_id: string;
  team_id: string;
  staff_user_id: string;
  is_lead: boolean;
}

export interface OrganisationRows {
  municipalities: MunicipalityRow[];
  areas: AreaRow[];
  ranges: PostcodeRangeRow[];
  teams: TeamRow[];
  teamAreas: TeamAreaRow[];
  partnerOrganisations: PartnerOrganisationRow[];
  staff: StaffRow[];
  teamMembers: TeamMemberRow[];
}

export interface ResidentRow {
  municipality_id: string;
  id: string;
  bsn: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  date_of_birth: string;
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  area_id: string;
  household_type: string;
  education_level: string;
  phone: string | null;
  email: string | null;
  is_fictitious: boolean;
}

export interface BenefitRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  kind: 'bijstand';
  start_date: string;
  end_date: string | null;
}

export interface CaseRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  status: 'active';
  opened_on: string;
  closed_on: string | null;
  contact_person_id: string;
  contact_person_since: Date;
  last_contact_at: Date | null;
  /** Set when the resident was placed in work (placements seed). */
  outflow: 'full' | 'partial' | null;
  outflow_on: string | null;
}

export interface AssignmentRow {
  municipality_id: string;
  id: string;
  case_id: string;
  resident_id: string;
  staff_user_id: string;
  assigned_at: Date;
  ended_at: Date | null;
  handover_note: string | null;
  assigned_by: string | null;
}

export interface ContactMomentRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  staff_user_id: string;
  occurred_at: Date;
  channel: string;
  summary: string | null;
  created_at: Date;
}

export interface ConsentRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  partner_organisation_id: string;
  purpose: string;
  valid_from: string;
  valid_to: string | null;
  withdrawn_at: Date | null;
  recorded_by: string | null;
  recorded_at: Date;
}

export interface ZrmAssessmentRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  scored_by: string;
  scored_at: Date;
  note: string | null;
  ladder_rung: number | null;
  created_at: Date;
}

export interface ZrmScoreRow {
  municipality_id: string;
  assessment_id: string;
  domain: string;
  score: number;
}

export interface BarrierRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  domain: string;
  description: string;
  status: 'open' | 'inProgress' | 'resolved';
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  version: number;
}

export interface PlanRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  status: 'active' | 'closed';
  version: number;
  agreed_on: string | null;
  agreed_how: string | null;
  agreed_at_version: number | null;
  agreement_recorded_by: string | null;
  closed_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
}

export interface PlanGoalRow {
  municipality_id: string;
  id: string;
  plan_id: string;
  title: string;
  description: string | null;
  life_domain: string | null;
  barrier_id: string | null;
  status: 'open' | 'achieved' | 'dropped';
  position: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PlanActionRow {
  municipality_id: string;
  id: string;
  plan_id: string;
  goal_id: string;
  description: string;
  owner_type: 'resident' | 'jobCoach' | 'partnerProfessional' | 'otherPartner';
  owner_staff_user_id: string | null;
  owner_partner_organisation_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: 'open' | 'inProgress' | 'done' | 'cancelled';
  completed_at: Date | null;
  position: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PlanVersionRow {
  municipality_id: string;
  plan_id: string;
  version: number;
  changed_by: string | null;
  changed_at: Date;
  role: string;
  summary: string;
  /** JSON text (jsonb array). */
  changes: string;
  /** JSON text (jsonb object). */
  snapshot: string;
}

export interface MeetingRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  type: 'intake' | 'threeWay' | 'followUp' | 'homeVisit';
  starts_at: Date;
  ends_at: Date;
  mode: 'inPerson' | 'video' | 'phone';
  location: string | null;
  video_url: string | null;
  agenda: string | null;
  status: 'planned' | 'held' | 'noShow' | 'cancelled';
  cancelled_at: Date | null;
  cancel_reason: string | null;
  report: string | null;
  report_recorded_by: string | null;
  report_recorded_at: Date | null;
  /** JSON text (jsonb array). */
  agreed_actions: string;
  organiser_id: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  version: number;
  ics_sequence: number;
}

export interface MeetingParticipantRow {
  municipality_id: string;
  meeting_id: string;
  id: string;
  kind: 'resident' | 'staff' | 'partnerProfessional';
  staff_user_id: string | null;
  partner_organisation_id: string | null;
  attended: boolean | null;
}

export interface NotificationRow {
  municipality_id: string;
  id: string;
  staff_user_id: string;
  kind: 'worklistReminder' | 'newInCaseload' | 'residentRequest';
  title: string;
  body: string | null;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  emailed_at: Date | null;
  dedupe_key: string;
}

export interface WorkProfileRow {
  municipality_id: string;
  resident_id: string;
  /** JSON text: [{ escoCode, label, iscoGroup }]. */
  desired_occupations: string;
  desired_isco_groups: string[];
  skills: string[];
  /** JSON text: [{ description, years }]. */
  experience: string;
  education: string | null;
  hours_min: number;
  hours_max: number;
  /** JSON text: TimeWindow[]. */
  availability: string;
  /** 336 characters of 0 and 1. */
  availability_mask: string;
  max_travel_km: number | null;
  lat: number | null;
  lon: number | null;
  has_driving_licence: boolean;
  preferred_contract_types: string[];
  preferred_sectors: string[];
  preferences_note: string | null;
  version: number;
  updated_by: string;
  updated_at: Date;
}

export interface MatchExposureRow {
  municipality_id: string;
  id: string;
  shown_at: Date;
  direction: 'vacanciesForResident' | 'residentsForVacancy';
  resident_id: string;
  vacancy_id: string;
  rank: number;
  score: number;
  matcher_version: string;
  shown_to: string;
}

export interface MatchProposalRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  vacancy_id: string;
  score: number;
  /** JSON text: Contribution[]. */
  explanation: string;
  matcher_version: string;
  status: string;
  note: string | null;
  proposed_by: string;
  proposed_at: Date;
  resident_response_at: Date | null;
  resident_response_how: string | null;
  presented_by: string | null;
  presented_at: Date | null;
  /** JSON text or null. */
  anonymous_profile: string | null;
  candidate_code: string | null;
  interview_committed_at: Date | null;
  revealed_by: string | null;
  revealed_at: Date | null;
  closed_at: Date | null;
  version: number;
  updated_at: Date;
}

export interface PlacementRow {
  municipality_id: string;
  id: string;
  resident_id: string;
  employer_id: string;
  vacancy_id: string | null;
  proposal_id: string | null;
  agreement_id: string | null;
  start_date: string;
  end_date: string | null;
  contract_type: 'permanent' | 'temporary' | 'agency';
  hours_per_week: number;
  hourly_wage: number | null;
  instrument: string | null;
  outflow: 'full' | 'partial';
  status: 'active' | 'ended';
  created_by: string;
  created_at: Date;
}

export interface PlacementFollowUpRow {
  municipality_id: string;
  placement_id: string;
  months: number;
  due_on: string;
  done_on: string | null;
  still_employed: boolean | null;
  note: string | null;
  recorded_by: string | null;
}

export interface FairnessGroupRow {
  municipality_id: string;
  resident_id: string;
  gender: 'female' | 'male' | 'other' | null;
  migration_background: 'none' | 'western' | 'nonWestern' | null;
  basis: 'selfReported' | 'cbsLinkage';
  recorded_at: Date;
}

export interface ResidentRows {
  residents: ResidentRow[];
  benefits: BenefitRow[];
  cases: CaseRow[];
  assignments: AssignmentRow[];
  moments: ContactMomentRow[];
  consents: ConsentRow[];
  assessments: ZrmAssessmentRow[];
  scores: ZrmScoreRow[];
  barriers: BarrierRow[];
  plans: PlanRow[];
  goals: PlanGoalRow[];
  actions: PlanActionRow[];
  planVersions: PlanVersionRow[];
  meetings: MeetingRow[];
  participants: MeetingParticipantRow[];
  notifications: NotificationRow[];
  workProfiles: WorkProfileRow[];
  fairness: FairnessGroupRow[];
  exposures: MatchExposureRow[];
  proposals: MatchProposalRow[];
  placements: PlacementRow[];
  followUps: PlacementFollowUpRow[];
}

export function emptyResidentRows(): ResidentRows {
  return {
    residents: [],
    benefits: [],
    cases: [],
    assignments: [],
    moments: [],
    consents: [],
    assessments: [],
    scores: [],
    barriers: [],
    plans: [],
    goals: [],
    actions: [],
    planVersions: [],
    meetings: [],
    participants: [],
    notifications: [],
    workProfiles: [],
    fairness: [],
    exposures: [],
    proposals: [],
    placements: [],
    followUps: [],
  };
}

export interface EmployerRow {
  municipality_id: string;
  id: string;
  name: string;
  sector: string;
  kvk_number: string | null;
  website: string | null;
  notes: string | null;
  account_manager_id: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface EmployerLocationRow {
  municipality_id: string;
  id: string;
  employer_id: string;
  name: string;
  street: string | null;
  house_number: string | null;
  postcode: string;
  city: string;
  lat: number | null;
  lon: number | null;
}

export interface EmployerContactRow {
  municipality_id: string;
  id: string;
  employer_id: string;
  name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
}

export interface EmployerAgreementRow {
  municipality_id: string;
  id: string;
  employer_id: string;
  kind: 'intention' | 'antiDiscrimination';
  title: string;
  target_group: string | null;
  pledged_placements: number | null;
  period_start: string;
  period_end: string;
  signed_on: string | null;
  notes: string | null;
  created_by: string;
  created_at: Date;
}

export interface VacancyRow {
  municipality_id: string;
  id: string;
  employer_id: string;
  location_id: string | null;
  title: string;
  description: string | null;
  esco_code: string;
  occupation_label: string;
  isco_group: string;
  required_skills: string[];
  nice_to_have_skills: string[];
  hours_per_week: number;
  /** JSON text: TimeWindow[]. */
  schedule: string;
  /** 336 characters of 0 and 1. */
  schedule_mask: string;
  postcode: string;
  lat: number | null;
  lon: number | null;
  contract_type: 'permanent' | 'temporary' | 'agency';
  instruments: string[];
  driving_licence_required: boolean;
  job_carving_notes: string | null;
  status: 'draft' | 'open' | 'filled' | 'closed';
  closing_date: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface EmployerRows {
  employers: EmployerRow[];
  locations: EmployerLocationRow[];
  contacts: EmployerContactRow[];
  agreements: EmployerAgreementRow[];
  vacancies: VacancyRow[];
}

export function emptyOrganisationRows(): OrganisationRows {
  return {
    municipalities: [],
    areas: [],
    ranges: [],
    teams: [],
    teamAreas: [],
    partnerOrganisations: [],
    staff: [],
    teamMembers: [],
  };
}
