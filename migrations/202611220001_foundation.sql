-- Foundation: tenants, organisation, residents, cases, consents, sessions and the processing log.
-- Every tenant table carries municipality_id as the first column of its primary key, so the schema
-- can later be distributed by tenant. Row-level security isolates municipalities per transaction:
-- the application sets `samenplan.municipality_id` with set_config(..., true) at the start of each transaction.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE municipalities (
  id uuid PRIMARY KEY,
  municipality_id uuid GENERATED ALWAYS AS (id) STORED,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  contact_norm_days integer NOT NULL DEFAULT 90 CHECK (contact_norm_days BETWEEN 1 AND 730),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE areas (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE area_postcode_ranges (
  municipality_id uuid NOT NULL,
  area_id uuid NOT NULL,
  pc4_from integer NOT NULL CHECK (pc4_from BETWEEN 1000 AND 9999),
  pc4_to integer NOT NULL CHECK (pc4_to BETWEEN 1000 AND 9999),
  CHECK (pc4_from <= pc4_to),
  PRIMARY KEY (municipality_id, area_id, pc4_from),
  FOREIGN KEY (municipality_id, area_id) REFERENCES areas (municipality_id, id),
  EXCLUDE USING gist (municipality_id WITH =, int4range(pc4_from, pc4_to, '[]') WITH &&)
);

CREATE TABLE teams (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'area' CHECK (kind IN ('area', 'youth')),
  PRIMARY KEY (municipality_id, id)
);

CREATE TABLE team_areas (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  area_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, team_id, area_id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES areas (municipality_id, id)
);

CREATE TABLE partner_organisations (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'buurtteam' CHECK (kind IN ('buurtteam', 'other')),
  area_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES areas (municipality_id, id)
);

CREATE TABLE staff_users (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  email text,
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0 AND roles <@ ARRAY['jobCoach', 'teamLead', 'partnerProfessional', 'employerAdvisor',
      'policyOfficer', 'researcher', 'admin', 'privacyOfficer']::text[]
  ),
  partner_organisation_id uuid,
  oidc_subject text UNIQUE,
  active boolean NOT NULL DEFAULT true,
  -- Shown in the demo login picker (named demo accounts only, not every generated colleague).
  demo_persona boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, partner_organisation_id) REFERENCES partner_organisations (municipality_id, id),
  CHECK (('partnerProfessional' = ANY (roles)) = (partner_organisation_id IS NOT NULL))
);

CREATE TABLE team_members (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  is_lead boolean NOT NULL DEFAULT false,
  PRIMARY KEY (municipality_id, team_id, staff_user_id),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX team_members_staff_idx ON team_members (municipality_id, staff_user_id);

CREATE TABLE residents (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  bsn char(9) NOT NULL CHECK (bsn ~ '^[0-9]{9}$'),
  given_names text NOT NULL CHECK (length(given_names) BETWEEN 1 AND 200),
  family_name_prefix text,
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
  date_of_birth date NOT NULL,
  street text NOT NULL,
  house_number text NOT NULL,
  postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  city text NOT NULL,
  area_id uuid NOT NULL,
  household_type text NOT NULL CHECK (household_type IN ('single', 'singleParent', 'couple', 'coupleWithChildren', 'other')),
  education_level text NOT NULL CHECK (education_level IN ('none', 'primary', 'vmbo', 'mbo1', 'mbo2to4', 'havoVwo', 'hbo', 'wo', 'unknown')),
  phone text,
  email text,
  is_fictitious boolean NOT NULL DEFAULT false,
  search_name text GENERATED ALWAYS AS (
    lower(given_names || ' ' || coalesce(family_name_prefix || ' ', '') || family_name)
  ) STORED,
  sort_name text GENERATED ALWAYS AS (lower(family_name || ', ' || given_names)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, bsn),
  FOREIGN KEY (municipality_id, area_id) REFERENCES areas (municipality_id, id)
);
CREATE INDEX residents_area_name_idx ON residents (municipality_id, area_id, sort_name, id);
CREATE INDEX residents_search_name_trgm_idx ON residents USING gin (search_name gin_trgm_ops);

CREATE TABLE benefits (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'bijstand' CHECK (kind IN ('bijstand')),
  start_date date NOT NULL,
  end_date date,
  CHECK (end_date IS NULL OR end_date >= start_date),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id)
);
CREATE INDEX benefits_resident_idx ON benefits (municipality_id, resident_id);

CREATE TABLE cases (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  opened_on date NOT NULL,
  closed_on date,
  contact_person_id uuid,
  contact_person_since timestamptz,
  last_contact_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, contact_person_id) REFERENCES staff_users (municipality_id, id)
);
CREATE UNIQUE INDEX cases_one_active_per_resident ON cases (municipality_id, resident_id) WHERE status = 'active';
CREATE INDEX cases_contact_person_idx ON cases (municipality_id, contact_person_id, last_contact_at);

CREATE TABLE contact_person_assignments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  handover_note text,
  assigned_by uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX contact_person_assignments_resident_idx ON contact_person_assignments (municipality_id, resident_id, assigned_at);

CREATE TABLE contact_moments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('inPerson', 'phone', 'video', 'homeVisit', 'message')),
  summary text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX contact_moments_resident_idx ON contact_moments (municipality_id, resident_id, occurred_at DESC);

CREATE TABLE consents (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  partner_organisation_id uuid NOT NULL,
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  valid_from date NOT NULL,
  valid_to date,
  withdrawn_at timestamptz,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, partner_organisation_id) REFERENCES partner_organisations (municipality_id, id)
);
CREATE INDEX consents_partner_idx ON consents (municipality_id, partner_organisation_id, resident_id);
CREATE INDEX consents_resident_idx ON consents (municipality_id, resident_id);

