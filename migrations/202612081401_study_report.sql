-- Studies (issue 14, continued): the study page's CONSORT flow, balance and attrition tables (aggregates over all
-- participants, whoever asks: the need_to_know policy would show only the asker's own residents), and the
-- researchers' pseudonymised export (PA-035) with a key per study for its pseudonyms.

-- The key of a study's pseudonyms (HMAC-SHA-256 of the resident id, in the service): never returned by the API.
ALTER TABLE studies ADD COLUMN pseudonym_key text NOT NULL
  DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- Baseline covariates per arm, counted: the education level recorded at enrolment, the wijk, the age group and the
-- household type at the allocation. No resident, only (arm, variable, level, n).
CREATE FUNCTION samenplan_study_baseline(p_study_id uuid)
RETURNS TABLE (arm_key text, variable text, level text, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH p AS (
    SELECT sp.arm_key, sp.education_level, a.name AS area,
      CASE WHEN age < 27 THEN '18-26' WHEN age < 45 THEN '27-44' WHEN age < 55 THEN '45-54' ELSE '55+' END AS age_group,
      r.household_type
    FROM study_participants sp
    JOIN residents r ON r.municipality_id = sp.municipality_id AND r.id = sp.resident_id
    JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
    CROSS JOIN LATERAL (SELECT extract(year FROM age(sp.allocated_at::date, r.date_of_birth))::int AS age) x
    WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid)
      AND sp.study_id = p_study_id AND sp.arm_key IS NOT NULL
  )
  SELECT arm_key, 'educationLevel', education_level, count(*) FROM p GROUP BY 1, 3
  UNION ALL SELECT arm_key, 'area', area, count(*) FROM p GROUP BY 1, 3
  UNION ALL SELECT arm_key, 'ageGroup', age_group, count(*) FROM p GROUP BY 1, 3
  UNION ALL SELECT arm_key, 'householdType', household_type, count(*) FROM p GROUP BY 1, 3
$$;

-- Follow-up per arm on a date: allocated, and moved out of the municipality since the allocation (an outflow for
-- reason 'moved' that was not undone): Samenplan's records no longer follow them (lost to follow-up).
CREATE FUNCTION samenplan_study_follow_up(p_study_id uuid, p_on date)
RETURNS TABLE (arm_key text, allocated bigint, moved bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sp.arm_key, count(*),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outflows o WHERE o.municipality_id = sp.municipality_id AND o.resident_id = sp.resident_id
      AND o.reason = 'moved' AND o.outflow_on >= sp.allocated_at::date AND o.outflow_on <= p_on AND (o.returned_on IS NULL OR o.returned_on > p_on)))
  FROM study_participants sp
  WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid)
    AND sp.study_id = p_study_id AND sp.arm_key IS NOT NULL
  GROUP BY sp.arm_key
$$;

-- The researchers' export (PA-035): per allocated participant only what the data set needs. The resident id leaves
-- this function only to be replaced by the study's keyed pseudonym in the service; no BSN, name, address or date
-- of birth; dates as months.
CREATE FUNCTION samenplan_study_export(p_study_id uuid, p_on date)
RETURNS TABLE (resident_id uuid, arm_key text, education_level text, area text, age_group text, household_type text,
  enrolled_month text, allocated_month text, working_over_12h integer, permanent_contract integer, hours_per_week numeric,
  outflow integer, moved integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sp.resident_id, sp.arm_key, sp.education_level, a.name,
    CASE WHEN x.age < 27 THEN '18-26' WHEN x.age < 45 THEN '27-44' WHEN x.age < 55 THEN '45-54' ELSE '55+' END,
    r.household_type, to_char(sp.enrolled_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), to_char(sp.allocated_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'),
    (coalesce(o.max_hours, 0) > 12)::int, coalesce(o.permanent, false)::int, coalesce(o.hours, 0), coalesce(o.full_outflow, false)::int,
    EXISTS (SELECT 1 FROM outflows ou WHERE ou.municipality_id = sp.municipality_id AND ou.resident_id = sp.resident_id
      AND ou.reason = 'moved' AND ou.outflow_on >= sp.allocated_at::date AND ou.outflow_on <= p_on AND (ou.returned_on IS NULL OR ou.returned_on > p_on))::int
  FROM study_participants sp
  JOIN residents r ON r.municipality_id = sp.municipality_id AND r.id = sp.resident_id
  JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
  CROSS JOIN LATERAL (SELECT extract(year FROM age(sp.allocated_at::date, r.date_of_birth))::int AS age) x
  LEFT JOIN LATERAL (
    SELECT max(pl.hours_per_week) AS max_hours, bool_or(pl.contract_type = 'permanent') AS permanent, sum(pl.hours_per_week) AS hours,
      bool_or(pl.outflow = 'full') AS full_outflow
    FROM placements pl WHERE pl.municipality_id = sp.municipality_id AND pl.resident_id = sp.resident_id
      AND pl.start_date <= p_on AND (pl.end_date IS NULL OR pl.end_date >= p_on)
  ) o ON true
  WHERE sp.municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid)
    AND sp.study_id = p_study_id AND sp.arm_key IS NOT NULL
  ORDER BY sp.enrolment_seq
$$;

REVOKE ALL ON FUNCTION samenplan_study_baseline(uuid), samenplan_study_follow_up(uuid, date), samenplan_study_export(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_study_baseline(uuid), samenplan_study_follow_up(uuid, date), samenplan_study_export(uuid, date) TO samenplan_app;
