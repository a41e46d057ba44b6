-- Team Jongeren (issue 13): custom provisions (maatwerkvoorzieningen), e.g. a laptop and books for a study without
-- basic qualification. Requested with the room in the rules used (regelruimte) and why it helps; above the
-- municipality's threshold a second person approves; then paid out. A yearly budget per team: committed (requested
-- and approved, not yet paid), paid, available. Money in integer cents.

CREATE TABLE youth_provision_settings (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  -- Above this amount a second person (teamleider or senior werkmatcher) approves.
  approval_threshold_cents bigint NOT NULL CHECK (approval_threshold_cents BETWEEN 0 AND 100000000),
  PRIMARY KEY (municipality_id)
);

CREATE TABLE youth_provision_budgets (
  municipality_id uuid NOT NULL,
  team_id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  budget_cents bigint NOT NULL CHECK (budget_cents BETWEEN 0 AND 100000000000),
  PRIMARY KEY (municipality_id, team_id, year),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id)
);

CREATE TABLE youth_provisions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  team_id uuid NOT NULL,
  year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('laptop', 'books', 'schoolFees', 'travel', 'workClothing', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 1 AND 10000000),
  rule_room text NOT NULL CHECK (length(rule_room) BETWEEN 1 AND 500),
  justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 2000),
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'paid')),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  approved_at timestamptz,
  decision_note text CHECK (length(decision_note) BETWEEN 1 AND 2000),
  paid_on date,
  paid_by uuid,
  payment_reference text CHECK (length(payment_reference) BETWEEN 1 AND 100),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, team_id, year) REFERENCES youth_provision_budgets (municipality_id, team_id, year),
  FOREIGN KEY (municipality_id, requested_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, approved_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, paid_by) REFERENCES staff_users (municipality_id, id),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL AND paid_by IS NOT NULL)),
  CHECK (status = 'requested' OR approved_at IS NOT NULL)
);
CREATE INDEX youth_provisions_resident_idx ON youth_provisions (municipality_id, resident_id, requested_at DESC);
CREATE INDEX youth_provisions_team_year_idx ON youth_provisions (municipality_id, team_id, year, status);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['youth_provision_settings', 'youth_provision_budgets', 'youth_provisions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
  END LOOP;
END
$$;
CREATE POLICY need_to_know ON youth_provisions AS RESTRICTIVE USING (
  EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = youth_provisions.municipality_id AND r.id = youth_provisions.resident_id
    AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))
  OR youth_provisions.resident_id = (SELECT samenplan_scope_resident()));

-- The budget overview of a team and year: sums only (no resident), for everyone with youth:read in the municipality
-- (the policies would sum only the provisions of the caller's own scope).
CREATE FUNCTION youth_provision_totals(p_team uuid, p_year integer)
RETURNS TABLE (kind text, status text, n bigint, cents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.kind, p.status, count(*), sum(p.amount_cents)::bigint FROM youth_provisions p
  WHERE p.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND p.team_id = p_team AND p.year = p_year
  GROUP BY p.kind, p.status
$$;
REVOKE ALL ON FUNCTION youth_provision_totals(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION youth_provision_totals(uuid, integer) TO samenplan_app;

GRANT SELECT ON youth_provision_settings TO samenplan_app;
-- UPDATE only for SELECT … FOR UPDATE: a request locks its team's budget row (two requests cannot both spend the rest).
GRANT SELECT, UPDATE ON youth_provision_budgets TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON youth_provisions TO samenplan_app;
