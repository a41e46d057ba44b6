-- Mijn Samenplan (issue 11): the resident as a principal of his own (ADR 0016).
-- A session belongs to a staff member OR to a resident, never both. A resident logs in with OpenID Connect as a
-- DigiD broker offers it (the subject claim is the BSN) or, in demo municipalities, with the demo login of a demo
-- resident (residents.portal_demo_username). The application role still reaches sessions only through the
-- SECURITY DEFINER functions below; the principal of a resident session carries the resident's id, which the
-- platform sets as samenplan.scope_resident: the need-to-know policies' own branch (migration 202612030010).

ALTER TABLE sessions ALTER COLUMN staff_user_id DROP NOT NULL;
ALTER TABLE sessions ADD COLUMN resident_id uuid;
ALTER TABLE sessions ADD CONSTRAINT sessions_resident_fk
  FOREIGN KEY (municipality_id, resident_id) REFERENCES residents (municipality_id, id);
ALTER TABLE sessions ADD CONSTRAINT sessions_one_principal CHECK (num_nonnulls(staff_user_id, resident_id) = 1);
CREATE INDEX sessions_resident_idx ON sessions (municipality_id, resident_id) WHERE resident_id IS NOT NULL;

-- The demo login of a demo resident ("inwoner.naima"): only in demo municipalities (auth_find_resident_demo).
ALTER TABLE residents ADD COLUMN portal_demo_username text
  CHECK (portal_demo_username ~ '^inwoner\.[a-z0-9.-]{1,40}$');
CREATE UNIQUE INDEX residents_portal_demo_username_idx ON residents (portal_demo_username) WHERE portal_demo_username IS NOT NULL;

