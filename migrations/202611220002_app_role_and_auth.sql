-- Privileges of the application role (samenplan_app, created by the migration runner) and the
-- SECURITY DEFINER functions through which it reaches sessions and the login lookups.

GRANT USAGE ON SCHEMA public TO samenplan_app;
GRANT SELECT ON municipalities, processing_activities, processing_log_entries TO samenplan_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON areas, area_postcode_ranges, teams, team_areas, partner_organisations,
  staff_users, team_members, residents, benefits, cases, contact_person_assignments, contact_moments, consents
  TO samenplan_app;
-- The processing log is append-only for the application.
GRANT SELECT, INSERT ON processing_log TO samenplan_app;
REVOKE ALL ON sessions, processing_log_chain FROM samenplan_app;

CREATE FUNCTION auth_find_staff(p_username text)
RETURNS TABLE (municipality_id uuid, staff_user_id uuid, active boolean, is_demo boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.municipality_id, s.id, s.active, m.is_demo
  FROM staff_users s JOIN municipalities m ON m.id = s.municipality_id
  WHERE s.username = p_username
$$;

CREATE FUNCTION auth_find_staff_by_oidc(p_subject text, p_username text)
RETURNS TABLE (municipality_id uuid, staff_user_id uuid, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.municipality_id, s.id, s.active FROM staff_users s
  WHERE s.oidc_subject = p_subject OR (s.oidc_subject IS NULL AND p_username IS NOT NULL AND s.username = p_username)
  ORDER BY (s.oidc_subject = p_subject) DESC NULLS LAST
  LIMIT 1
$$;

CREATE FUNCTION auth_demo_users()
RETURNS TABLE (username text, display_name text, roles text[], municipality_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.username, s.display_name, s.roles, m.name
  FROM staff_users s JOIN municipalities m ON m.id = s.municipality_id
  WHERE m.is_demo AND s.active AND s.demo_persona
  ORDER BY m.name, s.username
$$;

CREATE FUNCTION auth_session_create(p_id_hash bytea, p_municipality_id uuid, p_staff_user_id uuid,
  p_method text, p_csrf_token text, p_expires_at timestamptz)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  DELETE FROM sessions WHERE expires_at < now() - interval '1 day';
  INSERT INTO sessions (id_hash, municipality_id, staff_user_id, auth_method, csrf_token, expires_at)
  VALUES (p_id_hash, p_municipality_id, p_staff_user_id, p_method, p_csrf_token, p_expires_at);
$$;

CREATE FUNCTION auth_session_delete(p_id_hash bytea)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  DELETE FROM sessions WHERE id_hash = p_id_hash;
$$;

-- Resolves a session to the principal in one round trip; refreshes last_seen_at at most once a minute.
CREATE FUNCTION auth_principal(p_id_hash bytea, p_idle_seconds integer)
RETURNS TABLE (municipality_id uuid, municipality_name text, contact_norm_days integer, staff_user_id uuid, username text, display_name text,
  roles text[], partner_organisation_id uuid, team_ids uuid[], area_ids uuid[], csrf_token text,
  auth_method text, expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
DECLARE
  s sessions%ROWTYPE;
BEGIN
  SELECT * INTO s FROM sessions ss
   WHERE ss.id_hash = p_id_hash AND ss.expires_at > now()
     AND ss.last_seen_at > now() - make_interval(secs => p_idle_seconds);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF s.last_seen_at < now() - interval '60 seconds' THEN
    UPDATE sessions ss SET last_seen_at = now() WHERE ss.id_hash = p_id_hash;
  END IF;
  RETURN QUERY
    SELECT u.municipality_id, m.name, m.contact_norm_days, u.id, u.username, u.display_name, u.roles, u.partner_organisation_id,
      coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_members tm
                 WHERE tm.municipality_id = u.municipality_id AND tm.staff_user_id = u.id), '{}'::uuid[]),
      coalesce((SELECT array_agg(DISTINCT ta.area_id) FROM team_members tm
                 JOIN team_areas ta ON ta.municipality_id = tm.municipality_id AND ta.team_id = tm.team_id
                 WHERE tm.municipality_id = u.municipality_id AND tm.staff_user_id = u.id), '{}'::uuid[]),
      s.csrf_token, s.auth_method, s.expires_at
    FROM staff_users u JOIN municipalities m ON m.id = u.municipality_id
    WHERE u.municipality_id = s.municipality_id AND u.id = s.staff_user_id AND u.active;
END
$$;

REVOKE ALL ON FUNCTION auth_find_staff(text), auth_find_staff_by_oidc(text, text), auth_demo_users(),
  auth_session_create(bytea, uuid, uuid, text, text, timestamptz), auth_session_delete(bytea),
  auth_principal(bytea, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_staff(text), auth_find_staff_by_oidc(text, text), auth_demo_users(),
  auth_session_create(bytea, uuid, uuid, text, text, timestamptz), auth_session_delete(bytea),
  auth_principal(bytea, integer) TO samenplan_app;
