-- The team view (GET /api/v1/residents, first page, by name) in name order straight from an index (issue 9). The
-- existing index (municipality_id, area_id, sort_name, id) gives name order within one wijk only: a team with
-- several wijken, or a generic plan that cannot know how many wijken the scope holds, read every resident of the
-- scope, joined cases, contact persons and benefits for all of them, and sorted (3,300 rows for a page of 50:
-- 50 ms). In name order over the municipality, the scan stops after the page's 51 rows in scope.
CREATE INDEX residents_name_order_idx ON residents (municipality_id, sort_name, id);
