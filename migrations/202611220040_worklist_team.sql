-- Worklist and contact guarantee, in-app notifications, the job outbox, and catch-up campaigns (inhaalslag).
-- See docs/adr/0007-worklist-read-model.md.

-- Jobs are enqueued in the transaction of the change that causes them (ARCHITECTURE rule 7): the application writes
-- a row here; after commit a dispatcher (owner connection, src/platform/jobs) moves it into pg-boss (schema pgboss,
-- created by pg-boss itself) in one transaction, with the row id as the job id. A rolled-back request leaves no row.
CREATE TABLE job_outbox (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  queue text NOT NULL CHECK (queue ~ '^[a-z][a-z0-9-]{0,49}$'),
  data jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(data) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX job_outbox_created_idx ON job_outbox (created_at);

-- In-app notifications for one staff member. No personal data beyond what the recipient may see (counts, links).
-- dedupe_key makes every producer idempotent: a job delivered twice inserts once.
CREATE TABLE notifications (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('worklistReminder', 'newInCaseload')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text CHECK (length(body) <= 1000),
  link text CHECK (link ~ '^/[A-Za-z0-9/_?=&.-]*$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz,
  dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, dedupe_key),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX notifications_staff_idx ON notifications (municipality_id, staff_user_id, created_at DESC);

-- A catch-up campaign of one team: the criteria it selected with, and who got which resident.
-- Coverage (contacted after the start, with an active plan) is derived from contact moments and plans when read.
CREATE TABLE catch_up_campaigns (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  team_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  criteria jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'object'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX catch_up_campaigns_team_idx ON catch_up_campaigns (municipality_id, team_id, created_at DESC);

CREATE TABLE catch_up_campaign_residents (
  municipality_id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  assigned_to uuid NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, campaign_id, resident_id),
  FOREIGN KEY (municipality_id, campaign_id) REFERENCES catch_up_campaigns (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, assigned_to) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX catch_up_campaign_residents_resident_idx ON catch_up_campaign_residents (municipality_id, resident_id);

-- Worklist read model: a werkmatcher's own open actions are found through plan_actions_open_owner_idx; contact
-- moments by resident through contact_moments_resident_idx; the caseload through cases_contact_person_idx.

ALTER TABLE job_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE catch_up_campaigns ENABLE ROW LEVEL SECURITY;
ALTER TABLE catch_up_campaign_residents ENABLE ROW LEVEL SECURITY;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['job_outbox', 'notifications', 'catch_up_campaigns', 'catch_up_campaign_residents']
  LOOP
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
  END LOOP;
END
$$;

-- The application only adds to the outbox; moving rows out is the dispatcher's (owner) work.
GRANT INSERT ON job_outbox TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON notifications TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON catch_up_campaigns TO samenplan_app;
GRANT SELECT, INSERT ON catch_up_campaign_residents TO samenplan_app;

-- The nightly reminder job works per municipality inside a tenant transaction (row-level security applies); this
-- function only tells it which municipalities exist, before any tenant is set. It returns ids, nothing else.
CREATE FUNCTION jobs_municipality_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT id FROM municipalities ORDER BY id
$$;
REVOKE ALL ON FUNCTION jobs_municipality_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jobs_municipality_ids() TO samenplan_app;
