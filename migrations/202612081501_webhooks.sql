-- Events for partner systems (issue 15, ADR 0025): webhook subscriptions per partner and the deliveries of
-- CloudEvents to them. A delivery row is written in the transaction of the change it reports (plan changed,
-- placement made, outflow registered) together with its job in job_outbox, so a rolled-back change is never
-- delivered. The event itself is low-information (NL GOV profile for CloudEvents): ids of the plan, placement or
-- outflow and a link the partner fetches with its own authorisation; no name, BSN or address. The resident is kept
-- only as the processing log's pseudonym (log_subject), so that each delivery can be logged for him: no resident_id
-- here, so these tables need only the municipality's isolation.
CREATE TABLE webhook_subscriptions (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  partner_organisation_id uuid,
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 20),
  -- The HMAC key for the signature header. Shown once when the subscription is made, never again.
  secret text NOT NULL CHECK (length(secret) >= 32),
  active boolean NOT NULL DEFAULT true,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, partner_organisation_id) REFERENCES partner_organisations (municipality_id, id)
);

CREATE TABLE webhook_deliveries (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  subscription_id uuid NOT NULL,
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  -- The CloudEvent as delivered (attributes and data), without personal data.
  event jsonb NOT NULL,
  -- The processing log's pseudonym of the resident the event is about (never his id).
  log_subject text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_status integer,
  last_error text CHECK (length(last_error) <= 300),
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, subscription_id, event_id),
  FOREIGN KEY (municipality_id, subscription_id) REFERENCES webhook_subscriptions (municipality_id, id)
);
CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (municipality_id, status, created_at DESC);

ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_subscriptions
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE ON webhook_subscriptions TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON webhook_deliveries TO samenplan_app;
