-- Mijn Samenplan (issue 11): "Wie bekeek mijn dossier?" shows the organisation, the role, the purpose and the date
-- of every processing of the resident's data. Whether it also shows the staff member's name is the municipality's
-- policy: some name their staff (NEN 7513 asks who), some do not want their staff named to residents.
ALTER TABLE municipalities ADD COLUMN portal_hides_staff_names boolean NOT NULL DEFAULT false;
