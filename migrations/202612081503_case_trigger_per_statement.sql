-- The bulk import (issue 15): work_profiles.has_active_case followed cases row by row (one plpgsql call and one
-- UPDATE per case row: 270 ms per batch of 2,000 new residents). The same rule per statement, over the statement's
-- transition tables: one UPDATE for all cases the statement touched. Same result for a single row; the flag still
-- changes only when it differs (no dead work_profiles rows while seeding).
DROP TRIGGER work_profiles_scope_on_case ON cases;
DROP FUNCTION work_profiles_scope_on_case();

CREATE FUNCTION work_profiles_scope_on_cases() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE work_profiles p SET has_active_case = NOT p.has_active_case
    FROM (SELECT DISTINCT municipality_id, resident_id FROM new_cases) x
    WHERE p.municipality_id = x.municipality_id AND p.resident_id = x.resident_id
      AND p.has_active_case IS DISTINCT FROM EXISTS (SELECT 1 FROM cases c
        WHERE c.municipality_id = x.municipality_id AND c.resident_id = x.resident_id AND c.status = 'active');
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE work_profiles p SET has_active_case = NOT p.has_active_case
    FROM (SELECT DISTINCT municipality_id, resident_id FROM old_cases) x
    WHERE p.municipality_id = x.municipality_id AND p.resident_id = x.resident_id
      AND p.has_active_case IS DISTINCT FROM EXISTS (SELECT 1 FROM cases c
        WHERE c.municipality_id = x.municipality_id AND c.resident_id = x.resident_id AND c.status = 'active');
  ELSE
    UPDATE work_profiles p SET has_active_case = NOT p.has_active_case
    FROM (SELECT municipality_id, resident_id FROM old_cases UNION SELECT municipality_id, resident_id FROM new_cases) x
    WHERE p.municipality_id = x.municipality_id AND p.resident_id = x.resident_id
      AND p.has_active_case IS DISTINCT FROM EXISTS (SELECT 1 FROM cases c
        WHERE c.municipality_id = x.municipality_id AND c.resident_id = x.resident_id AND c.status = 'active');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER work_profiles_scope_on_cases_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION work_profiles_scope_on_cases();
CREATE TRIGGER work_profiles_scope_on_cases_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_cases FOR EACH STATEMENT EXECUTE FUNCTION work_profiles_scope_on_cases();
CREATE TRIGGER work_profiles_scope_on_cases_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION work_profiles_scope_on_cases();
