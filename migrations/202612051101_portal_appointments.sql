-- Mijn Samenplan (issue 11): the resident confirms an appointment or asks to move it, on his own participant row
-- of the meeting (kind 'resident'). The request to move reaches the werkmatcher as a notification on her werklijst
-- (worklist module); the meeting itself changes only when she moves it.
ALTER TABLE meeting_participants
  ADD COLUMN confirmed_at timestamptz,
  ADD COLUMN move_requested_at timestamptz,
  ADD COLUMN move_request_note text CHECK (length(move_request_note) BETWEEN 1 AND 500),
  ADD CONSTRAINT meeting_participants_resident_reply CHECK (
    kind = 'resident' OR (confirmed_at IS NULL AND move_requested_at IS NULL AND move_request_note IS NULL));
