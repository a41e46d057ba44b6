-- Indexes for the matcher's candidate queries (docs/adr/0009-matching.md, "Exact top-k"). The matcher loads
-- candidates one occupation level at a time, best level first, and usually stops after the first levels:
--  * vacancies for a resident: the vacancy's ISCO group equal to, or in the 3/2/1-digit range of, a desired group
--    (btree ranges on isco_group), or the exact ESCO occupation;
--  * residents for a vacancy: a desired ISCO group overlapping the codes of the vacancy's group or its prefix
--    (GIN on the text[]), or the exact ESCO occupation in desired_occupations (GIN jsonb_path_ops, @>).
CREATE INDEX vacancies_open_isco_idx ON vacancies (municipality_id, isco_group) WHERE status = 'open';
CREATE INDEX vacancies_open_esco_idx ON vacancies (municipality_id, esco_code) WHERE status = 'open';
CREATE INDEX work_profiles_isco_groups_idx ON work_profiles USING gin (desired_isco_groups);
CREATE INDEX work_profiles_occupations_idx ON work_profiles USING gin (desired_occupations jsonb_path_ops);

-- The skills of a profile as the matcher's SQL compares them (docs/adr/0009-matching.md): a skill in plain ASCII
-- folded exactly as normaliseLabel folds ASCII (lower case without locale, whitespace collapsed, trimmed); any other
-- skill as '*' ("could be anything after Unicode folding"). Immutable, so it can be indexed: the candidate query
-- for a vacancy loads residents whose skills overlap the vacancy's (or hold a '*') before the others.
CREATE FUNCTION matching_skill_keys(skills text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT CASE WHEN s ~ '[^\x01-\x7f]' THEN '*'
    ELSE btrim(regexp_replace(translate(s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[ \t\n\v\f\r]+', ' ', 'g')) END), '{}')
  FROM unnest(skills) AS s
$$;
CREATE INDEX work_profiles_skill_keys_idx ON work_profiles USING gin (matching_skill_keys(skills));
