-- Closing a catch-up campaign (ADR 0015): when and by whom. Closing ends the campaign's follow-up; the residents stay
-- with the werkmatcher the campaign gave them (their contact-person history is unchanged) and may join a new campaign.
ALTER TABLE catch_up_campaigns
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by uuid,
  ADD CONSTRAINT catch_up_campaigns_closed_by_fk FOREIGN KEY (municipality_id, closed_by) REFERENCES staff_users (municipality_id, id),
  ADD CONSTRAINT catch_up_campaigns_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closed_by IS NOT NULL));
