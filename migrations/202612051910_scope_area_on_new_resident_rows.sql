-- The tables of the modules merged on 4 December (outflow, studies, Team Jongeren) were written before migration
-- 202612050010 and still look the resident up per row in their need-to-know policy. They get the same mechanism as
-- every other resident-bearing table: scope_area_id, filled by samenplan_scope_area_fill() and kept current by
-- residents_scope_area_follow (which finds them through the catalog). The ways stay the same: the area team and the
-- resident himself.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['outflows', 'partial_work', 'study_participants', 'youth_search_periods', 'youth_search_activities',
    'youth_exemptions', 'youth_referrals', 'youth_provisions']
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN scope_area_id uuid', t);
    EXECUTE format('UPDATE %I x SET scope_area_id = r.area_id FROM residents r WHERE r.municipality_id = x.municipality_id AND r.id = x.resident_id', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF resident_id, scope_area_id ON %I FOR EACH ROW EXECUTE FUNCTION samenplan_scope_area_fill()',
      t || '_scope_area_fill', t);
    EXECUTE format('DROP POLICY need_to_know ON %I', t);
    EXECUTE format('CREATE POLICY need_to_know ON %I AS RESTRICTIVE USING (scope_area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]) OR %I.resident_id = (SELECT samenplan_scope_resident()))', t, t);
  END LOOP;
END
$$;
