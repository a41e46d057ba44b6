-- Mijn Samenplan (issue 11): messages between a resident and his contact person, inside Samenplan. One conversation
-- per resident: the resident writes to his werkmatcher, the area team answers from the resident page. An e-mail only
-- says that there is a new message, never its words (emailed_at: mailed once). read_at: when the other side opened
-- the conversation (the unread counts on both sides). Need-to-know as every resident-bearing table since migration
-- 202612051910: the area team through scope_area_id, and the resident himself; partner organisations never.
CREATE TABLE resident_messages (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  resident_id uuid NOT NULL,
  scope_area_id uuid,
  sender text NOT NULL CHECK (sender IN ('resident', 'staff')),
  staff_user_id uuid,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  sent_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, staff_user_id) REFERENCES staff_users (municipality_id, id),
  CHECK ((sender = 'staff') = (staff_user_id IS NOT NULL)),
  CHECK (read_at IS NULL OR read_at >= sent_at)
);
CREATE INDEX resident_messages_thread_idx ON resident_messages (municipality_id, resident_id, sent_at DESC);
CREATE INDEX resident_messages_unread_idx ON resident_messages (municipality_id, resident_id, sender) WHERE read_at IS NULL;

ALTER TABLE resident_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE resident_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resident_messages
  USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
  WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid));
CREATE TRIGGER resident_messages_scope_area_fill BEFORE INSERT OR UPDATE OF resident_id, scope_area_id ON resident_messages
  FOR EACH ROW EXECUTE FUNCTION samenplan_scope_area_fill();
CREATE POLICY need_to_know ON resident_messages AS RESTRICTIVE USING (
  scope_area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]) OR resident_messages.resident_id = (SELECT samenplan_scope_resident()));

-- Written once; afterwards only "read" and "mailed" change.
GRANT SELECT, INSERT ON resident_messages TO samenplan_app;
GRANT UPDATE (read_at, emailed_at) ON resident_messages TO samenplan_app;
