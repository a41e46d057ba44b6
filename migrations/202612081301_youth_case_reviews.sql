-- Team Jongeren (issue 13, ADR 0030): case reviews. The casuïstiekoverleg (the team, every 2 weeks) and the
-- afstemmingsoverleg (the team with policy officers, every 3 weeks) are meetings of a team on a date; a young
-- person is put on the agenda with a question and the partners who take part (buurtteam, school, youth care …);
-- the outcome records the discussion, the decision and the agreed actions, which go into the one plan.
-- The review itself names no resident; an agenda item does and has need-to-know like every resident-bearing table.

CREATE TABLE youth_case_reviews (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL,
  team_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('caseConsultation', 'alignment')),
  held_on date NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, team_id, kind, held_on),
  FOREIGN KEY (municipality_id, team_id) REFERENCES teams (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_users (municipality_id, id)
);

CREATE TABLE youth_case_review_items (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
  -- [{kind, name, partnerOrganisationId|null}]: a partner organisation in Samenplan only with the young person's
  -- active consent for it (checked by the service), an outside partner only with consent_given.
  participants jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(participants) = 'array'),
  consent_given boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'discussed')),
  discussion text CHECK (length(discussion) BETWEEN 1 AND 4000),
  decision text CHECK (length(decision) BETWEEN 1 AND 2000),
  plan_action_ids uuid[] NOT NULL DEFAULT '{}',
  added_by uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  discussed_by uuid,
  discussed_at timestamptz,
  scope_area_id uuid,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, review_id, resident_id),
  FOREIGN KEY (municipality_id, review_id) REFERENCES youth_case_reviews (municipality_id, id),
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id),
  FOREIGN KEY (municipality_id, added_by) REFERENCES staff_users (municipality_id, id),
  FOREIGN KEY (municipality_id, discussed_by) REFERENCES staff_users (municipality_id, id),
  CHECK ((status = 'discussed') = (decision IS NOT NULL AND discussed_at IS NOT NULL AND discussed_by IS NOT NULL))
);
CREATE INDEX youth_case_review_items_resident_idx ON youth_case_review_items (municipality_id, resident_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['youth_case_reviews', 'youth_case_review_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))
      WITH CHECK (municipality_id = (SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid))$p$, t);
  END LOOP;
END
$$;
-- Need-to-know as on every resident-bearing table since 202612051910: scope_area_id, filled from the resident and
-- kept current by residents_scope_area_follow.
CREATE TRIGGER youth_case_review_items_scope_area_fill BEFORE INSERT OR UPDATE OF resident_id, scope_area_id ON youth_case_review_items
  FOR EACH ROW EXECUTE FUNCTION samenplan_scope_area_fill();
CREATE POLICY need_to_know ON youth_case_review_items AS RESTRICTIVE USING (
  scope_area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]) OR youth_case_review_items.resident_id = (SELECT samenplan_scope_resident()));

-- How many young people are on each review's agenda, without who (a review lists all its items' count, the caller
-- sees only the items of her own scope).
CREATE FUNCTION youth_case_review_counts(p_reviews uuid[])
RETURNS TABLE (review_id uuid, planned bigint, discussed bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.review_id, count(*) FILTER (WHERE i.status = 'planned'), count(*) FILTER (WHERE i.status = 'discussed')
  FROM youth_case_review_items i
  WHERE i.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND i.review_id = ANY(p_reviews)
  GROUP BY i.review_id
$$;
REVOKE ALL ON FUNCTION youth_case_review_counts(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION youth_case_review_counts(uuid[]) TO samenplan_app;

GRANT SELECT, INSERT ON youth_case_reviews TO samenplan_app;
GRANT SELECT, INSERT, UPDATE ON youth_case_review_items TO samenplan_app;
