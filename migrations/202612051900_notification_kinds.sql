-- Two branches of the same day each redefined the notification kinds: Mijn Samenplan (202612051100) added
-- 'residentRequest' (a resident asks to move an appointment), Team Jongeren (202612051301) 'searchPeriodEnding'
-- (the reminder before a search period ends), each without the other's. The kinds are all three.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('worklistReminder', 'newInCaseload', 'residentRequest', 'searchPeriodEnding'));
