// Kysely table types. Keep in step with migrations/*.sql.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface MunicipalitiesTable {
  id: string;
  municipality_id: ColumnType<string, never, never>;
  code: string;
  name: string;
  contact_norm_days: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  area_term: Generated<'wijk' | 'gebied'>;
  partner_team_term: Generated<'buurtteam' | 'gebiedsteam'>;
  /** Mijn Samenplan: "who looked at my file" leaves out staff names (migration 202612051102). */
  portal_hides_staff_names: Generated<boolean>;
}

export interface AreasTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
}

export interface AreaPostcodeRangesTable {
  municipality_id: string;
  area_id: string;
  pc4_from: number;
  pc4_to: number;
}

export interface TeamsTable {
  municipality_id: string;
  id: string;
  name: string;
  kind: Generated<'area' | 'youth'>;
}

export interface TeamAreasTable {
  municipality_id: string;
  team_id: string;
  area_id: string;
}

export interface PartnerOrganisationsTable {
  municipality_id: string;
  id: string;
  name: string;
  kind: Generated<'buurtteam' | 'other'>;
  area_id: string | null;
}

export interface StaffUsersTable {
  municipality_id: string;
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  roles: string[];
  partner_organisation_id: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
  demo_persona: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface TeamMembersTable {
  municipality_id: string;
  team_id: string;
  staff_user_id: string;
  is_lead: Generated<boolean>;
}

export interface ResidentsTable {
  municipality_id: string;
  id: string;
  bsn: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  date_of_birth: DateOnly;
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  area_id: string;
  household_type: string;
  education_level: string;
  phone: string | null;
  email: string | null;
  is_fictitious: Generated<boolean>;
  search_name: ColumnType<string, never, never>;
  sort_name: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  version: Generated<number>;
  /** Mijn Samenplan's demo login (issue 11), demo municipalities only. */
  portal_demo_username: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BenefitsTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  kind: Generated<'bijstand'>;
  start_date: DateOnly;
  end_date: DateOnly | null;
}

export interface CasesTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  status: Generated<'active' | 'closed'>;
  opened_on: DateOnly;
  closed_on: DateOnly | null;
  contact_person_id: string | null;
  contact_person_since: Date | null;
  last_contact_at: Date | null;
  created_at: Generated<Date>;
}

export interface ContactPersonAssignmentsTable {
  municipality_id: string;
  id: string;
  case_id: string;
  resident_id: string;
  staff_user_id: string;
  assigned_at: Timestamp;
  ended_at: Date | null;
  handover_note: string | null;
  assigned_by: string | null;
}

export interface ContactMomentsTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  staff_user_id: string;
  occurred_at: Date;
  channel: string;
  summary: string | null;
  created_at: Generated<Date>;
}

export interface ConsentsTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  partner_organisation_id: string;
  purpose: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  withdrawn_at: Date | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface ProcessingActivitiesTable {
  id: string;
  version: number;
  name_nl: string;
  name_en: string;
  purpose: string;
  legal_basis: string;
  data_categories: string[];
  retention: string;
}

export interface ProcessingLogTable {
  municipality_id: string;
  id: ColumnType<string, never, never>;
  /** Null until sealed (processing_log_seal). */
  seq: ColumnType<string | null, never, never>;
  sealed_at: ColumnType<Date | null, never, never>;
  entry_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  action: string;
  status: 'ok' | 'error';
  started_at: Date;
  ended_at: Date;
  processing_activity_id: string;
  processing_activity_version: number;
  data_subject_type: Generated<string>;
  data_subject_ids: string[];
  actor_id: string;
  actor_role: string;
  prev_hash: ColumnType<Buffer | null, never, never>;
  hash: ColumnType<Buffer | null, never, never>;
  /** 1, 2 or 3 once sealed: which canonical form the hash covers (migrations 202612030001, 202612040010). */
  chain_version: ColumnType<number | null, never, never>;
  /** Why (the privacy officer's lookup, migration 202612040010); null for every other entry. */
  reason: string | null;
}

export interface ProcessingLogEntriesView {
  municipality_id: string;
  id: string;
  seq: string | null;
  entry_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  action: string;
  status: string;
  started_at: Date;
  ended_at: Date;
  processing_activity_id: string;
  processing_activity_version: number;
  data_subject_type: string;
  data_subject_id: string;
  actor_id: string;
  actor_role: string;
}

export interface Database {
  municipalities: MunicipalitiesTable;
  areas: AreasTable;
  area_postcode_ranges: AreaPostcodeRangesTable;
  teams: TeamsTable;
  team_areas: TeamAreasTable;
  partner_organisations: PartnerOrganisationsTable;
  staff_users: StaffUsersTable;
  team_members: TeamMembersTable;
  residents: ResidentsTable;
  benefits: BenefitsTable;
  cases: CasesTable;
  contact_person_assignments: ContactPersonAssignmentsTable;
  contact_moments: ContactMomentsTable;
  consents: ConsentsTable;
  processing_activities: ProcessingActivitiesTable;
  processing_log: ProcessingLogTable;
  processing_log_entries: ProcessingLogEntriesView;
}
