-- Processing log hash chain, version 3: the reason is in the hash too (ADR 0010). The privacy officer gives a reason
-- for every lookup of a resident's processing (issue 10); that reason is what an auditor reads to judge the lookup, so
-- changing it afterwards must break the chain like changing any other column. Version 3 is version 2 with the reason
-- (NULL as '', which is no valid reason) as its last field. Rows sealed before stay version 1 or 2.
ALTER TABLE processing_log ADD COLUMN IF NOT EXISTS reason text;
ALTER TABLE processing_log ADD CONSTRAINT processing_log_reason_canonical
  CHECK (reason IS NULL OR (reason <> '' AND position(E'\x1f' in reason) = 0));

ALTER TABLE processing_log DROP CONSTRAINT processing_log_sealed_complete;
ALTER TABLE processing_log ADD CONSTRAINT processing_log_sealed_complete
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (sealed_at IS NULL)
    AND (seq IS NULL) = (chain_version IS NULL) AND (chain_version IS NULL OR chain_version IN (1, 2, 3)));

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
