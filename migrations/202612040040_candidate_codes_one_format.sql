-- Candidate codes in one format: "K-" and 6 hexadecimal characters, a keyed hash of the proposal id
-- (candidateCodeOf in src/modules/candidates/candidates.presenter.ts, stored when the advisor presents a candidate).
-- The demo seeder wrote its own codes for the proposals it generated as already presented: "K-" and the first 4
-- characters of the proposal id, so the demo showed K-1A2B next to K-7F3A2B (and a code that gave away part of the
-- id). The seeder now stores no code, and the presenter derives the code as it does for any proposal without a
-- stored one; codes of another format that are already stored are cleared here so they are derived the same way.
UPDATE match_proposals SET candidate_code = NULL
WHERE candidate_code IS NOT NULL AND candidate_code !~ '^K-[0-9A-F]{6}$';
