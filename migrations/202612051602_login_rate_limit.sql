-- The login rate limit in PostgreSQL (issue 16): it held in one process's memory, so two app instances each allowed
-- the limit. One row per client key (an HMAC of the client address under the pseudonym key, never the address) and
-- fixed window; the application increments it in one upsert. Not a tenant table: a login has no municipality yet.
CREATE TABLE login_rate_limits (
  key text PRIMARY KEY CHECK (length(key) <= 200),
  window_start timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits > 0)
);
ALTER TABLE login_rate_limits ENABLE ROW LEVEL SECURITY;
-- No personal data and no tenant: every row is the application's to count with (the policy makes that explicit).
CREATE POLICY login_rate_limits_app ON login_rate_limits TO samenplan_app USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON login_rate_limits TO samenplan_app;
