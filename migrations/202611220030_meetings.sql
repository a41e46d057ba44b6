-- Meetings (gesprekken): intake, 3-gesprek (resident + buurtteam professional + werkmatcher), follow-up and home
-- visit. Scheduled with participants from the municipality and the buurtteam, sent as an .ics invitation
-- (ics_sequence counts the changes a calendar must apply), and afterwards the report (gespreksverslag), the
-- attendance and the actions agreed. Meetings are rescheduled or cancelled, never deleted: they are the history of
-- the contact with the resident. version is the ETag for If-Match.

CREATE TABLE meetings (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('intake', 'threeWay', 'followUp', 'homeVisit')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN ('inPerson', 'video', 'phone')),
  location text CHECK (length(location) BETWEEN 1 AND 300),
  video_url text CHECK (length(video_url) BETWEEN 1 AND 500 AND video_url LIKE 'https://%'),
  agenda text CHECK (length(agenda) <= 4000),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'noShow', 'cancelled')),
  cancelled_at timestamptz,
  cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 500),
  report text CHECK (length(report) BETWEEN 1 AND 10000),
  report_recorded_by uuid,
  report_recorded_at timestamptz,
  -- What was agreed, as recorded in the report (the actions themselves go into the plan).
  agreed_actions jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(agreed_actions) = 'array'),
  organiser_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  ics_sequence integer NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0),
  CHECK (ends_at > starts_at),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((status IN ('held', 'noShow')) = (report_recorded_at IS NOT NULL)),
  CHECK ((report_recorded_at IS NULL) = (report_recorded_by IS NULL)),
  CHECK (report IS NULL OR report_recorded_at IS NOT NULL),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, organiser_id) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, updated_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, report_recorded_by) REFERENCES staff_users (municipality_id, id)
);
-- The resident's timeline (newest first) and the organiser's agenda.
CREATE INDEX meetings_resident_idx ON meetings (municipality_id, resident_id, starts_at DESC);
CREATE INDEX meetings_organiser_idx ON meetings (municipality_id, organiser_id, starts_at);

CREATE TABLE meeting_participants (
  municipality_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('resident', 'staff', 'partnerProfessional')),
  staff_user_id uuid,
  -- For a buurtteam professional: his organisation when he was invited (the consent that allowed it).
  partner_organisation_id uuid,
  -- NULL until the report says whether he was there.
  attended boolean,
  CHECK ((kind = 'resident') = (staff_user_id IS NULL)),
  CHECK ((kind = 'partnerProfessional') = (partner_organisation_id IS NOT NULL)),
  PRIMARY KEY (municipality_id, meeting_id, id),
  UNIQUE NULLS NOT DISTINCT (municipality_id, meeting_id, staff_user_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meetings (municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, partner_organisation_id) REFERENCES partner_organisations (municipality_id, id)
);
-- "My meetings": a staff member's meetings (werklijst, the buurtteam's landing page).
CREATE INDEX meeting_participants_staff_idx ON meeting_participants (municipality_id, staff_user_id, meeting_id)
  WHERE staff_user_id IS NOT NULL;

-- Row-level security: a second wall behind the scope in the stores.
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meetings
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

ALTER TABLE meeting_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meeting_participants
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

-- Meetings and participants are changed (rescheduled, cancelled, reported, attendance), never deleted.
GRANT SELECT, INSERT, UPDATE ON meetings, meeting_participants TO samenplan_app;
