-- Mijn Samenplan (issue 11): the resident fills his own work profile (the same validation as the area team's form,
-- through the matching module's service). A change by the resident names no staff member: updated_by is empty and
-- updated_by_resident says so (as plans.updated_by_resident, migration 202612051100).
ALTER TABLE work_profiles
  ALTER COLUMN updated_by DROP NOT NULL,
  ADD COLUMN updated_by_resident boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT work_profiles_updated_by_one CHECK ((updated_by IS NULL) = updated_by_resident);
