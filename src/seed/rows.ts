/** Plain rows as inserted by the seed (column names as in migrations/*.sql). */

export interface MunicipalityRow {
  id: string;
  code: string;
  name: string;
  contact_norm_days: number;
  is_demo: boolean;
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

export interface ResidentRows {
  residents: ResidentRow[];
  benefits: BenefitRow[];
  cases: CaseRow[];
  assignments: AssignmentRow[];
  moments: ContactMomentRow[];
  consents: ConsentRow[];
}

export function emptyResidentRows(): ResidentRows {
  return { residents: [], benefits: [], cases: [], assignments: [], moments: [], consents: [] };
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
