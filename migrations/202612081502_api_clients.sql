-- API clients of partner systems (issue 15, ADR 0032): OAuth2 client credentials. A client belongs to a partner
-- organisation and has scopes (permissions it may use, within what a partner professional may); its secret is kept
-- only as a SHA-256 hash (32 random bytes: a fast hash suffices for a secret of full entropy). Tokens are opaque,
-- random, stored as hashes, valid for a short time; a request with one is resolved by a SECURITY DEFINER function,
-- like a session (the municipality is not known before).
CREATE TABLE api_clients (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  partner_organisation_id uuid NOT NULL,
  scopes text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 20),
  secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
  active boolean NOT NULL DEFAULT true,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, partner_organisation_id) REFERENCES partner_organisations (municipality_id, id)
);

CREATE TABLE api_client_tokens (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
  client_id uuid NOT NULL,
  scopes text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, token_hash),
  FOREIGN KEY (municipality_id, client_id) REFERENCES api_clients (municipality_id, id)
);
-- A bearer token is looked up before the municipality is known (like a session): by its hash alone.
CREATE INDEX api_client_tokens_hash_idx ON api_client_tokens (token_hash);
CREATE INDEX api_client_tokens_expiry_idx ON api_client_tokens (expires_at);
CREATE INDEX api_clients_id_idx ON api_clients (id);

ALTER TABLE api_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_clients FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_clients
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
ALTER TABLE api_client_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_client_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_client_tokens
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE ON api_clients TO samenplan_app;
-- Tokens are issued and read only through the functions below.

-- The token endpoint: checks the client's secret (by its hash) and issues a token with the granted scopes.
-- Returns nothing for an unknown, inactive or wrongly authenticated client.
CREATE FUNCTION api_client_issue_token(p_client_id uuid, p_secret_hash bytea, p_token_hash bytea, p_scopes text[], p_ttl_seconds integer)
RETURNS TABLE (municipality_id uuid, client_scopes text[], granted text[], expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  c api_clients%ROWTYPE;
  g text[];
  e timestamptz := now() + make_interval(secs => p_ttl_seconds);
BEGIN
  SELECT * INTO c FROM api_clients ac WHERE ac.id = p_client_id AND ac.active AND ac.secret_hash = p_secret_hash;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  g := CASE WHEN p_scopes IS NULL THEN c.scopes ELSE p_scopes END;
  IF NOT g <@ c.scopes THEN
    RETURN QUERY SELECT c.municipality_id, c.scopes, NULL::text[], NULL::timestamptz;
    RETURN;
  END IF;
  DELETE FROM api_client_tokens t WHERE t.expires_at < now() - interval '1 day';
  INSERT INTO api_client_tokens (token_hash, municipality_id, client_id, scopes, expires_at)
    VALUES (p_token_hash, c.municipality_id, c.id, g, e);
  RETURN QUERY SELECT c.municipality_id, c.scopes, g, e;
END
$$;

-- A request with a bearer token: the client as principal (its municipality, partner organisation and scopes).
CREATE FUNCTION api_client_principal(p_token_hash bytea)
RETURNS TABLE (municipality_id uuid, municipality_name text, contact_norm_days integer, client_id uuid, name text,
  partner_organisation_id uuid, scopes text[], expires_at timestamptz, area_term text, partner_team_term text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.municipality_id, m.name, m.contact_norm_days, c.id, c.name, c.partner_organisation_id, t.scopes, t.expires_at,
    m.area_term, m.partner_team_term
  FROM api_client_tokens t
  JOIN api_clients c ON c.municipality_id = t.municipality_id AND c.id = t.client_id AND c.active
  JOIN municipalities m ON m.id = c.municipality_id
  WHERE t.token_hash = p_token_hash AND t.expires_at > now()
$$;

REVOKE ALL ON FUNCTION api_client_issue_token(uuid, bytea, bytea, text[], integer), api_client_principal(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_client_issue_token(uuid, bytea, bytea, text[], integer), api_client_principal(bytea) TO samenplan_app;
