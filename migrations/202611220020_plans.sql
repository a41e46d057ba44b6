-- One plan per resident: goals (linked to a life domain and optionally a barrier), actions with an owner, due date
-- and status, the resident's agreement, and every version with its field-level changes (optimistic concurrency:
-- plans.version is the ETag; plan_versions is the readable history and what a stale write is shown).

CREATE TABLE plans (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  agreed_on date,
  agreed_how text CHECK (agreed_how IN ('inPerson', 'phone', 'video', 'letter', 'portal')),
  -- The version that recorded the agreement: a later version means the plan changed after the resident agreed.
  agreed_at_version integer,
  agreement_recorded_by uuid,
  closed_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((agreed_on IS NULL) = (agreed_how IS NULL) AND (agreed_on IS NULL) = (agreed_at_version IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, updated_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, agreement_recorded_by) REFERENCES staff_users (municipality_id, id)
);
CREATE UNIQUE INDEX plans_one_active_per_resident ON plans (municipality_id, resident_id) WHERE status = 'active';
CREATE INDEX plans_resident_idx ON plans (municipality_id, resident_id);

CREATE TABLE plan_goals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  life_domain text CHECK (life_domain IN ('finances', 'workAndEducation', 'timeUse', 'housing', 'domesticRelations',
    'mentalHealth', 'physicalHealth', 'substanceUse', 'basicAdl', 'instrumentalAdl', 'socialNetwork',
    'communityParticipation', 'justice')),
  -- Barriers are built in parallel (assessment module); the foreign key follows in a later migration.
  barrier_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
  position integer NOT NULL CHECK (position >= 1),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, plan_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES plans (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX plan_goals_plan_idx ON plan_goals (municipality_id, plan_id, position);

CREATE TABLE plan_actions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  owner_type text NOT NULL CHECK (owner_type IN ('resident', 'jobCoach', 'partnerProfessional', 'otherPartner')),
  owner_staff_user_id uuid,
  owner_partner_organisation_id uuid,
  owner_name text CHECK (length(owner_name) BETWEEN 1 AND 200),
  due_date date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'inProgress', 'done', 'cancelled')),
  completed_at timestamptz,
  position integer NOT NULL CHECK (position >= 1),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (CASE owner_type
    WHEN 'resident' THEN owner_staff_user_id IS NULL AND owner_partner_organisation_id IS NULL AND owner_name IS NULL
    WHEN 'jobCoach' THEN owner_staff_user_id IS NOT NULL AND owner_partner_organisation_id IS NULL AND owner_name IS NULL
    WHEN 'partnerProfessional' THEN owner_staff_user_id IS NOT NULL AND owner_partner_organisation_id IS NOT NULL AND owner_name IS NULL
    ELSE owner_staff_user_id IS NULL AND (owner_name IS NOT NULL OR owner_partner_organisation_id IS NOT NULL)
  END),
  CHECK ((status = 'done') = (completed_at IS NOT NULL)),
  PRIMARY KEY (municipality_id, id),
  -- The goal belongs to the same plan as the action.
  FOREIGN KEY (municipality_id, plan_id, goal_id) REFERENCES plan_goals (municipality_id, plan_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES plans (municipality_id, id),
  FOREIGN KEY (municipality_id, owner_staff_user_id) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, owner_partner_organisation_id) REFERENCES partner_organisations (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX plan_actions_plan_idx ON plan_actions (municipality_id, plan_id, goal_id, position);
-- Worklists: a person's open actions by due date (werkmatcher and buurtteam landing pages).
CREATE INDEX plan_actions_open_owner_idx ON plan_actions (municipality_id, owner_staff_user_id, due_date)
  WHERE status IN ('open', 'inProgress');

-- One row per version: who, when, in which role, a Dutch summary, the field-level changes (with a readable label
-- each) and the whole plan after the change. Append-only for the application.
CREATE TABLE plan_versions (
  municipality_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT now(),
  role text NOT NULL,
  summary text NOT NULL,
  changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
  snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
  PRIMARY KEY (municipality_id, plan_id, version),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES plans (municipality_id, id),
  FOREIGN KEY (municipality_id, changed_by) REFERENCES staff_users (municipality_id, id)
);

-- Row-level security: a second wall behind the scope in the stores.
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plans
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

ALTER TABLE plan_goals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plan_goals
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

ALTER TABLE plan_actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plan_actions
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

ALTER TABLE plan_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON plan_versions
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

-- Plans, goals and actions are changed, never deleted (a plan is closed); the history is append-only.
GRANT SELECT, INSERT, UPDATE ON plans, plan_goals, plan_actions TO samenplan_app;
GRANT SELECT, INSERT ON plan_versions TO samenplan_app;