-- Register of processing activities (verwerkingsactiviteiten): reference data shipped with the app, versioned.
CREATE TABLE processing_activities (
  id text NOT NULL,
  version integer NOT NULL,
  name_nl text NOT NULL,
  name_en text NOT NULL,
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  data_categories text[] NOT NULL,
  retention text NOT NULL,
  PRIMARY KEY (id, version)
);

-- Logboek Dataverwerkingen. One stored row per processing operation; the logical entries (one per data subject)
-- are the view processing_log_entries. See docs/adr/0004-processing-log-storage.md.
CREATE TABLE processing_log (
  municipality_id uuid NOT NULL,
  seq bigint NOT NULL,
  entry_id uuid NOT NULL,
  trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
  span_id text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$'),
  parent_span_id text CHECK (parent_span_id ~ '^[0-9a-f]{16}$'),
  action text NOT NULL,
  status text NOT NULL CHECK (status IN ('ok', 'error')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  processing_activity_id text NOT NULL,
  processing_activity_version integer NOT NULL,
  data_subject_type text NOT NULL DEFAULT 'resident',
  data_subject_ids text[] NOT NULL CHECK (cardinality(data_subject_ids) > 0),
  actor_id uuid NOT NULL,
  actor_role text NOT NULL,
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (municipality_id, seq),
  FOREIGN KEY (processing_activity_id, processing_activity_version) REFERENCES processing_activities (id, version)
);
CREATE INDEX processing_log_subjects_idx ON processing_log USING gin (data_subject_ids);
CREATE INDEX processing_log_trace_idx ON processing_log (municipality_id, trace_id);

CREATE VIEW processing_log_entries WITH (security_invoker = true) AS
  SELECT l.municipality_id, l.seq, l.entry_id, l.trace_id, l.span_id, l.parent_span_id, l.action, l.status,
         l.started_at, l.ended_at, l.processing_activity_id, l.processing_activity_version,
         l.data_subject_type, s.data_subject_id, l.actor_id, l.actor_role
  FROM processing_log l CROSS JOIN LATERAL unnest(l.data_subject_ids) AS s (data_subject_id);

CREATE TABLE processing_log_chain (
  municipality_id uuid PRIMARY KEY,
  last_seq bigint NOT NULL,
  last_hash bytea NOT NULL
);

CREATE FUNCTION processing_log_digest(
  p_prev bytea, p_municipality_id uuid, p_seq bigint, p_entry_id uuid, p_trace_id text, p_span_id text,
  p_parent_span_id text, p_action text, p_status text, p_started_at timestamptz, p_ended_at timestamptz,
  p_activity_id text, p_activity_version integer, p_subject_type text, p_subject_ids text[], p_actor_id uuid,
  p_actor_role text
) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sha256(p_prev || convert_to(concat_ws(E'\x1f',
    p_municipality_id::text, p_seq::text, p_entry_id::text, p_trace_id, p_span_id, coalesce(p_parent_span_id, ''),
    p_action, p_status,
    to_char(p_started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    to_char(p_ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    p_activity_id, p_activity_version::text, p_subject_type, array_to_string(p_subject_ids, ','),
    p_actor_id::text, p_actor_role), 'UTF8'))
$$;

-- Assigns the sequence number and chains the hash. Runs as the owner, so the application role never touches the chain head.
CREATE FUNCTION processing_log_chain_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head processing_log_chain%ROWTYPE;
BEGIN
  INSERT INTO processing_log_chain (municipality_id, last_seq, last_hash)
    VALUES (NEW.municipality_id, 0, decode(repeat('00', 32), 'hex'))
    ON CONFLICT (municipality_id) DO NOTHING;
  SELECT * INTO head FROM processing_log_chain WHERE municipality_id = NEW.municipality_id FOR UPDATE;
  NEW.seq := head.last_seq + 1;
  NEW.prev_hash := head.last_hash;
  NEW.hash := processing_log_digest(NEW.prev_hash, NEW.municipality_id, NEW.seq, NEW.entry_id, NEW.trace_id,
    NEW.span_id, NEW.parent_span_id, NEW.action, NEW.status, NEW.started_at, NEW.ended_at,
    NEW.processing_activity_id, NEW.processing_activity_version, NEW.data_subject_type, NEW.data_subject_ids,
    NEW.actor_id, NEW.actor_role);
  UPDATE processing_log_chain SET last_seq = NEW.seq, last_hash = NEW.hash WHERE municipality_id = NEW.municipality_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER processing_log_chain_before_insert BEFORE INSERT ON processing_log
  FOR EACH ROW EXECUTE FUNCTION processing_log_chain_row();

-- Server-side sessions. The application role reaches them only through the SECURITY DEFINER functions below.
CREATE TABLE sessions (
  id_hash bytea PRIMARY KEY,
  municipality_id uuid NOT NULL,
  staff_user_id uuid NOT NULL,
  auth_method text NOT NULL CHECK (auth_method IN ('demo', 'oidc')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Row-level security: a second wall behind the policies.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['municipalities', 'areas', 'area_postcode_ranges', 'teams', 'team_areas',
    'partner_organisations', 'staff_users', 'team_members', 'residents', 'benefits', 'cases',
    'contact_person_assignments', 'contact_moments', 'consents', 'processing_log', 'sessions', 'processing_log_chain']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    IF t NOT IN ('sessions', 'processing_log_chain') THEN
      EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
        USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
        WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
    END IF;
  END LOOP;
END
$$;
