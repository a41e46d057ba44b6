-- The words a municipality uses for its areas and for the partner teams in its neighbourhoods: Utrecht says
-- "wijk" and "buurtteam", Arnhem "gebied" and "gebiedsteam". The web app takes them from the session
-- (auth_principal) and puts them into its copy, so no municipality reads another's vocabulary.

ALTER TABLE municipalities
  ADD COLUMN area_term text NOT NULL DEFAULT 'wijk' CHECK (area_term IN ('wijk', 'gebied')),
  ADD COLUMN partner_team_term text NOT NULL DEFAULT 'buurtteam' CHECK (partner_team_term IN ('buurtteam', 'gebiedsteam'));

-- Arnhem's demo tenant, where it exists already (a fresh seed sets the terms itself).
UPDATE municipalities SET area_term = 'gebied', partner_team_term = 'gebiedsteam' WHERE code = '0202' AND is_demo;

-- The principal now carries the municipality's terms: the return type changes, so the function is replaced.
DROP FUNCTION auth_principal(bytea, integer);

CREATE FUNCTION auth_principal(p_id_hash bytea, p_idle_seconds integer)
RETURNS TABLE (municipality_id uuid, municipality_name text, contact_norm_days integer, staff_user_id uuid, username text, display_name text,
  roles text[], partner_organisation_id uuid, team_ids uuid[], area_ids uuid[], csrf_token text,
  auth_method text, expires_at timestamptz, area_term text, partner_team_term text)
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
      s.csrf_token, s.auth_method, s.expires_at, m.area_term, m.partner_team_term
    FROM staff_users u JOIN municipalities m ON m.id = u.municipality_id
    WHERE u.municipality_id = s.municipality_id AND u.id = s.staff_user_id AND u.active;
END
$$;

REVOKE ALL ON FUNCTION auth_principal(bytea, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_principal(bytea, integer) TO samenplan_app;
