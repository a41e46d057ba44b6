-- Issue 12: concurrent triggers of a municipality's programme refresh run once. A refresh (and the monthly snapshot,
-- which refreshes too) holds a transaction-level advisory lock per municipality; a job that waited for it skips its
-- run when a complete refresh started reading after the job was triggered (that refresh saw everything the trigger
-- committed). This table remembers when the last complete refresh started reading, and how many ran (ADR 0029).
CREATE TABLE programme_refresh_runs (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  started_at timestamptz NOT NULL,
  runs bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id)
);
ALTER TABLE programme_refresh_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_refresh_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON programme_refresh_runs
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
GRANT SELECT, INSERT, UPDATE ON programme_refresh_runs TO samenplan_app;
