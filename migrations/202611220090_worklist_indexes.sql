-- Indexes for "Mijn werklijst" (GET /api/v1/worklist), the first page every werkmatcher opens (issue: p99 < 100 ms at
-- 10,000 residents with three years of history). Both serve the "new in caseload" query in worklist.store.ts:
--  * the caller's open assignments of the last days: a partial index on open assignments by staff member, newest
--    first (before: a walk over every assignment of the municipality in contact_person_assignments_resident_idx);
--  * the previous contact person of a case: the assignment that ended last before the new one began, found by case in
--    the order the query asks for (ORDER BY ended_at DESC, assigned_at DESC LIMIT 1) instead of a sequential scan of
--    all assignments per row shown. Also the natural lookup for a case's contact-person history.
CREATE INDEX contact_person_assignments_staff_open_idx ON contact_person_assignments (municipality_id, staff_user_id, assigned_at DESC)
  WHERE ended_at IS NULL;
CREATE INDEX contact_person_assignments_case_idx ON contact_person_assignments (municipality_id, case_id, ended_at DESC, assigned_at DESC);
