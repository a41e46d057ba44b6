-- Issue 12: outflow registration (uitstroom) with its reason, partial work while on benefit, return to benefit within
-- 12 months; programmes (Werkbeweging) with target group, goal, budget per action line and expenditures; the
-- pre-aggregated figures the dashboard answers from, kept current by jobs; monthly snapshots that freeze a council
-- report (ADR 0019).

-- Outflow: a resident leaves the benefit. One per case (the case closes, the benefit ends, in the same transaction).
-- returned_on: a new benefit started within 12 months (trigger below): the outflow is undone and counted against.
CREATE TABLE outflows (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  case_id uuid NOT NULL,
  benefit_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('workFullTime', 'workPartTime', 'education', 'otherIncome', 'moved', 'partner', 'other')),
  outflow_on date NOT NULL,
  placement_id uuid,
  note text CHECK (length(note) <= 1000),
  returned_on date,
  return_benefit_id uuid,
  registered_by uuid NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((returned_on IS NULL) = (return_benefit_id IS NULL)),
  CHECK (returned_on IS NULL OR returned_on > outflow_on),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, case_id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES cases (municipality_id, id),
  FOREIGN KEY (municipality_id, benefit_id) REFERENCES benefits (municipality_id, id),
  FOREIGN KEY (municipality_id, placement_id) REFERENCES placements (municipality_id, id),
  FOREIGN KEY (municipality_id, return_benefit_id) REFERENCES benefits (municipality_id, id),
  FOREIGN KEY (municipality_id, registered_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX outflows_resident_idx ON outflows (municipality_id, resident_id, outflow_on);
CREATE INDEX outflows_month_idx ON outflows (municipality_id, outflow_on);

-- Partial work while on benefit (parttime werk naast de uitkering): hours and earnings per calendar month.
CREATE TABLE partial_work (
  municipality_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  hours numeric(5, 1) NOT NULL CHECK (hours > 0 AND hours <= 744),
  earnings_cents bigint NOT NULL CHECK (earnings_cents >= 0 AND earnings_cents <= 100000000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, resident_id, month),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES staff_users (municipality_id, id)
);

-- Return to benefit: a benefit that starts within 12 months after an outflow undoes the latest such outflow.
CREATE FUNCTION outflow_detect_return() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE outflows o SET returned_on = NEW.start_date, return_benefit_id = NEW.id
  WHERE o.id = (SELECT o2.id FROM outflows o2
    WHERE o2.municipality_id = NEW.municipality_id AND o2.resident_id = NEW.resident_id AND o2.returned_on IS NULL
      AND o2.outflow_on < NEW.start_date AND NEW.start_date <= (o2.outflow_on + interval '12 months')::date
    ORDER BY o2.outflow_on DESC LIMIT 1)
    AND o.municipality_id = NEW.municipality_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER benefits_detect_return AFTER INSERT ON benefits FOR EACH ROW EXECUTE FUNCTION outflow_detect_return();

-- Programmes (e.g. Werkbeweging): target group, goal above a baseline, period; action lines with budget; expenditures.
CREATE TABLE programmes (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 4000),
  period_start date NOT NULL,
  period_end date NOT NULL,
  baseline_per_year integer NOT NULL CHECK (baseline_per_year >= 0 AND baseline_per_year <= 1000000),
  goal_extra integer NOT NULL CHECK (goal_extra >= 1 AND goal_extra <= 1000000),
  target_min_years_on_benefit integer CHECK (target_min_years_on_benefit BETWEEN 0 AND 60),
  target_age_min integer CHECK (target_age_min BETWEEN 15 AND 110),
  target_age_max integer CHECK (target_age_max BETWEEN 15 AND 110),
  target_area_ids uuid[] NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (period_end > period_start),
  CHECK (target_age_min IS NULL OR target_age_max IS NULL OR target_age_min <= target_age_max),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);

CREATE TABLE programme_action_lines (
  municipality_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contact', 'jobs', 'discrimination', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0 AND budget_cents <= 100000000000),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, programme_id, id),
  FOREIGN KEY (municipality_id, programme_id) REFERENCES programmes (municipality_id, id)
);

