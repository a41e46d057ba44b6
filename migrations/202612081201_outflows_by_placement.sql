-- Issue 12: a placement shows the outflow registered with it (placements list and page); look it up by placement.
CREATE INDEX IF NOT EXISTS outflows_placement_idx ON outflows (municipality_id, placement_id) WHERE placement_id IS NOT NULL;
