-- What the candidate query "residents for a vacancy" filters on, kept on work_profiles (docs/adr/0009-matching.md,
-- "Exact top-k"), so that the need-to-know scope, the active case, the occupation level and the skills are index
-- conditions and plain column reads instead of a join to residents, a probe into cases and SQL functions per row:
--  * scope_area_id: the resident's area, copied from residents.area_id. Used ONLY in the need-to-know scope
--    predicate (who may be listed), never in the score; the matcher's audit test allows it only there.
--  * has_active_case: the resident has a case with status 'active' (only such residents are matched).
--  * skill_keys: matching_skill_keys(skills) (migration 202611220071), stored.
--  * isco_prefixes: the 1-, 2- and 3-digit prefixes of desired_isco_groups, stored, so that an occupation level is
--    one containment test (GIN-indexed) instead of a subquery per row.
-- scope_area_id and has_active_case are maintained by triggers: on insert or update of a work profile (read from
-- residents and cases), when a resident moves to another area, and when a case is opened, changes status, moves or
-- is deleted. The trigger functions are SECURITY DEFINER (owner's rights, fixed search_path) so that they see the
-- resident and the case whatever the caller's row-level security settings; they only touch the profile of the
-- resident whose row changed. Seeders that insert work profiles directly need no change.

CREATE FUNCTION matching_isco_prefixes(groups text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT left(g, n)), '{}') FROM unnest(groups) AS g CROSS JOIN generate_series(1, 3) AS n
$$;

ALTER TABLE work_profiles
  ADD COLUMN scope_area_id uuid,
  ADD COLUMN has_active_case boolean NOT NULL DEFAULT false,
  ADD COLUMN skill_keys text[] GENERATED ALWAYS AS (matching_skill_keys(skills)) STORED,
  ADD COLUMN isco_prefixes text[] GENERATED ALWAYS AS (matching_isco_prefixes(desired_isco_groups)) STORED;

UPDATE work_profiles p SET scope_area_id = r.area_id,
  has_active_case = EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = p.municipality_id AND c.resident_id = p.resident_id AND c.status = 'active')
FROM residents r
WHERE r.municipality_id = p.municipality_id AND r.id = p.resident_id;

CREATE FUNCTION work_profiles_scope_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  NEW.scope_area_id := (SELECT r.area_id FROM residents r WHERE r.municipality_id = NEW.municipality_id AND r.id = NEW.resident_id);
  NEW.has_active_case := EXISTS (SELECT 1 FROM cases c
    WHERE c.municipality_id = NEW.municipality_id AND c.resident_id = NEW.resident_id AND c.status = 'active');
  RETURN NEW;
END
$$;
CREATE TRIGGER work_profiles_scope_fill BEFORE INSERT OR UPDATE ON work_profiles
  FOR EACH ROW EXECUTE FUNCTION work_profiles_scope_fill();

CREATE FUNCTION work_profiles_scope_on_resident() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  -- The BEFORE trigger above re-reads the area; setting it here keeps the statement self-explanatory.
  UPDATE work_profiles p SET scope_area_id = NEW.area_id
  WHERE p.municipality_id = NEW.municipality_id AND p.resident_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER work_profiles_scope_on_resident AFTER UPDATE OF area_id ON residents
  FOR EACH ROW WHEN (OLD.area_id IS DISTINCT FROM NEW.area_id) EXECUTE FUNCTION work_profiles_scope_on_resident();

CREATE FUNCTION work_profiles_scope_on_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  m uuid;
  rid uuid;
BEGIN
  FOR m, rid IN
    SELECT x.municipality_id, x.resident_id FROM (VALUES
      (CASE WHEN TG_OP <> 'INSERT' THEN OLD.municipality_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.resident_id END),
      (CASE WHEN TG_OP <> 'DELETE' THEN NEW.municipality_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.resident_id END)
    ) AS x(municipality_id, resident_id)
    WHERE x.resident_id IS NOT NULL
    GROUP BY x.municipality_id, x.resident_id
  LOOP
    -- Only when the flag changes (no dead row per case written while seeding, when most residents have no profile yet).
    UPDATE work_profiles p SET has_active_case = NOT p.has_active_case
    WHERE p.municipality_id = m AND p.resident_id = rid
      AND p.has_active_case IS DISTINCT FROM EXISTS (SELECT 1 FROM cases c
        WHERE c.municipality_id = m AND c.resident_id = rid AND c.status = 'active');
  END LOOP;
  RETURN NULL;
END
$$;
CREATE TRIGGER work_profiles_scope_on_case AFTER INSERT OR DELETE OR UPDATE OF status, resident_id, municipality_id ON cases
  FOR EACH ROW EXECUTE FUNCTION work_profiles_scope_on_case();

-- The candidate query's indexes: the caller's areas among profiles with an active case (and the hours range), the
-- occupation prefixes, and the stored skill keys (replacing the expression index of 202611220071).
CREATE INDEX work_profiles_scope_idx ON work_profiles (municipality_id, scope_area_id, hours_min, hours_max) WHERE has_active_case;
CREATE INDEX work_profiles_isco_prefixes_idx ON work_profiles USING gin (isco_prefixes);
DROP INDEX work_profiles_skill_keys_idx;
CREATE INDEX work_profiles_skill_keys_idx ON work_profiles USING gin (skill_keys);
