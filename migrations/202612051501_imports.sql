-- Bulk import of residents from the benefit administration (issue 15, ADR 0024). One row per import run: who
-- imported which file with which saved column mapping, what it did (or, for an invalid file or a dry run, would
-- have done) and the validation report per line. The report names lines, columns and what is wrong, never the
-- values themselves: no BSN, name or address of a resident is stored here, so the table has no resident_id.
CREATE TABLE import_runs (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  mapping text NOT NULL CHECK (length(mapping) BETWEEN 1 AND 60),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  dry_run boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('invalid', 'checked', 'imported')),
  total_rows integer NOT NULL DEFAULT 0 CHECK (total_rows >= 0),
  created_count integer NOT NULL DEFAULT 0 CHECK (created_count >= 0),
  updated_count integer NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
  unchanged_count integer NOT NULL DEFAULT 0 CHECK (unchanged_count >= 0),
  error_count integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
  -- The first lines of the report (the rest is counted in error_count): [{ line, column, code, message }].
  report jsonb NOT NULL DEFAULT '[]'::jsonb,
  started_by uuid NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, started_by) REFERENCES staff_users (municipality_id, id)
);
CREATE INDEX import_runs_started_idx ON import_runs (municipality_id, started_at DESC, id);

ALTER TABLE import_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_runs
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

GRANT SELECT, INSERT ON import_runs TO samenplan_app;
