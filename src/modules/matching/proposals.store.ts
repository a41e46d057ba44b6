import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../worklist/worklist.store.ts';
import type { Contribution } from './matcher.score.ts';

// Proposals (voorstellen) as the werkmatcher makes them: only for residents in the caller's need-to-know scope.
// One open proposal per resident and vacancy is enforced by the partial unique index match_proposals_one_open.

export const CLOSED_STATUSES = ['residentDeclined', 'rejected', 'withdrawn'] as const;

export interface ProposalRow {
  id: string;
  resident_id: string;
  vacancy_id: string;
  score: string;
  explanation: Contribution[];
  matcher_version: string;
  status: string;
  note: string | null;
  proposed_at: Date;
  proposed_by: string;
  proposed_by_name: string;
  resident_response_at: Date | null;
  resident_response_how: string | null;
  presented_at: Date | null;
  interview_committed_at: Date | null;
  revealed_at: Date | null;
  version: number;
}

const columns = sql`mp.id, mp.resident_id, mp.vacancy_id, mp.score, mp.explanation, mp.matcher_version, mp.status, mp.note,
  mp.proposed_at, mp.proposed_by, s.display_name AS proposed_by_name, mp.resident_response_at, mp.resident_response_how,
  mp.presented_at, mp.interview_committed_at, mp.revealed_at, mp.version`;
const joinStaff = sql`JOIN staff_users s ON s.municipality_id = mp.municipality_id AND s.id = mp.proposed_by`;

export function proposalsStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql(residentScope(principal));

  return {
    /** The open proposal of this resident for this vacancy, if any. */
    async openFor(residentId: string, vacancyId: string) {
      const { rows } = await sql<{ id: string; status: string }>`SELECT mp.id, mp.status FROM match_proposals mp
        WHERE mp.municipality_id = ${m} AND mp.resident_id = ${residentId} AND mp.vacancy_id = ${vacancyId}
          AND mp.status <> ALL(${[...CLOSED_STATUSES]}::text[])`.execute(tx);
      return rows[0];
    },

    /** Inserts a proposal; null when an open one exists (also when created concurrently: the unique index decides). */
    async insert(p: { id: string; residentId: string; vacancyId: string; score: number; explanation: unknown[]; matcherVersion: string; note: string | null }) {
      const { rows } = await sql<{ id: string }>`
        INSERT INTO match_proposals (municipality_id, id, resident_id, vacancy_id, score, explanation, matcher_version, status, note, proposed_by)
        VALUES (${m}, ${p.id}, ${p.residentId}, ${p.vacancyId}, ${p.score}, ${JSON.stringify(p.explanation)}::jsonb, ${p.matcherVersion},
          'proposed', ${p.note}, ${principal.userId})
        ON CONFLICT (municipality_id, resident_id, vacancy_id) WHERE status NOT IN ('residentDeclined', 'rejected', 'withdrawn') DO NOTHING
        RETURNING id`.execute(tx);
      return rows[0]?.id ?? null;
    },

    /** A proposal whose resident is in the caller's scope (locked for a status change when asked). */
    async get(id: string, forUpdate = false) {
      const { rows } = await sql<ProposalRow>`SELECT ${columns} FROM match_proposals mp ${joinStaff}
        JOIN residents r ON r.municipality_id = mp.municipality_id AND r.id = mp.resident_id
        WHERE mp.municipality_id = ${m} AND mp.id = ${id} AND ${inScope}
        ${forUpdate ? sql`FOR UPDATE OF mp` : sql``}`.execute(tx);
      return rows[0];
    },

    async listForResident(residentId: string) {
      const { rows } = await sql<ProposalRow>`SELECT ${columns} FROM match_proposals mp ${joinStaff}
        WHERE mp.municipality_id = ${m} AND mp.resident_id = ${residentId}
        ORDER BY mp.proposed_at DESC, mp.id`.execute(tx);
      return rows;
    },

    async recordResponse(id: string, agreed: boolean, how: string) {
      await sql`UPDATE match_proposals SET status = ${agreed ? 'residentAgreed' : 'residentDeclined'},
          resident_response_at = now(), resident_response_how = ${how},
          closed_at = ${agreed ? null : sql`now()`}, version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
    },

    async withdraw(id: string) {
      await sql`UPDATE match_proposals SET status = 'withdrawn', closed_at = now(), version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
    },
  };
}
