import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../residents/residents.store.ts';
import type { PARTICIPANT_KINDS } from './case-reviews.schema.ts';

// The only SQL for Team Jongeren's case reviews and their agenda items.

export interface CaseReviewRow {
  id: string;
  kind: 'caseConsultation' | 'alignment';
  team_id: string;
  team_name: string;
  held_on: string;
}

export interface CaseReviewItemRow {
  id: string;
  review_id: string;
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  question: string;
  participants: Array<{ kind: (typeof PARTICIPANT_KINDS)[number]; name: string; partnerOrganisationId: string | null }>;
  consent_given: boolean;
  status: 'planned' | 'discussed';
  discussion: string | null;
  decision: string | null;
  plan_action_ids: string[];
  added_by: string;
  added_by_name: string;
  discussed_at: Date | null;
}

export function caseReviewsStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql({ areaIds: residentScope(principal).areaIds, consentPartnerOrganisationId: null });

  async function reviews(where: RawBuilder<unknown>) {
    const { rows } = await sql<CaseReviewRow>`
      SELECT v.id, v.kind, v.team_id, t.name AS team_name, v.held_on::text AS held_on
      FROM youth_case_reviews v JOIN teams t ON t.municipality_id = v.municipality_id AND t.id = v.team_id
      WHERE v.municipality_id = ${m} AND v.team_id = ANY(${principal.teamIds}::uuid[]) AND ${where}
      ORDER BY v.held_on, v.kind, v.id LIMIT 200`.execute(tx);
    return rows;
  }

  async function items(where: RawBuilder<unknown>) {
    const { rows } = await sql<CaseReviewItemRow>`
      SELECT i.id, i.review_id, i.resident_id, r.given_names, r.family_name_prefix, r.family_name, i.question, i.participants,
        i.consent_given, i.status, i.discussion, i.decision, i.plan_action_ids::text[] AS plan_action_ids, i.added_by,
        s.display_name AS added_by_name, i.discussed_at
      FROM youth_case_review_items i
      JOIN residents r ON r.municipality_id = i.municipality_id AND r.id = i.resident_id
      JOIN staff_users s ON s.municipality_id = i.municipality_id AND s.id = i.added_by
      WHERE i.municipality_id = ${m} AND ${inScope} AND ${where}
      ORDER BY i.added_at, i.id LIMIT 200`.execute(tx);
    return rows;
  }

  return {
    /** The caller's Team Jongeren (a youth team first, else her first team). */
    async ownTeam() {
      const { rows } = await sql<{ id: string }>`SELECT t.id FROM teams t WHERE t.municipality_id = ${m} AND t.id = ANY(${principal.teamIds}::uuid[])
        ORDER BY (t.kind = 'youth') DESC, t.name, t.id LIMIT 1`.execute(tx);
      return rows[0]?.id ?? null;
    },
    async residentInScope(residentId: string) {
      const { rows } = await sql<{ id: string }>`SELECT r.id FROM residents r WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${inScope}`.execute(tx);
      return rows[0] ?? null;
    },
    async partnerOrganisations(ids: string[]) {
      if (ids.length === 0) return [];
      const { rows } = await sql<{ id: string; name: string }>`SELECT id, name FROM partner_organisations WHERE municipality_id = ${m} AND id = ANY(${ids}::uuid[])`.execute(tx);
      return rows;
    },
    async insertReview(v: { id: string; teamId: string; kind: string; heldOn: string }) {
      const { rows } = await sql<{ id: string }>`INSERT INTO youth_case_reviews (municipality_id, id, team_id, kind, held_on, created_by)
        VALUES (${m}, ${v.id}, ${v.teamId}, ${v.kind}, ${v.heldOn}::date, ${principal.userId})
        ON CONFLICT (municipality_id, team_id, kind, held_on) DO NOTHING RETURNING id`.execute(tx);
      return rows.length > 0;
    },
    findReview: async (id: string) => (await reviews(sql`v.id = ${id}::uuid`))[0] ?? null,
    listReviews: (from: string) => reviews(sql`v.held_on >= ${from}::date`),
    async counts(reviewIds: string[]) {
      if (reviewIds.length === 0) return new Map<string, { planned: number; discussed: number }>();
      const { rows } = await sql<{ review_id: string; planned: string; discussed: string }>`SELECT * FROM youth_case_review_counts(${reviewIds}::uuid[])`.execute(tx);
      return new Map(rows.map((r) => [r.review_id, { planned: Number(r.planned), discussed: Number(r.discussed) }]));
    },
    itemsOf: (reviewId: string) => items(sql`i.review_id = ${reviewId}::uuid`),
    async findItem(id: string, lock = false) {
      const row = (await items(sql`i.id = ${id}::uuid`))[0] ?? null;
      if (row && lock) await sql`SELECT 1 FROM youth_case_review_items WHERE municipality_id = ${m} AND id = ${id}::uuid FOR UPDATE`.execute(tx);
      return row;
    },
    async insertItem(v: { id: string; reviewId: string; residentId: string; question: string; participants: unknown[]; consentGiven: boolean }) {
      const { rows } = await sql<{ id: string }>`INSERT INTO youth_case_review_items (municipality_id, id, review_id, resident_id, question, participants, consent_given, added_by)
        VALUES (${m}, ${v.id}, ${v.reviewId}, ${v.residentId}, ${v.question}, ${JSON.stringify(v.participants)}::jsonb, ${v.consentGiven}, ${principal.userId})
        ON CONFLICT (municipality_id, review_id, resident_id) DO NOTHING RETURNING id`.execute(tx);
      return rows.length > 0;
    },
    async recordOutcome(id: string, v: { discussion: string; decision: string }) {
      await sql`UPDATE youth_case_review_items SET status = 'discussed', discussion = ${v.discussion}, decision = ${v.decision},
          discussed_by = ${principal.userId}, discussed_at = now()
        WHERE municipality_id = ${m} AND id = ${id}::uuid AND status = 'planned'`.execute(tx);
    },
    async setPlanActions(id: string, actionIds: string[]) {
      await sql`UPDATE youth_case_review_items SET plan_action_ids = ${actionIds}::uuid[] WHERE municipality_id = ${m} AND id = ${id}::uuid`.execute(tx);
    },
  };
}
