-- Team Jongeren (issue 13 §7, ADR 0030): the yearly council letter (opgave jongvolwassenen). Counts only, per wijk
-- (the young person's area) and measure, for the year of the melding; the service suppresses cells under 10 and what
-- a total would give away (the programmes module's disclosure control). SECURITY DEFINER: the counts cover the
-- whole municipality, while the caller (a policy officer) has no individual need-to-know; no id leaves it.
CREATE FUNCTION youth_council_figures(p_year integer)
RETURNS TABLE (area_id uuid, area_name text, measure text, category text, n bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH periods AS (
    SELECT sp.id, sp.resident_id, r.area_id FROM youth_search_periods sp
    JOIN residents r ON r.municipality_id = sp.municipality_id AND r.id = sp.resident_id
    WHERE sp.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid
      AND sp.report_date >= make_date(p_year, 1, 1) AND sp.report_date < make_date(p_year + 1, 1, 1)
  ),
  young AS (SELECT DISTINCT resident_id, area_id FROM periods),
  counted AS (
    SELECT area_id, 'youngPeople' AS measure, '' AS category FROM young
    UNION ALL SELECT area_id, 'searchPeriods', '' FROM periods
    UNION ALL SELECT p.area_id, 'exemptions', e.reason_category FROM youth_exemptions e JOIN periods p ON p.id = e.search_period_id
      WHERE e.status = 'confirmed'
    UNION ALL SELECT y.area_id, 'outflow', CASE WHEN o.reason = 'education' THEN 'education' ELSE 'work' END
      FROM outflows o JOIN young y ON y.resident_id = o.resident_id
      WHERE o.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid
        AND o.reason IN ('workFullTime', 'workPartTime', 'education') AND o.returned_on IS NULL
        AND o.outflow_on >= make_date(p_year, 1, 1) AND o.outflow_on < make_date(p_year + 1, 1, 1)
    UNION ALL SELECT r.area_id, 'provisions', pr.kind FROM youth_provisions pr
      JOIN residents r ON r.municipality_id = pr.municipality_id AND r.id = pr.resident_id
      WHERE pr.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND pr.year = p_year AND pr.status <> 'rejected'
  )
  SELECT a.id, a.name, x.measure, x.category, count(*) FROM counted x
  JOIN areas a ON a.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND a.id = x.area_id
  GROUP BY a.id, a.name, x.measure, x.category
$$;
REVOKE ALL ON FUNCTION youth_council_figures(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION youth_council_figures(integer) TO samenplan_app;
