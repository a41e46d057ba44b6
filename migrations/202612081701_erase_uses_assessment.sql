-- One erasure rule, not two (issue 16, ADR 0027): samenplan_erase_resident decides by samenplan_erasure_assessment
-- (migration 202612081602), which had copied its decision. The privacy officer's preview and the erasure can no
-- longer disagree.
CREATE OR REPLACE FUNCTION samenplan_erase_resident(p_id uuid, p_now timestamptz)
RETURNS TABLE (decision text, refusal_reason text, retain_until date)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m uuid := nullif(current_setting('samenplan.municipality_id', true), '')::uuid;
  a record;
  n bigint;
BEGIN
  SELECT * INTO a FROM samenplan_erasure_assessment(p_id, p_now);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF a.decision = 'refused' THEN
    RETURN QUERY SELECT a.decision, a.refusal_reason, a.retain_until;
    RETURN;
  END IF;
  DELETE FROM consents c WHERE c.municipality_id = m AND c.resident_id = p_id;
  SELECT count(*) + 1 INTO n FROM residents p WHERE p.municipality_id = m AND p.pseudonymised_at IS NOT NULL;
  UPDATE residents r SET given_names = 'X', family_name_prefix = NULL, family_name = 'Gepseudonimiseerd',
    bsn = '0' || lpad(n::text, 8, '0'), street = 'Verwijderd', house_number = '-',
    postcode = left(r.postcode, 4) || 'XX', date_of_birth = make_date(extract(year FROM r.date_of_birth)::int, 1, 1),
    phone = NULL, email = NULL, pseudonymised_at = p_now, updated_at = p_now, version = r.version + 1
  WHERE r.municipality_id = m AND r.id = p_id AND r.pseudonymised_at IS NULL;
  RETURN QUERY SELECT 'erased'::text, NULL::text, NULL::date;
END
$$;
