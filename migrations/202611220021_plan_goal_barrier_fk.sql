-- A goal of the plan may point at one of the resident's barriers (belemmeringen): enforce that it exists.
-- (The service also checks the barrier belongs to the same resident.)
ALTER TABLE plan_goals ADD CONSTRAINT plan_goals_barrier_fk
  FOREIGN KEY (municipality_id, barrier_id) REFERENCES barriers (municipality_id, id);
