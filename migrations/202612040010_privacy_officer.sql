-- The privacy officer's pages (issue 10, point 9): the reason given for a lookup (in the hash chain, version 3),
-- filters over the log, a named exception to the need-to-know scope (ADR 0011) that returns only what it needs, and
-- indexes for the buurtteam's werklijst (point 8).

-- Why the privacy officer looked up a resident's processing (required for that lookup, NULL for every other entry).
-- Never empty, and without the separator U+001F, so NULL and every reason hash differently (below).
ALTER TABLE processing_log ADD COLUMN reason text
  CHECK (reason IS NULL OR (length(reason) BETWEEN 10 AND 500 AND position(E'\x1f' in reason) = 0));

-- Hash chain version 3 (ADR 0010): version 2 plus the reason, so a changed reason breaks the chain like any other
-- column. Rows sealed before stay version 1 or 2 and are checked with their own digest. chain-digest.ts computes
-- the same bytes outside the database.
CREATE FUNCTION processing_log_digest_v3(
  p_prev bytea, p_municipality_id uuid, p_seq bigint, p_id bigint, p_entry_id uuid, p_trace_id text, p_span_id text,
  p_parent_span_id text, p_action text, p_status text, p_started_at timestamptz, p_ended_at timestamptz,
  p_sealed_at timestamptz, p_activity_id text, p_activity_version integer, p_subject_type text, p_subject_ids text[],
  p_actor_id uuid, p_actor_role text, p_reason text
) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(p_prev || convert_to(concat_ws(E'\x1f',
    'v3', p_municipality_id, p_seq, p_id, p_entry_id, p_trace_id, p_span_id, coalesce(p_parent_span_id, ''),
    p_action, p_status,
    (extract(epoch FROM p_started_at) * 1000000)::bigint,
    (extract(epoch FROM p_ended_at) * 1000000)::bigint,
    (extract(epoch FROM p_sealed_at) * 1000000)::bigint,
    p_activity_id, p_activity_version, p_subject_type, array_to_string(p_subject_ids, ','), p_actor_id, p_actor_role,
    coalesce(p_reason, '')
  ), 'UTF8'))
$$;

ALTER TABLE processing_log DROP CONSTRAINT processing_log_sealed_complete;
ALTER TABLE processing_log ADD CONSTRAINT processing_log_sealed_complete
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (sealed_at IS NULL)
    AND (seq IS NULL) = (chain_version IS NULL) AND (chain_version IS NULL OR chain_version IN (1, 2, 3)));

CREATE OR REPLACE FUNCTION processing_log_row_digest(l processing_log) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE l.chain_version
    WHEN 1 THEN processing_log_digest(l.prev_hash, l.municipality_id, l.seq, l.entry_id, l.trace_id, l.span_id,
      l.parent_span_id, l.action, l.status, l.started_at, l.ended_at, l.processing_activity_id,
      l.processing_activity_version, l.data_subject_type, l.data_subject_ids, l.actor_id, l.actor_role)
    WHEN 2 THEN processing_log_digest_v2(l.prev_hash, l.municipality_id, l.seq, l.id, l.entry_id, l.trace_id, l.span_id,
      l.parent_span_id, l.action, l.status, l.started_at, l.ended_at, l.sealed_at, l.processing_activity_id,
      l.processing_activity_version, l.data_subject_type, l.data_subject_ids, l.actor_id, l.actor_role)
    WHEN 3 THEN processing_log_digest_v3(l.prev_hash, l.municipality_id, l.seq, l.id, l.entry_id, l.trace_id, l.span_id,
      l.parent_span_id, l.action, l.status, l.started_at, l.ended_at, l.sealed_at, l.processing_activity_id,
      l.processing_activity_version, l.data_subject_type, l.data_subject_ids, l.actor_id, l.actor_role, l.reason)
  END
$$;

-- The sealer of migration 202612030001, now sealing with version 3 (same locking, same batches).
CREATE OR REPLACE FUNCTION processing_log_seal(p_limit integer) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m uuid;
  ids bigint[];
  r processing_log%ROWTYPE;
  v_seq bigint;
  v_hash bytea;
  v_sealed_at timestamptz := clock_timestamp();
  u_ids bigint[];
  u_seqs bigint[];
  u_prev bytea[];
  u_hash bytea[];
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(4711002) THEN
    RETURN 0;
  END IF;
  FOR m, ids IN
    SELECT w.municipality_id, array_agg(w.id ORDER BY w.id)
    FROM (SELECT l.municipality_id, l.id FROM processing_log l WHERE l.seq IS NULL ORDER BY l.id LIMIT p_limit) w
    GROUP BY w.municipality_id
  LOOP
    INSERT INTO processing_log_chain (municipality_id, last_seq, last_hash)
      VALUES (m, 0, decode(repeat('00', 32), 'hex'))
      ON CONFLICT (municipality_id) DO NOTHING;
    SELECT c.last_seq, c.last_hash INTO v_seq, v_hash FROM processing_log_chain c WHERE c.municipality_id = m FOR UPDATE;
    u_ids := '{}'; u_seqs := '{}'; u_prev := '{}'; u_hash := '{}';
    FOR r IN SELECT l.* FROM processing_log l WHERE l.municipality_id = m AND l.id = ANY (ids) ORDER BY l.id LOOP
      u_ids := u_ids || r.id;
      u_seqs := u_seqs || (v_seq + 1);
      u_prev := u_prev || v_hash;
      v_hash := processing_log_digest_v3(v_hash, r.municipality_id, v_seq + 1, r.id, r.entry_id, r.trace_id, r.span_id,
        r.parent_span_id, r.action, r.status, r.started_at, r.ended_at, v_sealed_at, r.processing_activity_id,
        r.processing_activity_version, r.data_subject_type, r.data_subject_ids, r.actor_id, r.actor_role, r.reason);
      u_hash := u_hash || v_hash;
      v_seq := v_seq + 1;
    END LOOP;
    UPDATE processing_log l SET seq = u.seq, prev_hash = u.prev, hash = u.hash, sealed_at = v_sealed_at, chain_version = 3
      FROM unnest(u_ids, u_seqs, u_prev, u_hash) AS u(id, seq, prev, hash)
      WHERE l.municipality_id = m AND l.id = u.id;
    n := n + cardinality(u_ids);
    UPDATE processing_log_chain SET last_seq = v_seq, last_hash = v_hash WHERE municipality_id = m;
  END LOOP;
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION processing_log_seal(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION processing_log_seal(integer) TO samenplan_app;

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

-- The buurtteam's werklijst (issue 10, point 8): open actions his organisation carries, and the meetings it joins,
-- found from the organisation instead of a scan (the professional's own actions use plan_actions_open_owner_idx).
CREATE INDEX plan_actions_open_partner_idx ON plan_actions (municipality_id, owner_partner_organisation_id, due_date)
  WHERE status IN ('open', 'inProgress') AND owner_partner_organisation_id IS NOT NULL;
CREATE INDEX meeting_participants_partner_idx ON meeting_participants (municipality_id, partner_organisation_id, meeting_id)
  WHERE partner_organisation_id IS NOT NULL;
