-- Need-to-know scope enforced by PostgreSQL for the application role (docs/adr/0011-scope-in-the-database.md).
-- Until now row-level security kept municipalities apart and every store added the scope to its WHERE by hand; a
-- store that forgot it read the whole municipality. Now every table that holds a resident's data, or hangs off one,
-- has a RESTRICTIVE policy next to tenant_isolation: whatever SQL a store sends, it sees and writes only the rows of
-- residents in the principal's scope, read from per-transaction settings that the platform sets with the
-- municipality (src/platform/db/transaction.ts):
--   samenplan.scope_areas       uuid[]  areas of the werkmatcher's / teamleider's own teams
--   samenplan.scope_partner     uuid    the buurtteam professional's organisation (active consent needed)
--   samenplan.scope_candidates  on      the werkgeversadviseur: proposals the resident agreed to be presented for;
--                                       the person behind one only after the reveal
--   samenplan.scope_resident    uuid    the resident himself (the coming portal)
--   samenplan.user_id           uuid    the staff user (own notifications)
--   samenplan.scope_system      on      background jobs of the municipality (notifications of all its staff)
-- An empty setting grants nothing: roles without individual records (policy, research, admin, privacy) get no rows.
-- Consent, reveal and participation checks are SECURITY DEFINER functions (owner's rights, fixed search_path) so
-- that policies do not recurse into each other; they answer one yes/no per row and return no data.

CREATE FUNCTION samenplan_scope_areas() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting('samenplan.scope_areas', true), ''), '{}')::uuid[]
$$;
CREATE FUNCTION samenplan_scope_partner() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('samenplan.scope_partner', true), '')::uuid
$$;
CREATE FUNCTION samenplan_scope_candidates() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('samenplan.scope_candidates', true), '') = 'on'
$$;
CREATE FUNCTION samenplan_scope_resident() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('samenplan.scope_resident', true), '')::uuid
$$;
CREATE FUNCTION samenplan_scope_user() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('samenplan.user_id', true), '')::uuid
$$;
CREATE FUNCTION samenplan_scope_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('samenplan.scope_system', true), '') = 'on'
$$;

-- The resident gave the organisation an active consent today.
CREATE FUNCTION samenplan_consented(p_municipality_id uuid, p_resident_id uuid, p_partner uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM consents k
    WHERE k.municipality_id = p_municipality_id AND k.resident_id = p_resident_id AND k.partner_organisation_id = p_partner
      AND k.withdrawn_at IS NULL AND k.valid_from <= current_date AND (k.valid_to IS NULL OR k.valid_to >= current_date))
$$;

-- The resident agreed to be presented for a vacancy (a candidate the werkgeversadviseur sees, anonymously).
CREATE FUNCTION samenplan_is_candidate(p_municipality_id uuid, p_resident_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM match_proposals p
    WHERE p.municipality_id = p_municipality_id AND p.resident_id = p_resident_id
      AND p.status IN ('residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed', 'rejected'))
$$;

-- The resident's identity was revealed to the employer side: he agreed and the employer committed to an interview.
CREATE FUNCTION samenplan_is_revealed(p_municipality_id uuid, p_resident_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM match_proposals p
    WHERE p.municipality_id = p_municipality_id AND p.resident_id = p_resident_id AND p.revealed_at IS NOT NULL)
$$;

-- The organisation takes part in the meeting (a buurtteam sees only the 3-gesprekken it joins).
CREATE FUNCTION samenplan_partner_in_meeting(p_municipality_id uuid, p_meeting_id uuid, p_partner uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM meeting_participants mp
    WHERE mp.municipality_id = p_municipality_id AND mp.meeting_id = p_meeting_id AND mp.partner_organisation_id = p_partner)
$$;

