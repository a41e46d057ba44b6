-- Why an employer said no to a presented candidate (kept with the proposal; the werkmatcher discusses it with the
-- resident).
ALTER TABLE match_proposals ADD COLUMN rejection_note text CHECK (length(rejection_note) <= 1000);
