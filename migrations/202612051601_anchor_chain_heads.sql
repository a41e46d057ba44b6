-- Anchors (issue 16, ADR 0026): the application signs every municipality's chain head with a key the database never
-- sees and exports it off the database host. It runs as samenplan_app, which cannot read processing_log_chain; this
-- function returns only the heads (municipality, last sequence number, last hash) — no personal data.
CREATE FUNCTION processing_log_chain_heads() RETURNS TABLE (municipality_id uuid, last_seq bigint, last_hash bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT c.municipality_id, c.last_seq, c.last_hash FROM processing_log_chain c WHERE c.last_seq > 0 ORDER BY 1
$$;
REVOKE ALL ON FUNCTION processing_log_chain_heads() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION processing_log_chain_heads() TO samenplan_app;
