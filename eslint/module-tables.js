// Who owns which table, and which other modules' tables a module may touch in its stores (docs/ARCHITECTURE.md,
// "Module boundaries"). A module reads another module's data through that module's service; where a read model
// or a use case needs the rows themselves, the crossing is named here with its reason, so it is reviewed once
// and a new one fails the lint (eslint/module-boundaries.js). test/unit/module-tables.test.ts checks that every
// table the migrations create has an owner.

/** table → owning module (folder under src/modules), or 'platform' (src/platform). */
export const OWNERS = {
  municipalities: 'organisation',
  areas: 'organisation',
  area_postcode_ranges: 'organisation',
  teams: 'organisation',
  team_areas: 'organisation',
  team_members: 'organisation',
  partner_organisations: 'organisation',
  staff_users: 'organisation',
  residents: 'residents',
  benefits: 'residents',
  cases: 'residents',
  consents: 'residents',
  contact_moments: 'residents',
  contact_person_assignments: 'residents',
  zrm_assessments: 'assessments',
  zrm_scores: 'assessments',
  barriers: 'assessments',
  plans: 'plans',
  plan_goals: 'plans',
  plan_actions: 'plans',
  plan_versions: 'plans',
  meetings: 'meetings',
  meeting_participants: 'meetings',
  notifications: 'worklist',
  catch_up_campaigns: 'team',
  catch_up_campaign_residents: 'team',
  employers: 'employers',
  employer_locations: 'employers',
  employer_contacts: 'employers',
  employer_agreements: 'employers',
  vacancies: 'vacancies',
  work_profiles: 'matching',
  match_proposals: 'matching',
  match_exposures: 'matching',
  placements: 'placements',
  placement_follow_ups: 'placements',
  fairness_group_data: 'fairness',
  studies: 'studies',
  study_arms: 'studies',
  study_participants: 'studies',
  import_runs: 'imports',
  webhook_subscriptions: 'webhooks',
  webhook_deliveries: 'webhooks',
  youth_search_periods: 'youth',
  youth_search_activities: 'youth',
  youth_exemptions: 'youth',
  youth_referrals: 'youth',
  youth_provision_settings: 'youth',
  youth_provision_budgets: 'youth',
  youth_provisions: 'youth',
  youth_case_reviews: 'youth',
  youth_case_review_items: 'youth',
  resident_messages: 'messages',
  outflows: 'outflow',
  partial_work: 'outflow',
  programmes: 'programmes',
  programme_action_lines: 'programmes',
  programme_expenditures: 'programmes',
  programme_figures: 'programmes',
  programme_kpis: 'programmes',
  programme_refreshes: 'programmes',
  programme_refresh_runs: 'programmes',
  programme_snapshots: 'programmes',
  processing_activities: 'platform',
  processing_log: 'platform',
  processing_log_chain: 'platform',
  processing_log_checkpoints: 'platform',
  sessions: 'platform',
  job_outbox: 'platform',
  login_rate_limits: 'platform',
  api_clients: 'platform',
  api_client_tokens: 'platform',
  retention_runs: 'platform',
  erasure_requests: 'privacy',
  schema_migrations: 'platform',
};

/** Reference data every module may read (the organisation: who works where, which areas, which partners). */
export const SHARED_READS = ['municipalities', 'areas', 'area_postcode_ranges', 'teams', 'team_areas', 'team_members', 'partner_organisations', 'staff_users'];

/** Named crossings: module → { table: reason }. Reads unless listed under WRITES. */
export const READS = {
  messages: {
    residents: "the werklijst's unread messages name the resident; the e-mail job reads the resident's address (his own scope)",
    cases: "the werklijst's unread messages: only residents of whom the werkmatcher is the contact person",
  },
  studies: {
    residents: 'enrolment: the resident in scope (RLS) and his area, the stratum of the lottery (issue 14)',
  },
  worklist: {
    residents: 'read model of the werklijst (ADR 0007): names and areas of the rows shown',
    cases: 'read model: contact person, last contact, opening date',
    contact_person_assignments: 'read model: handover notes of new residents',
    plans: 'read model: due and overdue actions',
    plan_goals: 'read model: due and overdue actions',
    plan_actions: 'read model: due and overdue actions',
    meetings: 'read model: meetings of this week',
    meeting_participants: 'read model: meetings the caller takes part in',
    consents: "the buurtteam's werklijst: consents for his organisation that end soon",
  },
  team: {
    residents: 'caseloads and catch-up selection per werkmatcher',
    cases: 'caseloads and catch-up selection per werkmatcher',
    benefits: 'catch-up criterion: months on benefit',
    contact_moments: 'catch-up coverage: contacted after the start',
    plans: 'caseload figures and catch-up coverage: with an active plan',
  },
  matching: {
    residents: 'names of the residents in the list of candidates for a vacancy',

    vacancies: 'the vacancies matched against',
    employers: 'employer names in the list of matches',
    employer_locations: 'vacancy locations for travel distance',
  },
  candidates: {
    match_proposals: 'the candidate steps are steps of the proposal',
    work_profiles: 'the anonymous profile is copied from the work profile',
    residents: 'the identity after the reveal',
    vacancies: 'the vacancy a candidate is presented for',
    employers: 'the employer a candidate is presented to',
    employer_locations: 'the vacancy location',
    placements: 'the placement recorded for a proposal',
  },
  placements: {
    residents: 'names in the placement list',
    cases: 'a full outflow is recorded on the case',
    match_proposals: 'the proposal a placement comes from (placed)',
    vacancies: 'the vacancy filled',
    employers: 'employer names',
    employer_agreements: 'the agreement the placement counts towards',
  },
  residents: {
    plans: 'the caseload shows the plan status of each resident (UX.md)',
    meetings: 'the caseload shows the next meeting of each resident (UX.md)',
  },
  employers: {
    vacancies: 'an employer page lists its vacancies',
  },
  privacy: {
    processing_log: "the privacy officer's view of the log: a resident's entries, filters, the subject access export",
    processing_activities: 'the activity of each log entry (name, purpose, legal basis)',
  },
  outflow: {
    residents: "retention (issue 16, ADR 0033): the module's data of a file the residents module pseudonymised (expired or erased)",
  },
  meetings: {
    residents: "retention (issue 16, ADR 0033): the module's data of a file the residents module pseudonymised (expired or erased)",
  },
  youth: {
    residents: "names, date of birth (under 27 on the report date) and area of the young people in Team Jongeren's lists",
    cases: "the contact person: the werkmatcher's own young people and the werklijst's countdowns",
    meetings: 'the start of the intake planned for a warm handover (the meeting is written by the meetings service)',
  },
  vacancies: {
    employers: 'the employer of a vacancy (name, existence check)',
    employer_locations: 'the location a vacancy is at',
  },
};

/** Named crossings that write: module → { table: reason }. */
export const WRITES = {
  candidates: { match_proposals: 'the candidate steps (present, interview, reject, reveal) change the proposal' },
  placements: {
    cases: 'a full outflow is recorded on the case in the placement transaction',
    match_proposals: 'the proposal becomes placed in the placement transaction',
  },
};
