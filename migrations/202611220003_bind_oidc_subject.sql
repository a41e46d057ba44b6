-- After a first OIDC login matched by username, bind the IdP subject to the staff account, so from then on the
-- stable subject identifies the person (a later account at the IdP with the same username cannot take it over).
CREATE FUNCTION auth_bind_oidc_subject(p_municipality_id uuid, p_staff_user_id uuid, p_subject text)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  UPDATE staff_users SET oidc_subject = p_subject
  WHERE municipality_id = p_municipality_id AND id = p_staff_user_id AND oidc_subject IS NULL;
$$;
REVOKE ALL ON FUNCTION auth_bind_oidc_subject(uuid, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_bind_oidc_subject(uuid, uuid, text) TO samenplan_app;