CREATE TABLE programme_expenditures (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  programme_id uuid NOT NULL,
  action_line_id uuid NOT NULL,
  spent_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0 AND amount_cents <= 100000000000),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, programme_id, action_line_id) REFERENCES programme_action_lines (municipality_id, programme_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX programme_expenditures_line_idx ON programme_expenditures (municipality_id, programme_id, action_line_id);

-- Pre-aggregated figures (no resident in them): per programme, month, area, dimension and group. Rebuilt for one
-- programme by programme_refresh_figures (idempotent: delete and insert in one transaction).
CREATE TABLE programme_figures (
  municipality_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  month date NOT NULL,
  area_id uuid NOT NULL,
  dimension text NOT NULL CHECK (dimension IN ('total', 'ageBand', 'householdType', 'educationLevel', 'duration', 'reason')),
  grp text NOT NULL,
  outflows integer NOT NULL DEFAULT 0,
  returns integer NOT NULL DEFAULT 0,
  population integer NOT NULL DEFAULT 0,
  with_contact_person integer NOT NULL DEFAULT 0,
  with_plan integer NOT NULL DEFAULT 0,
  contacted integer NOT NULL DEFAULT 0,
  contact_moments integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, programme_id, month, area_id, dimension, grp),
  FOREIGN KEY (municipality_id, programme_id) REFERENCES programmes (municipality_id, id)
);

-- KPIs per action line over the programme period so far (counts of what Samenplan records).
CREATE TABLE programme_kpis (
  municipality_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  kpi text NOT NULL,
  label text,
  value bigint NOT NULL,
  base bigint,
  PRIMARY KEY (municipality_id, programme_id, kpi),
  FOREIGN KEY (municipality_id, programme_id) REFERENCES programmes (municipality_id, id)
);

CREATE TABLE programme_refreshes (
  municipality_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, programme_id),
  FOREIGN KEY (municipality_id, programme_id) REFERENCES programmes (municipality_id, id)
);

-- Frozen figures per month (the council report of March stays the report of March): inserted once, never updated.
CREATE TABLE programme_snapshots (
  municipality_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  figures jsonb NOT NULL,
  frozen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, programme_id, month),
  FOREIGN KEY (municipality_id, programme_id) REFERENCES programmes (municipality_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['outflows', 'partial_work', 'programmes', 'programme_action_lines', 'programme_expenditures',
    'programme_figures', 'programme_kpis', 'programme_refreshes', 'programme_snapshots']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    -- Forced on the programme tables (no owner function needs them unfiltered); the resident tables are read by the
    -- owner's aggregate function below, as the other resident tables are by fairness_counts.
    IF t NOT IN ('outflows', 'partial_work') THEN EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t); END IF;
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
  END LOOP;
END
$$;

-- Need to know on the resident tables: the area team and the resident himself (not the buurtteam, not the advisor).
CREATE POLICY need_to_know ON outflows AS RESTRICTIVE USING (
  EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = outflows.municipality_id AND r.id = outflows.resident_id
    AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))
  OR outflows.resident_id = (SELECT samenplan_scope_resident())
);
CREATE POLICY need_to_know ON partial_work AS RESTRICTIVE USING (
  EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = partial_work.municipality_id AND r.id = partial_work.resident_id
    AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))
  OR partial_work.resident_id = (SELECT samenplan_scope_resident())
);

GRANT SELECT, INSERT ON outflows TO samenplan_app;
GRANT UPDATE (returned_on, return_benefit_id) ON outflows TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON partial_work TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON programmes, programme_action_lines TO samenplan_app;
GRANT SELECT, INSERT ON programme_expenditures, programme_snapshots TO samenplan_app;
GRANT SELECT ON programme_figures, programme_kpis, programme_refreshes TO samenplan_app;

