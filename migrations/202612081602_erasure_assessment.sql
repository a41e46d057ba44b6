-- The privacy officer's erasure page (issue 16, ADR 0027): before he decides he sees what the law says for this
-- resident — erasable, or a legal duty to keep with its reason and the date until which — by the same rule as
-- samenplan_erase_resident, without changing anything. One resident of the current municipality.
CREATE FUNCTION samenplan_erasure_assessment(p_id uuid, p_now timestamptz)
RETURNS TABLE (decision text, refusal_reason text, retain_until date)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m uuid := nullif(current_setting('samenplan.municipality_id', true), '')::uuid;
  last_closed date;
BEGIN
  IF m IS NULL OR NOT EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = m AND r.id = p_id) THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = m AND c.resident_id = p_id AND (c.status = 'active' OR c.closed_on IS NULL)) THEN
    RETURN QUERY SELECT 'refused'::text, 'activeCase'::text, NULL::date;
    RETURN;
  END IF;
  SELECT max(c.closed_on) INTO last_closed FROM cases c WHERE c.municipality_id = m AND c.resident_id = p_id;
  IF last_closed IS NOT NULL AND (last_closed + interval '10 years')::date > (p_now AT TIME ZONE 'Europe/Amsterdam')::date THEN
    RETURN QUERY SELECT 'refused'::text, 'legalRetention'::text, (last_closed + interval '10 years')::date;
    RETURN;
  END IF;
  RETURN QUERY SELECT 'erasable'::text, NULL::text, NULL::date;
END
$$;
REVOKE ALL ON FUNCTION samenplan_erasure_assessment(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_erasure_assessment(uuid, timestamptz) TO samenplan_app;
