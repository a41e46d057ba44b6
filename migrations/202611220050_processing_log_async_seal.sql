-- The processing log is hash-chained asynchronously ("sealed") instead of in an insert trigger.
-- Measured (docs/benchmarks.md): the trigger held the chain head's row lock from the log insert until commit, so
-- every request that logged anything serialised on one row per municipality, commit fsync included. Now a request
-- only inserts its row (no lock); processing_log_seal() assigns seq, prev_hash and hash in order, in batches, as the
-- owner. The application role still cannot UPDATE or DELETE log rows; it may only ask for sealing.
-- See docs/adr/0004-processing-log-storage.md.

DROP TRIGGER processing_log_chain_before_insert ON processing_log;
DROP FUNCTION processing_log_chain_row();

ALTER TABLE processing_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE processing_log ADD COLUMN sealed_at timestamptz;
ALTER TABLE processing_log DROP CONSTRAINT processing_log_pkey;
ALTER TABLE processing_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE processing_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE processing_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE processing_log ADD PRIMARY KEY (municipality_id, id);
-- Rows written so far were sealed by the trigger.
UPDATE processing_log SET sealed_at = now() WHERE seq IS NOT NULL;
ALTER TABLE processing_log ADD CONSTRAINT processing_log_sealed_complete
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (sealed_at IS NULL));
CREATE UNIQUE INDEX processing_log_seq_idx ON processing_log (municipality_id, seq);
CREATE INDEX processing_log_unsealed_idx ON processing_log (id) WHERE seq IS NULL;

CREATE OR REPLACE VIEW processing_log_entries WITH (security_invoker = true) AS
  SELECT l.municipality_id, l.seq, l.entry_id, l.trace_id, l.span_id, l.parent_span_id, l.action, l.status,
         l.started_at, l.ended_at, l.processing_activity_id, l.processing_activity_version,
         l.data_subject_type, s.data_subject_id, l.actor_id, l.actor_role, l.id
  FROM processing_log l CROSS JOIN LATERAL unnest(l.data_subject_ids) AS s (data_subject_id);

-- Seals up to p_limit unsealed rows in insertion order; returns how many. One sealer at a time (advisory lock):
-- a concurrent call returns 0 at once. Safe to call from any instance, as often as wanted.
CREATE FUNCTION processing_log_seal(p_limit integer) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r processing_log%ROWTYPE;
  head processing_log_chain%ROWTYPE;
  next_hash bytea;
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(4711002) THEN
    RETURN 0;
  END IF;
  FOR r IN SELECT * FROM processing_log WHERE seq IS NULL ORDER BY id LIMIT p_limit LOOP
    INSERT INTO processing_log_chain (municipality_id, last_seq, last_hash)
      VALUES (r.municipality_id, 0, decode(repeat('00', 32), 'hex'))
      ON CONFLICT (municipality_id) DO NOTHING;
    SELECT * INTO head FROM processing_log_chain WHERE municipality_id = r.municipality_id FOR UPDATE;
    next_hash := processing_log_digest(head.last_hash, r.municipality_id, head.last_seq + 1, r.entry_id, r.trace_id,
      r.span_id, r.parent_span_id, r.action, r.status, r.started_at, r.ended_at, r.processing_activity_id,
      r.processing_activity_version, r.data_subject_type, r.data_subject_ids, r.actor_id, r.actor_role);
    UPDATE processing_log SET seq = head.last_seq + 1, prev_hash = head.last_hash, hash = next_hash, sealed_at = now()
      WHERE municipality_id = r.municipality_id AND id = r.id;
    UPDATE processing_log_chain SET last_seq = head.last_seq + 1, last_hash = next_hash
      WHERE municipality_id = r.municipality_id;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION processing_log_seal(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION processing_log_seal(integer) TO samenplan_app;
GRANT SELECT ON processing_log_entries TO samenplan_app;
