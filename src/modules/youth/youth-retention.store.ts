import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// Team Jongeren's retention SQL (issue 16, ADR 0027, 0033). A file is expired when the residents module pseudonymised
// it (cases closed longer ago than the legal term, or erased on request; that rule runs first in the same job). What
// names or describes the young person (search activities, the context of a handover, health or care in a reason) is
// removed; dates, categories, statuses and amounts stay (the exemption rate, the team budget). Only counts leave.

const expired = sql`EXISTS (SELECT 1 FROM residents r WHERE r.municipality_id = t.municipality_id AND r.id = t.resident_id
  AND r.pseudonymised_at IS NOT NULL)`;
const GONE = 'Verwijderd (bewaartermijn)';
const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

export async function deleteExpiredSearchActivities(tx: OwnerTx, m: string): Promise<number> {
  return n(await sql`DELETE FROM youth_search_activities t WHERE t.municipality_id = ${m} AND ${expired}`.execute(tx));
}

/** The early-handling reason of an expired search period. */
export async function scrubExpiredSearchPeriods(tx: OwnerTx, m: string): Promise<number> {
  return n(await sql`UPDATE youth_search_periods t SET handled_early_reason = ${GONE}
    WHERE t.municipality_id = ${m} AND t.handled_early_reason IS NOT NULL AND t.handled_early_reason <> ${GONE} AND ${expired}`.execute(tx));
}

/** The exemption's free-text reason and review note (may concern health or care). */
export async function scrubExpiredExemptions(tx: OwnerTx, m: string): Promise<number> {
  return n(await sql`UPDATE youth_exemptions t SET
      reason_text = CASE WHEN t.reason_text IS NULL THEN NULL ELSE ${GONE} END,
      review_note = CASE WHEN t.review_note IS NULL THEN NULL ELSE ${GONE} END
    WHERE t.municipality_id = ${m} AND ${expired}
      AND (t.reason_text IS DISTINCT FROM ${GONE} AND t.reason_text IS NOT NULL OR t.review_note IS DISTINCT FROM ${GONE} AND t.review_note IS NOT NULL)`.execute(tx));
}

/** The handover's context and the professional's name and e-mail. */
export async function scrubExpiredReferrals(tx: OwnerTx, m: string): Promise<number> {
  return n(await sql`UPDATE youth_referrals t SET context_summary = ${GONE}, professional_name = ${GONE}, professional_email = NULL
    WHERE t.municipality_id = ${m} AND t.context_summary <> ${GONE} AND ${expired}`.execute(tx));
}

/** A provision's description, justification and notes; kind, amount, status and payment date stay (the budget). */
export async function scrubExpiredProvisions(tx: OwnerTx, m: string): Promise<number> {
  return n(await sql`UPDATE youth_provisions t SET description = ${GONE}, rule_room = ${GONE}, justification = ${GONE},
      decision_note = CASE WHEN t.decision_note IS NULL THEN NULL ELSE ${GONE} END
    WHERE t.municipality_id = ${m} AND t.justification <> ${GONE} AND ${expired}`.execute(tx));
}
