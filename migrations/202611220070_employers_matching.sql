-- Employers, agreements, vacancies, resident work profiles, explainable matching, anonymous candidate presentation,
-- placements with follow-up (nazorg) and the data the fairness monitor aggregates. See docs/adr/0009-matching.md.
--
-- Schedules and availability are stored twice: as readable windows (jsonb: [{ "day": 1..7, "from": "09:00",
-- "to": "14:30" }], half-hour steps) and as a 336-bit mask (7 days x 48 half hours, Monday 00:00 first) so that
-- "the vacancy's hours fall within the resident's available hours" is one bit operation in SQL:
--   (vacancy.schedule_mask & ~profile.availability_mask) = zero mask.
-- Locations are the approximate centre of the four-digit postcode (lat/lon), never the street address; they are only
-- used for the hard constraint "within the resident's own maximum travel distance".

CREATE TABLE employers (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  sector text NOT NULL CHECK (length(sector) BETWEEN 1 AND 100),
  kvk_number char(8) CHECK (kvk_number ~ '^[0-9]{8}$'),
  website text CHECK (length(website) <= 300),
  notes text CHECK (length(notes) <= 2000),
  account_manager_id uuid,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, account_manager_id) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX employers_name_idx ON employers (municipality_id, lower(name));

CREATE TABLE employer_locations (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  employer_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  street text CHECK (length(street) <= 200),
  house_number text CHECK (length(house_number) <= 20),
  postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, employer_id, id),
  FOREIGN KEY (municipality_id, employer_id) REFERENCES employers (municipality_id, id)
);

-- Business contacts at the employer (name, function, work e-mail/phone).
CREATE TABLE employer_contacts (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  employer_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  job_title text CHECK (length(job_title) <= 200),
  email text CHECK (length(email) <= 200),
  phone text CHECK (length(phone) <= 40),
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, employer_id) REFERENCES employers (municipality_id, id)
);

