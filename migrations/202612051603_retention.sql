-- Retention (issue 16, ADR 0027). Every processing activity gets its retention in machine-readable form (filled in
-- by the migration runner from the register, once per published version); residents whose file passed its term are
-- pseudonymised (marked here); every run of a retention rule records what it removed — counts, never content.
ALTER TABLE processing_activities ADD COLUMN retention_rule jsonb
  CHECK (retention_rule IS NULL OR (retention_rule->>'term' ~ '^P[0-9]+[YMD]$' AND retention_rule ? 'after'));

ALTER TABLE residents ADD COLUMN pseudonymised_at timestamptz;

CREATE TABLE retention_runs (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  rule text NOT NULL CHECK (length(rule) BETWEEN 1 AND 100),
  processing_activity_id text NOT NULL,
  cutoff timestamptz NOT NULL,
  removed integer NOT NULL CHECK (removed >= 0),
  pseudonymised integer NOT NULL CHECK (pseudonymised >= 0),
  ran_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX retention_runs_ran_idx ON retention_runs (municipality_id, ran_at);
ALTER TABLE retention_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retention_runs
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
GRANT SELECT ON retention_runs TO samenplan_app;