-- The KPIs per action line alone (cheap): also used to freeze a past month with the KPIs as they stood at its end.
CREATE FUNCTION programme_refresh_kpis(p_programme_id uuid, p_school_mask bit(336), p_today date)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET jit = off AS $$
DECLARE
  m uuid := nullif(current_setting('samenplan.municipality_id', true), '')::uuid;
  pr programmes%ROWTYPE;
BEGIN
  SELECT * INTO pr FROM programmes WHERE municipality_id = m AND id = p_programme_id;
  IF NOT FOUND THEN RETURN; END IF;
  DELETE FROM programme_kpis WHERE municipality_id = m AND programme_id = pr.id;
  -- KPIs per action line over the period so far. base: the denominator where the KPI is a share.
  INSERT INTO programme_kpis (municipality_id, programme_id, kpi, value, base)
  SELECT m, pr.id, k.kpi, k.value, k.base FROM (
    SELECT 'contactMoments' AS kpi, (SELECT count(*) FROM contact_moments c WHERE c.municipality_id = m
        AND c.occurred_at >= pr.period_start::timestamp AT TIME ZONE 'Europe/Amsterdam'
        AND c.occurred_at < (least(pr.period_end, p_today) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS value, NULL::bigint AS base
    UNION ALL
    SELECT 'fixedContactPerson', count(*) FILTER (WHERE c.contact_person_id IS NOT NULL), count(*)
      FROM cases c JOIN benefits b ON b.municipality_id = m AND b.resident_id = c.resident_id AND b.end_date IS NULL
      WHERE c.municipality_id = m AND c.status = 'active'
    UNION ALL
    SELECT 'threeWayMeetingsHeld', count(*), NULL FROM meetings mt WHERE mt.municipality_id = m AND mt.type = 'threeWay' AND mt.status = 'held'
      AND mt.starts_at >= pr.period_start::timestamp AT TIME ZONE 'Europe/Amsterdam'
      AND mt.starts_at < (least(pr.period_end, p_today) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
    UNION ALL
    SELECT 'plansAgreed', count(*), NULL FROM plans p WHERE p.municipality_id = m AND p.agreed_on BETWEEN pr.period_start AND least(pr.period_end, p_today)
    UNION ALL
    SELECT 'proposals', count(*), NULL FROM match_proposals mp WHERE mp.municipality_id = m
      AND mp.proposed_at >= pr.period_start::timestamp AT TIME ZONE 'Europe/Amsterdam'
      AND mp.proposed_at < (least(pr.period_end, p_today) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
    UNION ALL
    SELECT 'placementsViaAgreements', count(*) FILTER (WHERE pl.agreement_id IS NOT NULL), count(*)
      FROM placements pl WHERE pl.municipality_id = m AND pl.start_date BETWEEN pr.period_start AND least(pr.period_end, p_today)
    UNION ALL
    SELECT 'schoolHoursJobs', count(*), NULL
      FROM placements pl JOIN vacancies v ON v.municipality_id = m AND v.id = pl.vacancy_id
      WHERE pl.municipality_id = m AND pl.start_date BETWEEN pr.period_start AND least(pr.period_end, p_today)
        AND pl.hours_per_week < 36 AND (v.schedule_mask & ~p_school_mask) = repeat('0', 336)::bit(336)
        AND v.schedule_mask <> repeat('0', 336)::bit(336)
    UNION ALL
    SELECT 'accordSignatories', count(DISTINCT a.employer_id), NULL FROM employer_agreements a
      WHERE a.municipality_id = m AND a.kind = 'antiDiscrimination' AND a.signed_on IS NOT NULL AND a.signed_on <= least(pr.period_end, p_today)
  ) k;

  -- Placements per intention agreement in the period ("fitting jobs": realised against pledged), named by employer.
  INSERT INTO programme_kpis (municipality_id, programme_id, kpi, label, value, base)
  SELECT m, pr.id, 'agreement:' || a.id, e.name || ': ' || a.title,
    (SELECT count(*) FROM placements pl WHERE pl.municipality_id = m AND pl.agreement_id = a.id
      AND pl.start_date BETWEEN pr.period_start AND least(pr.period_end, p_today)), a.pledged_placements
  FROM employer_agreements a JOIN employers e ON e.municipality_id = m AND e.id = a.employer_id
  WHERE a.municipality_id = m AND a.kind = 'intention' AND a.period_start <= pr.period_end AND a.period_end >= pr.period_start;

END
$$;
REVOKE ALL ON FUNCTION programme_refresh_kpis(uuid, bit(336), date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION programme_refresh_kpis(uuid, bit(336), date) TO samenplan_app;

-- The named exception that builds the aggregates: it reads the resident tables of the municipality in the
-- transaction's setting with the owner's rights and writes counts only (no resident leaves it). Idempotent.
-- p_school_mask: the school-hours week mask (src/domain/schedule.ts), for "part-time jobs within school hours".
CREATE FUNCTION programme_refresh_figures(p_programme_id uuid, p_school_mask bit(336), p_today date)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET jit = off AS $$
DECLARE
  m uuid := nullif(current_setting('samenplan.municipality_id', true), '')::uuid;
  pr programmes%ROWTYPE;
  n integer;
  last_month date;
BEGIN
  SELECT * INTO pr FROM programmes WHERE municipality_id = m AND id = p_programme_id FOR UPDATE;
  IF NOT FOUND THEN RETURN 0; END IF;
  last_month := date_trunc('month', least(pr.period_end, p_today))::date;
  DELETE FROM programme_figures WHERE municipality_id = m AND programme_id = pr.id;

  WITH months AS (
    SELECT g::date AS month, least((g + interval '1 month' - interval '1 day')::date, p_today) AS month_end
    FROM generate_series(date_trunc('month', pr.period_start), last_month, interval '1 month') g
  ), target AS (
    -- Residents of the target group on benefit at the month's end (age, years on benefit, area at that day).
    SELECT mo.month, mo.month_end, r.id AS resident_id, r.area_id, r.household_type, r.education_level,
      date_part('year', age(mo.month_end, r.date_of_birth))::int AS age, b.start_date AS benefit_start
    FROM months mo
    JOIN benefits b ON b.municipality_id = m AND b.start_date <= mo.month_end AND (b.end_date IS NULL OR b.end_date > mo.month_end)
    JOIN residents r ON r.municipality_id = m AND r.id = b.resident_id
    WHERE (cardinality(pr.target_area_ids) = 0 OR r.area_id = ANY (pr.target_area_ids))
      AND (pr.target_age_min IS NULL OR date_part('year', age(mo.month_end, r.date_of_birth)) >= pr.target_age_min)
      AND (pr.target_age_max IS NULL OR date_part('year', age(mo.month_end, r.date_of_birth)) <= pr.target_age_max)
      AND (pr.target_min_years_on_benefit IS NULL OR date_part('year', age(mo.month_end, b.start_date)) >= pr.target_min_years_on_benefit)
  ), moments AS (
    SELECT c.resident_id, date_trunc('month', c.occurred_at AT TIME ZONE 'Europe/Amsterdam')::date AS month, count(*)::int AS n
    FROM contact_moments c
    WHERE c.municipality_id = m AND c.occurred_at >= pr.period_start::timestamp AT TIME ZONE 'Europe/Amsterdam'
    GROUP BY 1, 2
  ), agreed AS (
    SELECT p.resident_id, min(p.agreed_on) AS agreed_on FROM plans p WHERE p.municipality_id = m AND p.agreed_on IS NOT NULL GROUP BY 1
  ), cp AS (
    -- Residents with a contact person (vast aanspreekpunt) at each month's end.
    SELECT DISTINCT mo.month, a.resident_id FROM months mo
    JOIN contact_person_assignments a ON a.municipality_id = m
      AND a.assigned_at < (mo.month_end + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
      AND (a.ended_at IS NULL OR a.ended_at >= (mo.month_end + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')
  ), stock AS (
    SELECT t.*, (cp.resident_id IS NOT NULL) AS has_cp,
      coalesce(ag.agreed_on <= t.month_end, false) AS has_plan,
      coalesce(mo.n, 0) AS moments
    FROM target t
    LEFT JOIN cp ON cp.month = t.month AND cp.resident_id = t.resident_id
    LEFT JOIN agreed ag ON ag.resident_id = t.resident_id
    LEFT JOIN moments mo ON mo.resident_id = t.resident_id AND mo.month = t.month
  ), outs AS (
    -- Outflows in the period of residents who were in the target group on the day before they left.
    SELECT date_trunc('month', o.outflow_on)::date AS month, r.area_id, r.household_type, r.education_level, o.reason,
      date_part('year', age(o.outflow_on, r.date_of_birth))::int AS age, b.start_date AS benefit_start, o.outflow_on AS on_day,
      (o.returned_on IS NOT NULL AND o.returned_on <= p_today AND o.returned_on <= (o.outflow_on + interval '12 months')::date) AS returned
    FROM outflows o
    JOIN residents r ON r.municipality_id = m AND r.id = o.resident_id
    JOIN benefits b ON b.municipality_id = m AND b.id = o.benefit_id
    WHERE o.municipality_id = m AND o.outflow_on BETWEEN pr.period_start AND least(pr.period_end, p_today)
      AND (cardinality(pr.target_area_ids) = 0 OR r.area_id = ANY (pr.target_area_ids))
      AND (pr.target_age_min IS NULL OR date_part('year', age(o.outflow_on, r.date_of_birth)) >= pr.target_age_min)
      AND (pr.target_age_max IS NULL OR date_part('year', age(o.outflow_on, r.date_of_birth)) <= pr.target_age_max)
      AND (pr.target_min_years_on_benefit IS NULL OR date_part('year', age(o.outflow_on, b.start_date)) >= pr.target_min_years_on_benefit)
  ), unpivoted AS (
    -- Stock (population, contact, plans) is shown per wijk only: dimension 'total'. Outflow per every dimension.
    SELECT s.month, s.area_id, 'total' AS dimension, 'all' AS grp, 0 AS outflows, 0 AS returns, 1 AS population,
      s.has_cp::int AS cp, s.has_plan::int AS plan, (s.moments > 0)::int AS contacted, s.moments
    FROM stock s
    UNION ALL
    SELECT o.month, o.area_id, d.dimension, d.grp, 1, o.returned::int, 0, 0, 0, 0, 0
    FROM outs o
    CROSS JOIN LATERAL (VALUES
      ('total', 'all'),
      ('ageBand', CASE WHEN o.age < 27 THEN '<27' WHEN o.age < 45 THEN '27-44' ELSE '45+' END),
      ('householdType', o.household_type),
      ('educationLevel', o.education_level),
      ('duration', CASE WHEN age(o.on_day, o.benefit_start) < interval '1 year' THEN '<1'
        WHEN age(o.on_day, o.benefit_start) < interval '2 years' THEN '1-2'
        WHEN age(o.on_day, o.benefit_start) < interval '5 years' THEN '2-5' ELSE '5+' END),
      ('reason', o.reason)
    ) AS d(dimension, grp)
  )
  INSERT INTO programme_figures (municipality_id, programme_id, month, area_id, dimension, grp, outflows, returns, population,
    with_contact_person, with_plan, contacted, contact_moments)
  SELECT m, pr.id, u.month, u.area_id, u.dimension, u.grp, sum(u.outflows), sum(u.returns), sum(u.population), sum(u.cp),
    sum(u.plan), sum(u.contacted), sum(u.moments)
  FROM unpivoted u
  GROUP BY u.month, u.area_id, u.dimension, u.grp;
  GET DIAGNOSTICS n = ROW_COUNT;

  PERFORM programme_refresh_kpis(pr.id, p_school_mask, p_today);

  INSERT INTO programme_refreshes (municipality_id, programme_id, refreshed_at) VALUES (m, pr.id, now())
  ON CONFLICT (municipality_id, programme_id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at;
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION programme_refresh_figures(uuid, bit(336), date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION programme_refresh_figures(uuid, bit(336), date) TO samenplan_app;