-- intention: an intention agreement (intentieverklaring) pledging placements for the target group in a period;
-- antiDiscrimination: an accord against discrimination in hiring (no pledged number).
CREATE TABLE employer_agreements (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  employer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('intention', 'antiDiscrimination')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  target_group text CHECK (length(target_group) <= 500),
  pledged_placements integer CHECK (pledged_placements BETWEEN 1 AND 100000),
  period_start date NOT NULL,
  period_end date NOT NULL,
  signed_on date,
  notes text CHECK (length(notes) <= 2000),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start),
  CHECK (kind <> 'intention' OR pledged_placements IS NOT NULL),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, employer_id, id),
  FOREIGN KEY (municipality_id, employer_id) REFERENCES employers (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX employer_agreements_employer_idx ON employer_agreements (municipality_id, employer_id);

CREATE TABLE vacancies (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  employer_id uuid NOT NULL,
  location_id uuid,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 5000),
  -- ESCO occupation (code and Dutch label as chosen; the 4-digit ISCO-08 group for occupation distance).
  esco_code text NOT NULL CHECK (length(esco_code) BETWEEN 1 AND 40),
  occupation_label text NOT NULL CHECK (length(occupation_label) BETWEEN 1 AND 300),
  isco_group char(4) NOT NULL CHECK (isco_group ~ '^[0-9]{4}$'),
  required_skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(required_skills) <= 30),
  nice_to_have_skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(nice_to_have_skills) <= 30),
  hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  schedule jsonb NOT NULL CHECK (jsonb_typeof(schedule) = 'array'),
  schedule_mask bit(336) NOT NULL,
  postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  lat double precision,
  lon double precision,
  contract_type text NOT NULL CHECK (contract_type IN ('permanent', 'temporary', 'agency')),
  instruments text[] NOT NULL DEFAULT '{}'
    CHECK (instruments <@ ARRAY['wageCostSubsidy', 'trialPlacement', 'jobCoaching', 'noRiskPolicy']::text[]),
  driving_licence_required boolean NOT NULL DEFAULT false,
  job_carving_notes text CHECK (length(job_carving_notes) <= 2000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'filled', 'closed')),
  closing_date date,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, employer_id) REFERENCES employers (municipality_id, id),
  FOREIGN KEY (municipality_id, employer_id, location_id) REFERENCES employer_locations (municipality_id, employer_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX vacancies_employer_idx ON vacancies (municipality_id, employer_id);
CREATE INDEX vacancies_open_idx ON vacancies (municipality_id, hours_per_week) WHERE status = 'open';

-- The work profile of a resident (one per resident). Filled by staff now; by the resident in the portal later.
CREATE TABLE work_profiles (
  municipality_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  -- [{ "escoCode", "label", "iscoGroup" }]
  desired_occupations jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(desired_occupations) = 'array'),
  desired_isco_groups text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 50),
  -- [{ "description", "years" }]
  experience jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(experience) = 'array'),
  education text CHECK (length(education) <= 500),
  hours_min numeric(4, 1) NOT NULL DEFAULT 0 CHECK (hours_min >= 0 AND hours_min <= 60),
  hours_max numeric(4, 1) NOT NULL CHECK (hours_max > 0 AND hours_max <= 60),
  availability jsonb NOT NULL CHECK (jsonb_typeof(availability) = 'array'),
  availability_mask bit(336) NOT NULL,
  max_travel_km integer CHECK (max_travel_km BETWEEN 1 AND 300),
  -- Approximate centre of the resident's PC4, copied when the profile is saved (for the travel constraint only).
  lat double precision,
  lon double precision,
  has_driving_licence boolean NOT NULL DEFAULT false,
  preferred_contract_types text[] NOT NULL DEFAULT '{}'
    CHECK (preferred_contract_types <@ ARRAY['permanent', 'temporary', 'agency']::text[]),
  preferred_sectors text[] NOT NULL DEFAULT '{}',
  preferences_note text CHECK (length(preferences_note) <= 1000),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (hours_min <= hours_max),
  PRIMARY KEY (municipality_id, resident_id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, updated_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX work_profiles_hours_idx ON work_profiles (municipality_id, hours_min, hours_max);

-- Every list of recommendations shown (top 10 stored per list) for the fairness monitor's exposure figures.
CREATE TABLE match_exposures (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  shown_at timestamptz NOT NULL DEFAULT now(),
  direction text NOT NULL CHECK (direction IN ('vacanciesForResident', 'residentsForVacancy')),
  resident_id uuid NOT NULL,
  vacancy_id uuid NOT NULL,
  rank integer NOT NULL CHECK (rank BETWEEN 1 AND 10),
  score numeric(6, 2) NOT NULL,
  matcher_version text NOT NULL,
  shown_to uuid NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, vacancy_id) REFERENCES vacancies (municipality_id, id)
);
CREATE INDEX match_exposures_shown_idx ON match_exposures (municipality_id, shown_at);

-- A person decides: the werkmatcher proposes a vacancy to a resident (with the score, its explanation and the
-- matcher version at that moment), the resident agrees or declines, then the employer advisor presents the candidate
-- anonymously; identity is revealed only when the resident consented and the employer committed to an interview.
CREATE TABLE match_proposals (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  vacancy_id uuid NOT NULL,
  score numeric(6, 2) NOT NULL,
  explanation jsonb NOT NULL CHECK (jsonb_typeof(explanation) = 'array'),
  matcher_version text NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'residentAgreed', 'residentDeclined',
    'presented', 'interviewAgreed', 'revealed', 'placed', 'rejected', 'withdrawn')),
  note text CHECK (length(note) <= 1000),
  proposed_by uuid NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  resident_response_at timestamptz,
  resident_response_how text CHECK (resident_response_how IN ('inPerson', 'phone', 'video', 'letter', 'portal')),
  presented_by uuid,
  presented_at timestamptz,
  -- The anonymous profile exactly as shown to the employer (no name, age, gender, photo, address or origin).
  anonymous_profile jsonb,
  candidate_code text,
  interview_committed_at timestamptz,
  revealed_by uuid,
  revealed_at timestamptz,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (revealed_at IS NULL OR (resident_response_at IS NOT NULL AND interview_committed_at IS NOT NULL)),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, vacancy_id) REFERENCES vacancies (municipality_id, id),
  FOREIGN KEY (municipality_id, proposed_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, presented_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, revealed_by) REFERENCES staff_users (municipality_id, id)
);
-- One open proposal per resident and vacancy.
CREATE UNIQUE INDEX match_proposals_one_open ON match_proposals (municipality_id, resident_id, vacancy_id)
  WHERE status NOT IN ('residentDeclined', 'rejected', 'withdrawn');
