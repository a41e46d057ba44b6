-- Team Jongeren (issue 13): the search period (zoektermijn, Participatiewet art. 41 lid 4), what the young person
-- did in it, and exemptions decided by a werkmatcher and confirmed by a senior werkmatcher (four eyes).
-- The dates are a pure rule (src/domain/search-period.ts); the CHECKs below repeat its invariants for the database.

-- The senior werkmatcher: a role next to jobCoach that may confirm (or send back) an exemption.
ALTER TABLE staff_users DROP CONSTRAINT staff_users_roles_check;
ALTER TABLE staff_users ADD CONSTRAINT staff_users_roles_check CHECK (
  cardinality(roles) > 0 AND roles <@ ARRAY['jobCoach', 'teamLead', 'partnerProfessional', 'employerAdvisor',
    'policyOfficer', 'researcher', 'admin', 'privacyOfficer', 'seniorJobCoach']::text[]
);

CREATE TABLE youth_search_periods (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  -- The team that handles the melding (Team Jongeren): the exemption rate is per team and month.
  team_id uuid NOT NULL,
  report_date date NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  -- 'ended' is not stored: it follows from the end date (or the decision to handle the application earlier).
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'exempted', 'withdrawn')),
  -- Art. 41 lid 11 (since 2026): the college handles the application earlier; the reason is recorded.
  handled_early_on date,
  handled_early_reason text CHECK (length(handled_early_reason) BETWEEN 1 AND 2000),
  handled_early_by uuid,
  withdrawn_on date,
  withdrawn_reason text CHECK (length(withdrawn_reason) BETWEEN 1 AND 1000),
  reminded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, handled_early_by) REFERENCES staff_users (municipality_id, id),
  CHECK (start_date = report_date),
  CHECK (end_date = start_date + 28),
  CHECK ((handled_early_on IS NULL) = (handled_early_reason IS NULL) AND (handled_early_on IS NULL) = (handled_early_by IS NULL)),
  CHECK (handled_early_on IS NULL OR handled_early_on >= start_date),
  CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL))
);
CREATE UNIQUE INDEX youth_search_periods_one_per_report ON youth_search_periods (municipality_id, resident_id, report_date);
CREATE INDEX youth_search_periods_resident_idx ON youth_search_periods (municipality_id, resident_id, report_date DESC);
CREATE INDEX youth_search_periods_running_idx ON youth_search_periods (municipality_id, end_date) WHERE status = 'running';
CREATE INDEX youth_search_periods_team_month_idx ON youth_search_periods (municipality_id, team_id, report_date);

-- What the young person did in the period: applications, enquiries at schools, interviews, contact moments.
CREATE TABLE youth_search_activities (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  search_period_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  occurred_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('jobApplication', 'educationEnquiry', 'jobInterview', 'contactMoment', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, search_period_id) REFERENCES youth_search_periods (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX youth_search_activities_period_idx ON youth_search_activities (municipality_id, search_period_id, occurred_on);

-- The exemption: proposed by a werkmatcher with legal basis and reason, counted only once a senior (another person)
-- confirmed it. Sent back: status rejected with the senior's note; the period runs on.
CREATE TABLE youth_exemptions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  search_period_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  team_id uuid NOT NULL,
  legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 300),
  reason_category text NOT NULL CHECK (reason_category IN ('vulnerableSituation', 'ongoingCare', 'statusHolder',
    'specialEducationLeaver', 'medicallyLimited', 'other')),
  reason_text text CHECK (length(reason_text) BETWEEN 1 AND 2000),
  decided_by uuid NOT NULL,
  decided_on date NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text CHECK (length(review_note) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, search_period_id) REFERENCES youth_search_periods (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, reviewed_by) REFERENCES staff_users (municipality_id, id),
  CHECK (reason_category <> 'other' OR reason_text IS NOT NULL),
  -- Four eyes: the reviewer is never the one who decided.
  CHECK (reviewed_by IS NULL OR reviewed_by <> decided_by),
  CHECK ((status = 'pending') = (reviewed_by IS NULL AND reviewed_at IS NULL)),
  CHECK (status <> 'rejected' OR review_note IS NOT NULL)
);
CREATE UNIQUE INDEX youth_exemptions_one_open ON youth_exemptions (municipality_id, search_period_id)
  WHERE status IN ('pending', 'confirmed');
