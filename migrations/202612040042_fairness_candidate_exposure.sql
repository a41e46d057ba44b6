-- Fairness monitor, "In top 10": the stage counted every resident whose OWN list of vacancies was opened
-- (direction 'vacanciesForResident'): a werkmatcher who opens a resident's matches always sees a top 10, so nearly
-- every resident with a work profile counted and every group showed 100%. What the monitor asks is whether the
-- matcher puts a group's residents in the top 10 of CANDIDATES for a vacancy, so only 'residentsForVacancy' counts.
-- The function also took 1–3 s on the demo: each stage was a correlated EXISTS per resident, and match_exposures has
-- no index on resident_id, so every resident re-read the period's exposures. Each stage is now one pass that collects
-- the distinct residents of the period, joined to the population once. The result is the same set of counts.

CREATE OR REPLACE FUNCTION fairness_counts(p_dimension text, p_from date, p_to date)
RETURNS TABLE (grp text, population bigint, exposure bigint, proposals bigint, interviews bigint, placements bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH params AS (
    SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid AS m,
      (p_from::timestamp AT TIME ZONE 'Europe/Amsterdam') AS s, ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS e
  ), population AS (
    SELECT r.id, CASE p_dimension
        WHEN 'ageBand' THEN CASE WHEN date_part('year', age(p_to, r.date_of_birth)) < 27 THEN '<27'
          WHEN date_part('year', age(p_to, r.date_of_birth)) < 45 THEN '27-44' ELSE '45+' END
        WHEN 'householdType' THEN r.household_type
        WHEN 'gender' THEN coalesce(f.gender, 'unknown')
        WHEN 'migrationBackground' THEN coalesce(f.migration_background, 'unknown') END AS grp
    FROM params, work_profiles wp
    JOIN residents r ON r.municipality_id = wp.municipality_id AND r.id = wp.resident_id
    LEFT JOIN fairness_group_data f ON f.municipality_id = r.municipality_id AND f.resident_id = r.id
    WHERE wp.municipality_id = params.m
  ), exposed AS (
    SELECT DISTINCT x.resident_id FROM match_exposures x, params
    WHERE x.municipality_id = params.m AND x.direction = 'residentsForVacancy' AND x.rank <= 10
      AND x.shown_at >= params.s AND x.shown_at < params.e
  ), proposed AS (
    SELECT DISTINCT p.resident_id FROM match_proposals p, params
    WHERE p.municipality_id = params.m AND p.proposed_at >= params.s AND p.proposed_at < params.e
  ), interviewed AS (
    SELECT DISTINCT p.resident_id FROM match_proposals p, params
    WHERE p.municipality_id = params.m AND p.interview_committed_at >= params.s AND p.interview_committed_at < params.e
  ), placed AS (
    SELECT DISTINCT pl.resident_id FROM placements pl, params
    WHERE pl.municipality_id = params.m AND pl.start_date BETWEEN p_from AND p_to
  )
  SELECT pop.grp, count(*), count(ex.resident_id), count(pr.resident_id), count(iv.resident_id), count(pc.resident_id)
  FROM population pop
  LEFT JOIN exposed ex ON ex.resident_id = pop.id
  LEFT JOIN proposed pr ON pr.resident_id = pop.id
  LEFT JOIN interviewed iv ON iv.resident_id = pop.id
  LEFT JOIN placed pc ON pc.resident_id = pop.id
  GROUP BY pop.grp
$$;
REVOKE ALL ON FUNCTION fairness_counts(text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fairness_counts(text, date, date) TO samenplan_app;