CREATE INDEX match_proposals_vacancy_idx ON match_proposals (municipality_id, vacancy_id);
CREATE INDEX match_proposals_status_idx ON match_proposals (municipality_id, status, proposed_at);

CREATE TABLE placements (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  employer_id uuid NOT NULL,
  vacancy_id uuid,
  proposal_id uuid,
  agreement_id uuid,
  start_date date NOT NULL,
  end_date date,
  contract_type text NOT NULL CHECK (contract_type IN ('permanent', 'temporary', 'agency')),
  hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  hourly_wage numeric(6, 2) CHECK (hourly_wage > 0 AND hourly_wage < 1000),
  instrument text CHECK (instrument IN ('wageCostSubsidy', 'trialPlacement', 'jobCoaching', 'noRiskPolicy')),
  -- full: the benefit ends; partial: the resident keeps a supplementary benefit (deeltijd, inkomsten verrekend).
  outflow text NOT NULL CHECK (outflow IN ('full', 'partial')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, employer_id) REFERENCES employers (municipality_id, id),
  FOREIGN KEY (municipality_id, vacancy_id) REFERENCES vacancies (municipality_id, id),
  FOREIGN KEY (municipality_id, proposal_id) REFERENCES match_proposals (municipality_id, id),
  FOREIGN KEY (municipality_id, employer_id, agreement_id) REFERENCES employer_agreements (municipality_id, employer_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX placements_resident_idx ON placements (municipality_id, resident_id);
CREATE INDEX placements_agreement_idx ON placements (municipality_id, agreement_id) WHERE agreement_id IS NOT NULL;

-- Follow-up (nazorg) at 1, 3, 6 and 12 months: is the resident still at work?
CREATE TABLE placement_follow_ups (
  municipality_id uuid NOT NULL,
  placement_id uuid NOT NULL,
  months integer NOT NULL CHECK (months IN (1, 3, 6, 12)),
  due_on date NOT NULL,
  done_on date,
  still_employed boolean,
  note text CHECK (length(note) <= 1000),
  recorded_by uuid,
  CHECK ((done_on IS NULL) = (still_employed IS NULL)),
  PRIMARY KEY (municipality_id, placement_id, months),
  FOREIGN KEY (municipality_id, placement_id) REFERENCES placements (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX placement_follow_ups_due_idx ON placement_follow_ups (municipality_id, due_on) WHERE done_on IS NULL;

-- Outflow recorded on the case when a resident is placed.
ALTER TABLE cases
  ADD COLUMN outflow text CHECK (outflow IN ('full', 'partial')),
  ADD COLUMN outflow_on date,
  ADD CONSTRAINT cases_outflow_pair CHECK ((outflow IS NULL) = (outflow_on IS NULL));

-- Group data for the fairness monitor only, recorded where there is a lawful basis (self-reported, voluntary),
-- kept apart from everything the matcher reads (the matcher's store never selects from this table; a test checks it).
CREATE TABLE fairness_group_data (
  municipality_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  gender text CHECK (gender IN ('female', 'male', 'other')),
  migration_background text CHECK (migration_background IN ('none', 'western', 'nonWestern')),
  basis text NOT NULL CHECK (basis IN ('selfReported', 'cbsLinkage')),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, resident_id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['employers', 'employer_locations', 'employer_contacts', 'employer_agreements', 'vacancies',
    'work_profiles', 'match_exposures', 'match_proposals', 'placements', 'placement_follow_ups',
    'fairness_group_data']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON employers, employer_locations, employer_contacts, employer_agreements, vacancies,
  work_profiles, match_proposals, placements, placement_follow_ups, fairness_group_data TO samenplan_app;
GRANT SELECT, INSERT ON match_exposures TO samenplan_app;