CREATE INDEX youth_exemptions_pending_idx ON youth_exemptions (municipality_id, team_id, created_at) WHERE status = 'pending';
CREATE INDEX youth_exemptions_resident_idx ON youth_exemptions (municipality_id, resident_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['youth_search_periods', 'youth_search_activities', 'youth_exemptions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
    -- Need to know (as migration 202612030010): the werkmatcher's team areas, or the resident himself. The buurtteam
    -- does not see search periods or exemptions (no consent branch): they are the municipality's decisions.
    EXECUTE format($p$CREATE POLICY need_to_know ON %1$I AS RESTRICTIVE USING (
      EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = %1$I.municipality_id AND r.id = %1$I.resident_id
        AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))
      OR %1$I.resident_id = (SELECT samenplan_scope_resident()))$p$, t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON youth_search_periods, youth_exemptions TO samenplan_app;
GRANT SELECT, INSERT ON youth_search_activities TO samenplan_app;

-- The reminder before the end of a search period is a notification of its own kind (worklist's notifications).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('worklistReminder', 'newInCaseload', 'searchPeriodEnding'));

-- The exemption rate per month and team (aggregates only, no resident leaves this function; cells under 10 are
-- suppressed by the youth service before anything is shown): search periods started in the month (withdrawn ones
-- not counted), of which exempted (confirmed by a senior) and pending a senior's check.
CREATE FUNCTION youth_exemption_counts(p_from date, p_to date)
RETURNS TABLE (team_id uuid, team_name text, month text, periods bigint, exempted bigint, pending bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sp.team_id, t.name, to_char(sp.report_date, 'YYYY-MM'), count(*),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM youth_exemptions e WHERE e.municipality_id = sp.municipality_id
      AND e.search_period_id = sp.id AND e.status = 'confirmed')),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM youth_exemptions e WHERE e.municipality_id = sp.municipality_id
      AND e.search_period_id = sp.id AND e.status = 'pending'))
  FROM youth_search_periods sp
  JOIN teams t ON t.municipality_id = sp.municipality_id AND t.id = sp.team_id
  WHERE sp.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid
    AND sp.report_date BETWEEN p_from AND p_to AND sp.status <> 'withdrawn'
  GROUP BY sp.team_id, t.name, to_char(sp.report_date, 'YYYY-MM')
$$;
REVOKE ALL ON FUNCTION youth_exemption_counts(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION youth_exemption_counts(date, date) TO samenplan_app;

-- The reminder job (system scope of one municipality, no individual need-to-know): claims the running search periods
-- ending within the window that were not reminded yet, and says whom to remind (the contact person, else the one
-- who recorded the melding). Ids and dates only: the notification names no resident.
CREATE FUNCTION youth_claim_search_period_reminders(p_today date, p_last date)
RETURNS TABLE (period_id uuid, end_date date, staff_user_id uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  UPDATE youth_search_periods sp SET reminded_at = now()
  WHERE sp.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid
    AND coalesce(current_setting('samenplan.scope_system', true), '') = 'on'
    AND sp.status = 'running' AND sp.reminded_at IS NULL AND sp.end_date > p_today AND sp.end_date <= p_last
    AND (sp.handled_early_on IS NULL OR sp.handled_early_on > p_today)
  RETURNING sp.id, sp.end_date,
    coalesce((SELECT c.contact_person_id FROM cases c WHERE c.municipality_id = sp.municipality_id AND c.resident_id = sp.resident_id
      AND c.status = 'active' AND c.contact_person_id IS NOT NULL LIMIT 1), sp.created_by)
$$;
REVOKE ALL ON FUNCTION youth_claim_search_period_reminders(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION youth_claim_search_period_reminders(date, date) TO samenplan_app;
