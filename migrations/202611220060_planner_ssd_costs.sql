-- Planner costs for SSD storage, for the application role in this database. With the default random_page_cost (4,
-- spinning disks) the caseload query scanned all residents of the area instead of looking up the ~120 residents of
-- the werkmatcher by primary key (EXPLAIN ANALYZE in docs/benchmarks.md).
DO $$
BEGIN
  EXECUTE format('ALTER ROLE samenplan_app IN DATABASE %I SET random_page_cost = 1.1', current_database());
END
$$;
