-- The processing log's own retention (issue 16, ADR 0033). Entries past their term are pruned from the start of each
-- municipality's chain, never from the middle: a checkpoint records the first sequence number kept and the hash of the
-- entry before it (the chain's new start), so `audit verify` checks the rest of the chain unchanged. Written only by
-- the retention job on the owner connection; the application role cannot see or write it.
CREATE TABLE processing_log_checkpoints (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  seq bigint NOT NULL CHECK (seq > 1),
  prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
  cutoff timestamptz NOT NULL,
  removed bigint NOT NULL CHECK (removed > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, seq)
);
ALTER TABLE processing_log_checkpoints ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON processing_log_checkpoints FROM PUBLIC;
CREATE POLICY tenant_isolation ON processing_log_checkpoints
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