REVOKE ALL ON FUNCTION samenplan_consented(uuid, uuid, uuid), samenplan_is_candidate(uuid, uuid),
  samenplan_is_revealed(uuid, uuid), samenplan_partner_in_meeting(uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_consented(uuid, uuid, uuid), samenplan_is_candidate(uuid, uuid),
  samenplan_is_revealed(uuid, uuid), samenplan_partner_in_meeting(uuid, uuid, uuid) TO samenplan_app;

-- The residents themselves. Moving a resident to an area outside the scope (a new address) stays possible for
-- whoever may update him: the new row is not checked against the areas.
CREATE POLICY need_to_know ON residents AS RESTRICTIVE FOR SELECT USING (
  area_id = ANY ((SELECT samenplan_scope_areas())::uuid[])
  OR id = (SELECT samenplan_scope_resident())
  OR (CASE WHEN (SELECT samenplan_scope_partner()) IS NULL THEN false
      ELSE samenplan_consented(municipality_id, id, (SELECT samenplan_scope_partner())) END)
  OR (CASE WHEN (SELECT samenplan_scope_candidates()) THEN samenplan_is_revealed(municipality_id, id) ELSE false END)
);
CREATE POLICY need_to_know_insert ON residents AS RESTRICTIVE FOR INSERT WITH CHECK (
  area_id = ANY ((SELECT samenplan_scope_areas())::uuid[])
);
CREATE POLICY need_to_know_update ON residents AS RESTRICTIVE FOR UPDATE USING (
  area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]) OR id = (SELECT samenplan_scope_resident())
) WITH CHECK (true);
CREATE POLICY need_to_know_delete ON residents AS RESTRICTIVE FOR DELETE USING (
  area_id = ANY ((SELECT samenplan_scope_areas())::uuid[])
);

-- Tables with a resident_id: one policy each, built from the ways a resident can be in scope. Which ways apply
-- differs per table: the buurtteam sees the shared plan, assessment, barriers and his 3-gesprekken, not the benefit,
-- the contact moments or the work profile; the werkgeversadviseur sees candidates' proposals and work profiles, and
-- after the reveal the case and the placement.
DO $$
DECLARE
  t record;
  area_branch text := 'EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = %1$I.municipality_id AND r.id = %1$I.resident_id AND r.area_id = ANY ((SELECT samenplan_scope_areas())::uuid[]))';
  own_branch text := '%1$I.resident_id = (SELECT samenplan_scope_resident())';
  partner_branch text := '(CASE WHEN (SELECT samenplan_scope_partner()) IS NULL THEN false ELSE samenplan_consented(%1$I.municipality_id, %1$I.resident_id, (SELECT samenplan_scope_partner())) END)';
  revealed_branch text := '(CASE WHEN (SELECT samenplan_scope_candidates()) THEN samenplan_is_revealed(%1$I.municipality_id, %1$I.resident_id) ELSE false END)';
  candidate_branch text := '(CASE WHEN (SELECT samenplan_scope_candidates()) THEN samenplan_is_candidate(%1$I.municipality_id, %1$I.resident_id) ELSE false END)';
  expr text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('cases', true, true, false, NULL),
      ('benefits', false, false, false, NULL),
      ('consents', false, false, false, 'partner_organisation_id = (SELECT samenplan_scope_partner()) AND samenplan_consented(consents.municipality_id, consents.resident_id, partner_organisation_id)'),
      ('contact_moments', false, false, false, NULL),
      ('contact_person_assignments', false, false, false, NULL),
      ('zrm_assessments', true, false, false, NULL),
      ('barriers', true, false, false, NULL),
      ('plans', true, false, false, NULL),
      ('meetings', false, false, false, '(CASE WHEN (SELECT samenplan_scope_partner()) IS NULL THEN false ELSE samenplan_consented(meetings.municipality_id, meetings.resident_id, (SELECT samenplan_scope_partner())) AND samenplan_partner_in_meeting(meetings.municipality_id, meetings.id, (SELECT samenplan_scope_partner())) END)'),
      ('work_profiles', false, false, true, NULL),
      ('match_proposals', false, false, false, '(CASE WHEN (SELECT samenplan_scope_candidates()) THEN status IN (''residentAgreed'', ''presented'', ''interviewAgreed'', ''revealed'', ''placed'', ''rejected'') ELSE false END)'),
      ('match_exposures', false, false, false, NULL),
      ('placements', false, true, false, NULL),
      ('fairness_group_data', false, false, false, NULL),
      ('catch_up_campaign_residents', false, false, false, NULL)
    ) AS x(name, partner, revealed, candidate, extra)
  LOOP
    -- Work profiles carry the resident's area themselves (scope_area_id, kept by triggers): no lookup per row.
    expr := CASE WHEN t.name = 'work_profiles' THEN 'scope_area_id = ANY ((SELECT samenplan_scope_areas())::uuid[])'
      ELSE format(area_branch, t.name) END || ' OR ' || format(own_branch, t.name);
    IF t.partner THEN expr := expr || ' OR ' || format(partner_branch, t.name); END IF;
    IF t.revealed THEN expr := expr || ' OR ' || format(revealed_branch, t.name); END IF;
    IF t.candidate THEN expr := expr || ' OR ' || format(candidate_branch, t.name); END IF;
    IF t.extra IS NOT NULL THEN expr := expr || ' OR (' || t.extra || ')'; END IF;
    EXECUTE format('CREATE POLICY need_to_know ON %I AS RESTRICTIVE USING (%s)', t.name, expr);
  END LOOP;
