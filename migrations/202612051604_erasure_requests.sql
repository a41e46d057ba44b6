-- Erasure requests (AVG art. 17; issue 16, ADR 0027). The privacy officer records a resident's request to be
-- forgotten; the database decides with the same legal duty the retention job applies: an active case, or a case that
-- closed less than 10 years ago (Participatiewet, Archiefwet/Selectielijst 2020), is a legal duty to keep — refused
-- with that reason and the date until which the file must be kept. Otherwise the file is pseudonymised at once and
-- the consents are deleted. The request is kept under the subject's pseudonym (as in the processing log), not his id,
-- so the record of the erasure does not itself point at the person.
CREATE TABLE erasure_requests (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  subject_pseudonym text NOT NULL CHECK (length(subject_pseudonym) BETWEEN 10 AND 200),
  decision text NOT NULL CHECK (decision IN ('erased', 'refused')),
  refusal_reason text CHECK (refusal_reason IN ('activeCase', 'legalRetention')),
  retain_until date,
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((decision = 'refused') = (refusal_reason IS NOT NULL)),
  PRIMARY KEY (municipality_id, id)
);
ALTER TABLE erasure_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON erasure_requests
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
GRANT SELECT, INSERT ON erasure_requests TO samenplan_app;

-- Decides and, when allowed, erases: one resident of the current municipality. Returns the decision only.
CREATE FUNCTION samenplan_erase_resident(p_id uuid, p_now timestamptz)
RETURNS TABLE (decision text, refusal_reason text, retain_until date)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m uuid := nullif(current_setting('samenplan.municipality_id', true), '')::uuid;
  last_closed date;
  n bigint;
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
REVOKE ALL ON FUNCTION samenplan_erase_resident(uuid, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_erase_resident(uuid, timestamptz) TO samenplan_app;
