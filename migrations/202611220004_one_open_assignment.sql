-- At most one open contact-person assignment per case (the fixed contact person), and a lookup index by case.
CREATE UNIQUE INDEX contact_person_assignments_one_open ON contact_person_assignments (municipality_id, case_id)
  WHERE ended_at IS NULL;