END
$$;

-- Tables that hang off a resident-bearing table: in scope when their parent row is (the parent's policy decides).
CREATE POLICY need_to_know ON zrm_scores AS RESTRICTIVE USING (EXISTS (
  SELECT 1 FROM zrm_assessments a WHERE a.municipality_id = zrm_scores.municipality_id AND a.id = zrm_scores.assessment_id));
CREATE POLICY need_to_know ON plan_goals AS RESTRICTIVE USING (EXISTS (
  SELECT 1 FROM plans p WHERE p.municipality_id = plan_goals.municipality_id AND p.id = plan_goals.plan_id));
CREATE POLICY need_to_know ON plan_actions AS RESTRICTIVE USING (EXISTS (
  SELECT 1 FROM plans p WHERE p.municipality_id = plan_actions.municipality_id AND p.id = plan_actions.plan_id));
CREATE POLICY need_to_know ON plan_versions AS RESTRICTIVE USING (EXISTS (
  SELECT 1 FROM plans p WHERE p.municipality_id = plan_versions.municipality_id AND p.id = plan_versions.plan_id));
CREATE POLICY need_to_know ON meeting_participants AS RESTRICTIVE USING (EXISTS (
  SELECT 1 FROM meetings mt WHERE mt.municipality_id = meeting_participants.municipality_id AND mt.id = meeting_participants.meeting_id));
CREATE POLICY need_to_know ON placement_follow_ups AS RESTRICTIVE USING (EXISTS (
  SELECT 1 FROM placements pl WHERE pl.municipality_id = placement_follow_ups.municipality_id AND pl.id = placement_follow_ups.placement_id));

-- Notifications are addressed to one staff member: he reads and marks only his own; jobs of the municipality write
-- and mail them for everyone.
CREATE POLICY own_notifications ON notifications AS RESTRICTIVE USING (
  staff_user_id = (SELECT samenplan_scope_user()) OR (SELECT samenplan_scope_system())
) WITH CHECK (true);

-- Named exceptions, for a purpose each, returning no more than that purpose needs:
-- the privacy officer looks up the processing log of any resident of his municipality (it must exist).
CREATE FUNCTION samenplan_resident_exists(p_resident_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM residents r
    WHERE r.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND r.id = p_resident_id)
$$;
REVOKE ALL ON FUNCTION samenplan_resident_exists(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_resident_exists(uuid) TO samenplan_app;

-- The fairness monitor's counts per group (aggregates only: no resident leaves this function; cells under 10 are
-- suppressed by the fairness service before anything is shown). Population: residents with a work profile.
CREATE FUNCTION fairness_counts(p_dimension text, p_from date, p_to date)
RETURNS TABLE (grp text, population bigint, exposure bigint, proposals bigint, interviews bigint, placements bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH params AS (
    SELECT nullif(current_setting('samenplan.municipality_id', true), '')::uuid AS m,
      (p_from::timestamp AT TIME ZONE 'Europe/Amsterdam') AS s, ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS e
  ), population AS (
    SELECT r.id, CASE p_dimension
        WHEN 'ageBand' THEN CASE WHEN date_part('year', age(p_to, r.date_of_birth)) < 27 THEN '<27'
          WHEN date_part('year', age(p_to, r.date_of_birth)) < 45 THEN '27-44' ELSE '45+' END
        WHEN 'householdType' THEN r.household_type
        WHEN 'gender' THEN coalesce(f.gender, 'unknown')
        WHEN 'migrationBackground' THEN coalesce(f.migration_background, 'unknown') END AS grp
    FROM params, work_profiles wp
    JOIN residents r ON r.municipality_id = wp.municipality_id AND r.id = wp.resident_id
    LEFT JOIN fairness_group_data f ON f.municipality_id = r.municipality_id AND f.resident_id = r.id
    WHERE wp.municipality_id = params.m
  )
  SELECT pop.grp, count(*),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_exposures x WHERE x.municipality_id = params.m
      AND x.resident_id = pop.id AND x.rank <= 10 AND x.shown_at >= params.s AND x.shown_at < params.e)),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_proposals p WHERE p.municipality_id = params.m
      AND p.resident_id = pop.id AND p.proposed_at >= params.s AND p.proposed_at < params.e)),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_proposals p WHERE p.municipality_id = params.m
      AND p.resident_id = pop.id AND p.interview_committed_at >= params.s AND p.interview_committed_at < params.e)),
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placements pl WHERE pl.municipality_id = params.m
      AND pl.resident_id = pop.id AND pl.start_date BETWEEN p_from AND p_to))
  FROM population pop, params
  GROUP BY pop.grp
