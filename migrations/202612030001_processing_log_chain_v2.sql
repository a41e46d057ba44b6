-- Processing log hash chain, version 2 (docs/adr/0004-processing-log-storage.md, docs/adr/0010-unsealed-window.md).
--  * Every column of a sealed row is in its hash: version 1 left out the storage key `id` and `sealed_at`, so changing
--    either went unnoticed.
--  * No field can lend bytes to its neighbour: the separator (U+001F) may not occur in any text field, subject
--    pseudonyms hold no comma and no NULL (CHECK constraints), NULL parent spans hash as '' (never a valid span id).
--  * Timestamps enter as microseconds since the epoch: exact, independent of time zone and date style, and cheaper
--    than to_char(). src/platform/processing-log/chain-digest.ts computes the same bytes outside the database.
-- Rows sealed before this migration stay version 1 and are verified with the version-1 digest; the version is itself
-- covered by the version-2 digest, and a version-1 row whose version is flipped to 2 no longer matches its hash.
-- The sealer now locks a municipality's chain head once per batch instead of once per row.
-- The digest functions are STABLE, not IMMUTABLE: to_char() and extract() are STABLE, and PostgreSQL only inlines a
-- SQL function whose body is no less volatile than its declaration. Inlined, a digest costs about half as much.

ALTER TABLE processing_log ADD CONSTRAINT processing_log_canonical_fields CHECK (
  position(E'\x1f' in action) = 0 AND position(E'\x1f' in data_subject_type) = 0 AND position(E'\x1f' in actor_role) = 0
  AND position(E'\x1f' in processing_activity_id) = 0 AND array_position(data_subject_ids, NULL) IS NULL
  AND position(',' in array_to_string(data_subject_ids, '')) = 0
  AND position(E'\x1f' in array_to_string(data_subject_ids, '')) = 0);

ALTER TABLE processing_log ADD COLUMN chain_version smallint;
UPDATE processing_log SET chain_version = 1 WHERE seq IS NOT NULL;
ALTER TABLE processing_log DROP CONSTRAINT processing_log_sealed_complete;
ALTER TABLE processing_log ADD CONSTRAINT processing_log_sealed_complete
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (sealed_at IS NULL)
    AND (seq IS NULL) = (chain_version IS NULL) AND (chain_version IS NULL OR chain_version IN (1, 2)));

CREATE FUNCTION processing_log_digest_v2(
  p_prev bytea, p_municipality_id uuid, p_seq bigint, p_id bigint, p_entry_id uuid, p_trace_id text, p_span_id text,
  p_parent_span_id text, p_action text, p_status text, p_started_at timestamptz, p_ended_at timestamptz,
  p_sealed_at timestamptz, p_activity_id text, p_activity_version integer, p_subject_type text, p_subject_ids text[],
  p_actor_id uuid, p_actor_role text
) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(p_prev || convert_to(concat_ws(E'\x1f',
    'v2', p_municipality_id, p_seq, p_id, p_entry_id, p_trace_id, p_span_id, coalesce(p_parent_span_id, ''),
    p_action, p_status,
    (extract(epoch FROM p_started_at) * 1000000)::bigint,
    (extract(epoch FROM p_ended_at) * 1000000)::bigint,
    (extract(epoch FROM p_sealed_at) * 1000000)::bigint,
    p_activity_id, p_activity_version, p_subject_type, array_to_string(p_subject_ids, ','), p_actor_id, p_actor_role
  ), 'UTF8'))
$$;

ALTER FUNCTION processing_log_digest(bytea, uuid, bigint, uuid, text, text, text, text, text, timestamptz, timestamptz,
  text, integer, text, text[], uuid, text) STABLE;

-- The hash a sealed row must have, by its chain version (NULL for an unsealed row or an unknown version).
CREATE FUNCTION processing_log_row_digest(l processing_log) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE l.chain_version
    WHEN 1 THEN processing_log_digest(l.prev_hash, l.municipality_id, l.seq, l.entry_id, l.trace_id, l.span_id,
      l.parent_span_id, l.action, l.status, l.started_at, l.ended_at, l.processing_activity_id,
      l.processing_activity_version, l.data_subject_type, l.data_subject_ids, l.actor_id, l.actor_role)
    WHEN 2 THEN processing_log_digest_v2(l.prev_hash, l.municipality_id, l.seq, l.id, l.entry_id, l.trace_id, l.span_id,
      l.parent_span_id, l.action, l.status, l.started_at, l.ended_at, l.sealed_at, l.processing_activity_id,
      l.processing_activity_version, l.data_subject_type, l.data_subject_ids, l.actor_id, l.actor_role)
  END
$$;

-- Seals up to p_limit unsealed rows, oldest insert first, per municipality: the chain head is locked once, the
-- chain computed row by row in memory, and the rows get their seq, prev_hash and version-2 hash in one UPDATE; the
-- head is written once. One sealer at a time (advisory lock): a concurrent call returns 0 at once. Safe to call from
-- any instance, as often as wanted.
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
      v_hash := processing_log_digest_v2(v_hash, r.municipality_id, v_seq + 1, r.id, r.entry_id, r.trace_id, r.span_id,
        r.parent_span_id, r.action, r.status, r.started_at, r.ended_at, v_sealed_at, r.processing_activity_id,
        r.processing_activity_version, r.data_subject_type, r.data_subject_ids, r.actor_id, r.actor_role);
      u_hash := u_hash || v_hash;
      v_seq := v_seq + 1;
    END LOOP;
    UPDATE processing_log l SET seq = u.seq, prev_hash = u.prev, hash = u.hash, sealed_at = v_sealed_at, chain_version = 2
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