CREATE FUNCTION auth_find_resident_demo(p_username text)
RETURNS TABLE (municipality_id uuid, resident_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.municipality_id, r.id FROM residents r JOIN municipalities m ON m.id = r.municipality_id
  WHERE r.portal_demo_username = p_username AND m.is_demo
$$;

CREATE FUNCTION auth_demo_residents()
RETURNS TABLE (username text, display_name text, municipality_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.portal_demo_username, r.given_names || ' ' || coalesce(r.family_name_prefix || ' ', '') || r.family_name, m.name
  FROM residents r JOIN municipalities m ON m.id = r.municipality_id
  WHERE m.is_demo AND r.portal_demo_username IS NOT NULL
  ORDER BY m.name, r.portal_demo_username
$$;

-- The resident with this BSN (the OIDC subject claim), in the municipality when one is configured. Returns every
-- match: the caller refuses when the BSN is not unique across the municipalities of this deployment.
CREATE FUNCTION auth_find_resident_by_bsn(p_bsn text, p_municipality_code text)
RETURNS TABLE (municipality_id uuid, resident_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.municipality_id, r.id FROM residents r JOIN municipalities m ON m.id = r.municipality_id
  WHERE r.bsn = p_bsn AND (p_municipality_code IS NULL OR m.code = p_municipality_code)
  LIMIT 2
$$;

CREATE FUNCTION auth_resident_session_create(p_id_hash bytea, p_municipality_id uuid, p_resident_id uuid,
  p_method text, p_csrf_token text, p_expires_at timestamptz)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  DELETE FROM sessions WHERE expires_at < now() - interval '1 day';
  INSERT INTO sessions (id_hash, municipality_id, resident_id, auth_method, csrf_token, expires_at)
  VALUES (p_id_hash, p_municipality_id, p_resident_id, p_method, p_csrf_token, p_expires_at);
$$;

-- The principal of a session: a staff member (as before) or a resident (roles {resident}, resident_id set, a
-- shorter idle timeout: p_resident_idle_seconds). One round trip per request, as before.
DROP FUNCTION auth_principal(bytea, integer);

CREATE FUNCTION auth_principal(p_id_hash bytea, p_idle_seconds integer, p_resident_idle_seconds integer)
RETURNS TABLE (municipality_id uuid, municipality_name text, contact_norm_days integer, staff_user_id uuid, username text, display_name text,
  roles text[], partner_organisation_id uuid, team_ids uuid[], area_ids uuid[], csrf_token text,
  auth_method text, expires_at timestamptz, area_term text, partner_team_term text, resident_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  s sessions%ROWTYPE;
BEGIN
  SELECT * INTO s FROM sessions ss
   WHERE ss.id_hash = p_id_hash AND ss.expires_at > now()
     AND ss.last_seen_at > now() - make_interval(secs => CASE WHEN ss.resident_id IS NULL THEN p_idle_seconds ELSE p_resident_idle_seconds END);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF s.last_seen_at < now() - interval '60 seconds' THEN
    UPDATE sessions ss SET last_seen_at = now() WHERE ss.id_hash = p_id_hash;
  END IF;
  IF s.resident_id IS NOT NULL THEN
    RETURN QUERY
      SELECT r.municipality_id, m.name, m.contact_norm_days, NULL::uuid, coalesce(r.portal_demo_username, 'inwoner'),
        r.given_names || ' ' || coalesce(r.family_name_prefix || ' ', '') || r.family_name,
        ARRAY['resident']::text[], NULL::uuid, '{}'::uuid[], '{}'::uuid[],
        s.csrf_token, s.auth_method, s.expires_at, m.area_term, m.partner_team_term, r.id
      FROM residents r JOIN municipalities m ON m.id = r.municipality_id
      WHERE r.municipality_id = s.municipality_id AND r.id = s.resident_id;
    RETURN;
  END IF;
  RETURN QUERY
    SELECT u.municipality_id, m.name, m.contact_norm_days, u.id, u.username, u.display_name, u.roles, u.partner_organisation_id,
      coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_members tm
                 WHERE tm.municipality_id = u.municipality_id AND tm.staff_user_id = u.id), '{}'::uuid[]),
      coalesce((SELECT array_agg(DISTINCT ta.area_id) FROM team_members tm
                 JOIN team_areas ta ON ta.municipality_id = tm.municipality_id AND ta.team_id = tm.team_id
                 WHERE tm.municipality_id = u.municipality_id AND tm.staff_user_id = u.id), '{}'::uuid[]),
      s.csrf_token, s.auth_method, s.expires_at, m.area_term, m.partner_team_term, NULL::uuid
    FROM staff_users u JOIN municipalities m ON m.id = u.municipality_id
    WHERE u.municipality_id = s.municipality_id AND u.id = s.staff_user_id AND u.active;
END
$$;

REVOKE ALL ON FUNCTION auth_principal(bytea, integer, integer), auth_find_resident_demo(text), auth_demo_residents(),
  auth_find_resident_by_bsn(text, text), auth_resident_session_create(bytea, uuid, uuid, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_principal(bytea, integer, integer), auth_find_resident_demo(text), auth_demo_residents(),
  auth_find_resident_by_bsn(text, text), auth_resident_session_create(bytea, uuid, uuid, text, text, timestamptz) TO samenplan_app;

-- Writes by the resident himself: the plan's "changed by" and a goal's author are staff ids; a resident's own
-- change leaves them empty and says so (plans.updated_by_resident, plan_goals.proposed_by_resident).
ALTER TABLE plans ALTER COLUMN updated_by DROP NOT NULL;
ALTER TABLE plans ADD COLUMN updated_by_resident boolean NOT NULL DEFAULT false;
ALTER TABLE plans ADD CONSTRAINT plans_updated_by_someone CHECK (updated_by IS NOT NULL OR updated_by_resident);
ALTER TABLE plan_goals ALTER COLUMN created_by DROP NOT NULL;
ALTER TABLE plan_goals ADD COLUMN proposed_by_resident boolean NOT NULL DEFAULT false;
ALTER TABLE plan_goals ADD CONSTRAINT plan_goals_created_by_someone CHECK (created_by IS NOT NULL OR proposed_by_resident);

-- A resident's request on the werkmatcher's werklijst ("ask to move an appointment", "new message").
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('worklistReminder', 'newInCaseload', 'residentRequest'));
