-- Team Jongeren (issue 13): warm handovers (warme overdracht). A partner refers a young person with a context
-- summary, the young person's consent and an urgency; the accompanying professional is invited to the individual
-- intake, a meeting of its own type (youthIntake, meetings module) with its .ics invitation. The intake's report
-- puts the agreed goals and actions into the one plan (meetings module), which starts the plan.

ALTER TABLE meetings DROP CONSTRAINT meetings_type_check;
ALTER TABLE meetings ADD CONSTRAINT meetings_type_check CHECK (type IN ('intake', 'threeWay', 'followUp', 'homeVisit', 'youthIntake'));

CREATE TABLE youth_referrals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  partner_kind text NOT NULL CHECK (partner_kind IN ('youthCare', 'schoolRmc', 'buurtteam', 'healthCare', 'housing', 'youthProbation')),
  partner_organisation_id uuid,
  organisation_name text NOT NULL CHECK (length(organisation_name) BETWEEN 1 AND 200),
  professional_name text NOT NULL CHECK (length(professional_name) BETWEEN 1 AND 200),
  professional_email text CHECK (professional_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(professional_email) <= 200),
  -- When the professional works in Samenplan (a buurtteam professional), she is invited as a participant.
  professional_staff_user_id uuid,
  context_summary text NOT NULL CHECK (length(context_summary) BETWEEN 1 AND 4000),
  consent_on date NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('normal', 'soon', 'urgent')),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'intakePlanned', 'closed')),
  intake_meeting_id uuid,
  received_on date NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, partner_organisation_id) REFERENCES partner_organisations (municipality_id, id),
  FOREIGN KEY (municipality_id, professional_staff_user_id) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, intake_meeting_id) REFERENCES meetings (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  CHECK ((status = 'intakePlanned') <= (intake_meeting_id IS NOT NULL))
);
CREATE INDEX youth_referrals_resident_idx ON youth_referrals (municipality_id, resident_id, received_on DESC);
CREATE INDEX youth_referrals_open_idx ON youth_referrals (municipality_id, received_on) WHERE status <> 'closed';

ALTER TABLE youth_referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE youth_referrals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON youth_referrals
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
-- Need to know (as migration 202612030010): the team areas, or the resident himself.
CREATE POLICY need_to_know ON youth_referrals AS RESTRICTIVE USING (
  EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = youth_referrals.municipality_id AND r.id = youth_referrals.resident_id
    AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))
  OR youth_referrals.resident_id = (SELECT samenplan_scope_resident()));

GRANT SELECT, INSERT, UPDATE ON youth_referrals TO samenplan_app;
