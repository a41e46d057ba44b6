-- The resident's area on every row that belongs to a resident (ADR 0011, "Cost"): the need-to-know policy of a
-- werkmatcher's team is then a column test on the row itself instead of a look-up of the resident per row.
--
-- Measured before this migration (10,000 residents, `bench/explain-request.ts`): Mijn caseload's page query
-- expanded into five nested look-ups of `residents` (cases twice, plans, meetings, benefits), each with the
-- residents table's own policy inside it; planning it cost more than running it. work_profiles already carried
-- scope_area_id for the same reason (migration 202611220091); the other resident-bearing tables now do too.
--
-- scope_area_id is a copy of residents.area_id, used ONLY by the need-to-know policies. It is kept by triggers:
--  * on insert, or an update that sets resident_id or scope_area_id, the row takes its resident's area (a value
--    written by the application is overwritten, so it cannot move a row into another scope);
--  * when a resident moves to another area, every row of his in every table with the column follows, in the
--    same transaction (found through the catalog, so a table that gains the column later is covered too).
-- The trigger functions are SECURITY DEFINER (owner's rights, fixed search_path): they must see the resident and
-- his rows whatever the caller's own scope.

CREATE FUNCTION samenplan_scope_area_fill() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  NEW.scope_area_id := (SELECT r.area_id FROM residents r WHERE r.municipality_id = NEW.municipality_id AND r.id = NEW.resident_id);
  RETURN NEW;
END
$$;

CREATE FUNCTION samenplan_scope_area_follow_resident() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.columns rc ON rc.table_schema = c.table_schema AND rc.table_name = c.table_name AND rc.column_name = 'resident_id'
    WHERE c.table_schema = 'public' AND c.column_name = 'scope_area_id'
  LOOP
    EXECUTE format('UPDATE %I SET scope_area_id = $1 WHERE municipality_id = $2 AND resident_id = $3', t)
      USING NEW.area_id, NEW.municipality_id, NEW.id;
  END LOOP;
  RETURN NULL;
END
$$;

-- work_profiles keeps its own triggers (they also keep has_active_case); the catalog loop above covers it too.
DROP TRIGGER work_profiles_scope_on_resident ON residents;
DROP FUNCTION work_profiles_scope_on_resident();

CREATE TRIGGER residents_scope_area_follow AFTER UPDATE OF area_id ON residents
  FOR EACH ROW WHEN (OLD.area_id IS DISTINCT FROM NEW.area_id) EXECUTE FUNCTION samenplan_scope_area_follow_resident();

DO $$
DECLARE
  t record;
  area_branch text := 'scope_area_id = ANY ((SELECT samenplan_scope_areas())::uuid[])';
  own_branch text := '%1$I.resident_id = (SELECT samenplan_scope_resident())';
  partner_branch text := '(CASE WHEN (SELECT samenplan_scope_partner()) IS NULL THEN false ELSE samenplan_consented(%1$I.municipality_id, %1$I.resident_id, (SELECT samenplan_scope_partner())) END)';
  revealed_branch text := '(CASE WHEN (SELECT samenplan_scope_candidates()) THEN samenplan_is_revealed(%1$I.municipality_id, %1$I.resident_id) ELSE false END)';
  expr text;
BEGIN
  -- The same ways per table as in migration 202612030010; only the area branch changes.
  FOR t IN SELECT * FROM (VALUES
      ('cases', true, true, NULL),
      ('benefits', false, false, NULL),
      ('consents', false, false, 'partner_organisation_id = (SELECT samenplan_scope_partner()) AND samenplan_consented(consents.municipality_id, consents.resident_id, partner_organisation_id)'),
      ('contact_moments', false, false, NULL),
      ('contact_person_assignments', false, false, NULL),
      ('zrm_assessments', true, false, NULL),
      ('barriers', true, false, NULL),
      ('plans', true, false, NULL),
      ('meetings', false, false, '(CASE WHEN (SELECT samenplan_scope_partner()) IS NULL THEN false ELSE samenplan_consented(meetings.municipality_id, meetings.resident_id, (SELECT samenplan_scope_partner())) AND samenplan_partner_in_meeting(meetings.municipality_id, meetings.id, (SELECT samenplan_scope_partner())) END)'),
      ('match_proposals', false, false, '(CASE WHEN (SELECT samenplan_scope_candidates()) THEN status IN (''residentAgreed'', ''presented'', ''interviewAgreed'', ''revealed'', ''placed'', ''rejected'') ELSE false END)'),
      ('match_exposures', false, false, NULL),
      ('placements', false, true, NULL),
      ('fairness_group_data', false, false, NULL),
      ('catch_up_campaign_residents', false, false, NULL)
    ) AS x(name, partner, revealed, extra)
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN scope_area_id uuid', t.name);
    EXECUTE format('UPDATE %I x SET scope_area_id = r.area_id FROM residents r WHERE r.municipality_id = x.municipality_id AND r.id = x.resident_id', t.name);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF resident_id, scope_area_id ON %I FOR EACH ROW EXECUTE FUNCTION samenplan_scope_area_fill()',
      t.name || '_scope_area_fill', t.name);
    expr := area_branch || ' OR ' || format(own_branch, t.name);
    IF t.partner THEN expr := expr || ' OR ' || format(partner_branch, t.name); END IF;
    IF t.revealed THEN expr := expr || ' OR ' || format(revealed_branch, t.name); END IF;
    IF t.extra IS NOT NULL THEN expr := expr || ' OR (' || t.extra || ')'; END IF;
    EXECUTE format('DROP POLICY need_to_know ON %I', t.name);
    EXECUTE format('CREATE POLICY need_to_know ON %I AS RESTRICTIVE USING (%s)', t.name, expr);
  END LOOP;
END
$$;