$$;
REVOKE ALL ON FUNCTION fairness_counts(text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fairness_counts(text, date, date) TO samenplan_app;

-- The realised placements of an employer agreement ("x van 40"): the start dates of all its placements, whoever
-- asks (the policies would count only the placements of the asker's own residents). Dates only, no resident.
CREATE FUNCTION samenplan_agreement_placement_starts(p_agreement_id uuid) RETURNS date[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(p.start_date ORDER BY p.start_date), '{}') FROM placements p
  WHERE p.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND p.agreement_id = p_agreement_id
$$;
REVOKE ALL ON FUNCTION samenplan_agreement_placement_starts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_agreement_placement_starts(uuid) TO samenplan_app;

-- What identifies a candidate, so that the server can check that the anonymous profile does not name him before the
-- werkgeversadviseur presents it (candidates/identifying-text.ts); it never leaves the server. Only for a proposal
-- the resident agreed to.
CREATE FUNCTION samenplan_candidate_identifiers(p_proposal_id uuid)
RETURNS TABLE (given_names text, family_name_prefix text, family_name text, street text, phone text, email text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.given_names, r.family_name_prefix, r.family_name, r.street, r.phone, r.email
  FROM match_proposals p JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
  WHERE p.municipality_id = nullif(current_setting('samenplan.municipality_id', true), '')::uuid AND p.id = p_proposal_id
    AND p.status IN ('residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed', 'rejected')
$$;
REVOKE ALL ON FUNCTION samenplan_candidate_identifiers(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION samenplan_candidate_identifiers(uuid) TO samenplan_app;
