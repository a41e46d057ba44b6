-- The privacy officer's pages (issue 10, point 9): the reason given for a lookup, filters over the log, and two
-- named exceptions to the need-to-know scope (ADR 0011), each returning only what its purpose needs.

-- Why the privacy officer looked up a resident's processing (required for that lookup, NULL for every other entry).
-- Not yet covered by the hash chain (version 2 hashes the columns it had when it was introduced): a chain version 3
-- that also hashes the reason is the follow-up. The application role still cannot change it (no UPDATE grant).
ALTER TABLE processing_log ADD COLUMN reason text
  CHECK (reason IS NULL OR (length(reason) BETWEEN 10 AND 500 AND position(E'\x1f' in reason) = 0));

-- Filtering the log by actor or activity, newest first (paginated by id).
CREATE INDEX processing_log_actor_idx ON processing_log (municipality_id, actor_id, id);
CREATE INDEX processing_log_activity_idx ON processing_log (municipality_id, processing_activity_id, id);

-- The privacy officer finds a resident of his own municipality by BSN (to inspect the log about him or answer his
-- subject access request), or names him by id for the export: who he is (name, date of birth, BSN) and nothing else.
-- The caller logs the lookup (PA-007 with a reason, PA-019 for the export).
CREATE FUNCTION samenplan_privacy_resident(p_bsn text, p_id uuid)
RETURNS TABLE (id uuid, bsn text, given_names text, family_name_prefix text, family_name text, date_of_birth date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id, r.bsn::text, r.given_names, r.family_name_prefix, r.family_name, r.date_of_birth
  FROM residents r
  WHERE r.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid
    AND (p_bsn IS NOT NULL OR p_id IS NOT NULL)
    AND (p_bsn IS NULL OR r.bsn = p_bsn)
    AND (p_id IS NULL OR r.id = p_id)
$$;
REVOKE ALL ON FUNCTION samenplan_privacy_resident(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_privacy_resident(text, uuid) TO samenplan_app;
