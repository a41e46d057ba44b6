-- Studies (issue 14): randomised policy experiments run inside Samenplan. A study's design (arms with the rule
-- variants Samenplan applies, eligibility, target size, period, outcomes, registration id, stratification, the seed
-- of the lottery) and its participants (informed consent first, then enrolment; the arm only once enrolment is final:
-- allocation concealment, ADR 0023). PA-033 (enrolment, allocation), PA-034 (the analysis, aggregates only).

CREATE TABLE studies (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  registration_id text CHECK (length(registration_id) <= 100),
  eligibility text NOT NULL CHECK (length(eligibility) <= 2000),
  target_size integer NOT NULL CHECK (target_size BETWEEN 2 AND 100000),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  primary_outcome text NOT NULL,
  secondary_outcomes text[] NOT NULL DEFAULT '{}',
  -- The stratification variables: the resident's area (wijk) and/or the education level recorded at enrolment.
  strata text[] NOT NULL DEFAULT '{area,educationLevel}',
  block_multiple integer NOT NULL DEFAULT 1 CHECK (block_multiple BETWEEN 1 AND 10),
  -- The lottery's seed (ADR 0023): never returned by the API before the allocation.
  seed text NOT NULL,
  status text NOT NULL DEFAULT 'enrolling' CHECK (status IN ('enrolling', 'allocated', 'closed')),
  allocated_at timestamptz,
  allocated_by uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on),
  CHECK ((status = 'enrolling') = (allocated_at IS NULL)),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, allocated_by) REFERENCES staff_users (municipality_id, id)
);

CREATE TABLE study_arms (
  municipality_id uuid NOT NULL,
  study_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  is_control boolean NOT NULL,
  ratio integer NOT NULL DEFAULT 1 CHECK (ratio BETWEEN 1 AND 10),
  -- The rule variants Samenplan applies to the arm's residents from the allocation on.
  application_obligation_waived boolean NOT NULL DEFAULT false,
  contact_every_days integer CHECK (contact_every_days BETWEEN 1 AND 365),
  earnings_disregard_variant text CHECK (earnings_disregard_variant ~ '^[A-Za-z][A-Za-z0-9]{0,39}$'),
  PRIMARY KEY (municipality_id, study_id, key),
  FOREIGN KEY (municipality_id, study_id) REFERENCES studies (municipality_id, id)
);
CREATE UNIQUE INDEX study_arms_one_control ON study_arms (municipality_id, study_id) WHERE is_control;

CREATE TABLE study_participants (
  municipality_id uuid NOT NULL,
  study_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  -- Informed consent is recorded first: no enrolment without it (the row is the enrolment).
  consent_given_on date NOT NULL,
  consent_recorded_by uuid NOT NULL,
  education_level text NOT NULL CHECK (education_level IN ('laag', 'midden', 'hoog', 'onbekend')),
  stratum text NOT NULL,
  enrolment_seq bigint GENERATED ALWAYS AS IDENTITY,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  arm_key text,
  allocated_at timestamptz,
  CHECK ((arm_key IS NULL) = (allocated_at IS NULL)),
  PRIMARY KEY (municipality_id, study_id, resident_id),
  FOREIGN KEY (municipality_id, study_id) REFERENCES studies (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, consent_recorded_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, study_id, arm_key) REFERENCES study_arms (municipality_id, study_id, key)
);
CREATE INDEX study_participants_resident_idx ON study_participants (municipality_id, resident_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['studies', 'study_arms', 'study_participants']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
  END LOOP;
END
$$;

-- Need-to-know (ADR 0011): a participant row is seen by the area team of the resident and by the resident himself.
-- No partner branch: a buurtteam's consent does not cover the study. The study's aggregates (counts per arm, the
-- analysis) come from samenplan_study_outcomes below, which returns no resident.
CREATE POLICY need_to_know ON study_participants AS RESTRICTIVE USING (
  EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = study_participants.municipality_id AND r.id = study_participants.resident_id
    AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))
  OR study_participants.resident_id = (SELECT samenplan_scope_resident())
);

-- The analysis over all participants, whoever asks (the policies would show only the asker's own residents): per
-- participant the arm, the stratum, the education level and the administrative outcomes from Samenplan's own
-- records on the given date (an active placement of more than 12 hours a week, a permanent contract, hours, outflow).
-- No resident id, no name: aggregates are formed from these rows in the service (PA-034).
CREATE FUNCTION samenplan_study_outcomes(p_study_id uuid, p_on date)
RETURNS TABLE (arm_key text, stratum text, education_level text, working_over_12h integer, permanent_contract integer,
  hours_per_week numeric, outflow integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sp.arm_key, sp.stratum, sp.education_level,
    (coalesce(max(pl.hours_per_week), 0) > 12)::int,
    (coalesce(bool_or(pl.contract_type = 'permanent'), false))::int,
    coalesce(sum(pl.hours_per_week), 0),
    (coalesce(bool_or(pl.outflow = 'full'), false))::int
  FROM study_participants sp
  LEFT JOIN placements pl ON pl.municipality_id = sp.municipality_id AND pl.resident_id = sp.resident_id
    AND pl.start_date <= p_on AND (pl.end_date IS NULL OR pl.end_date >= p_on)
  WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid)
    AND sp.study_id = p_study_id AND sp.arm_key IS NOT NULL
  GROUP BY sp.municipality_id, sp.study_id, sp.resident_id, sp.arm_key, sp.stratum, sp.education_level
$$;
REVOKE ALL ON FUNCTION samenplan_study_outcomes(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_study_outcomes(uuid, date) TO samenplan_app;

-- The counts per arm and the enrolment total of a study, whoever asks (no resident).
CREATE FUNCTION samenplan_study_counts(p_study_id uuid)
RETURNS TABLE (arm_key text, participants bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sp.arm_key, count(*) FROM study_participants sp
  WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid) AND sp.study_id = p_study_id
  GROUP BY sp.arm_key
$$;
REVOKE ALL ON FUNCTION samenplan_study_counts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_study_counts(uuid) TO samenplan_app;

-- The allocation (ADR 0023) runs over all participants of the study, not only those in the allocating teamleider's
-- scope: the participants in enrolment order (id and stratum only), and one statement that sets every arm once.
CREATE FUNCTION samenplan_study_enrolment(p_study_id uuid)
RETURNS TABLE (resident_id uuid, stratum text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sp.resident_id, sp.stratum FROM study_participants sp
  WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid) AND sp.study_id = p_study_id
  ORDER BY sp.enrolment_seq
$$;
CREATE FUNCTION samenplan_study_allocate(p_study_id uuid, p_residents uuid[], p_arms text[])
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH a AS (SELECT * FROM unnest(p_residents, p_arms) AS x(resident_id, arm_key)),
  u AS (
    UPDATE study_participants sp SET arm_key = a.arm_key, allocated_at = now()
    FROM a
    WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid)
      AND sp.study_id = p_study_id AND sp.resident_id = a.resident_id AND sp.arm_key IS NULL
    RETURNING 1)
  SELECT count(*)::int FROM u
$$;
REVOKE ALL ON FUNCTION samenplan_study_enrolment(uuid), samenplan_study_allocate(uuid, uuid[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_study_enrolment(uuid), samenplan_study_allocate(uuid, uuid[], text[]) TO samenplan_app;

GRANT SELECT, INSERT, UPDATE ON studies, study_arms TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON study_participants TO samenplan_app;
