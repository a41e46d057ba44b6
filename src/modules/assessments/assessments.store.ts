import { sql, type ColumnType, type Generated } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for the assessment tables. It never decides who sees a resident: the service first loads the
// resident through the residents store (its scope in the WHERE) and only then calls this store for that id.
// Row-level security isolates the municipality; every query also names it.

// Kysely table types for migrations/202611220010_assessments.sql (kept here until they move to platform/db/schema.ts).
export interface ZrmAssessmentsTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  scored_by: string;
  scored_at: Date;
  note: string | null;
  ladder_rung: number | null;
  created_at: Generated<Date>;
}

export interface ZrmScoresTable {
  municipality_id: string;
  assessment_id: string;
  domain: string;
  score: number;
}

export interface BarriersTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  domain: string;
  description: string;
  status: string;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: Generated<number>;
}

// A type alias, not an interface: withTables needs an index-compatible record.
export type AssessmentTables = {
  zrm_assessments: ZrmAssessmentsTable;
  zrm_scores: ZrmScoresTable;
  barriers: BarriersTable;
};

/** How many scoring moments a history shows (newest first). Years of monthly scoring fit easily. */
export const HISTORY_LIMIT = 200;

export function assessmentsStore(transaction: Tx, principal: Principal) {
  const tx = transaction.withTables<AssessmentTables>();
  const m = principal.municipalityId;

  function barrierQuery(residentId: string) {
    return tx
      .selectFrom('barriers as b')
      .innerJoin('staff_users as c', (j) => j.onRef('c.municipality_id', '=', 'b.municipality_id').onRef('c.id', '=', 'b.created_by'))
      .innerJoin('staff_users as u', (j) => j.onRef('u.municipality_id', '=', 'b.municipality_id').onRef('u.id', '=', 'b.updated_by'))
      .select([
        'b.id',
        'b.domain',
        'b.description',
        'b.status',
        'b.created_at',
        'b.created_by',
        'c.display_name as created_by_name',
        'b.updated_at',
        'b.updated_by',
        'u.display_name as updated_by_name',
        'b.version',
      ])
      .where('b.municipality_id', '=', m)
      .where('b.resident_id', '=', residentId);
  }

  return {
    /** Scoring moments of one resident, newest first, with the scorer's name and the scores per domain. */
    async history(residentId: string) {
      const assessments = await tx
        .selectFrom('zrm_assessments as z')
        .innerJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'z.municipality_id').onRef('s.id', '=', 'z.scored_by'))
        .select(['z.id', 'z.scored_at', 'z.scored_by', 's.display_name as scored_by_name', 'z.note', 'z.ladder_rung'])
        .where('z.municipality_id', '=', m)
        .where('z.resident_id', '=', residentId)
        .orderBy('z.scored_at', 'desc')
        .orderBy('z.id', 'desc')
        .limit(HISTORY_LIMIT)
        .execute();
      if (assessments.length === 0) return [];
      const scores = await tx
        .selectFrom('zrm_scores')
        .select(['assessment_id', 'domain', 'score'])
        .where('municipality_id', '=', m)
        .where('assessment_id', '=', sql<string>`ANY(${assessments.map((a) => a.id)}::uuid[])`)
        .execute();
      const byAssessment = new Map<string, Array<{ domain: string; score: number }>>();
      for (const s of scores) {
        const list = byAssessment.get(s.assessment_id) ?? [];
        list.push({ domain: s.domain, score: s.score });
        byAssessment.set(s.assessment_id, list);
      }
      return assessments.map((a) => ({ ...a, scores: byAssessment.get(a.id) ?? [] }));
    },

    async insertAssessment(row: {
      id: string;
      residentId: string;
      scoredAt: Date;
      note: string | null;
      ladderRung: number | null;
      scores: Array<{ domain: string; score: number }>;
    }) {
      await tx
        .insertInto('zrm_assessments')
        .values({
          municipality_id: m,
          id: row.id,
          resident_id: row.residentId,
          scored_by: principal.userId,
          scored_at: row.scoredAt,
          note: row.note,
          ladder_rung: row.ladderRung,
        })
        .execute();
      if (row.scores.length > 0) {
        await tx
          .insertInto('zrm_scores')
          .values(row.scores.map((s) => ({ municipality_id: m, assessment_id: row.id, domain: s.domain, score: s.score })))
          .execute();
      }
    },

    /** Barriers of one resident: open first, then being addressed, then resolved; newest first within each. */
    async barriers(residentId: string) {
      return barrierQuery(residentId)
        .orderBy(sql`CASE b.status WHEN 'open' THEN 0 WHEN 'inProgress' THEN 1 ELSE 2 END`)
        .orderBy('b.created_at', 'desc')
        .orderBy('b.id')
        .execute();
    },

    /** One barrier, only if it belongs to this resident. */
    async barrier(residentId: string, barrierId: string) {
      return barrierQuery(residentId).where('b.id', '=', barrierId).executeTakeFirst();
    },

    async insertBarrier(row: { id: string; residentId: string; domain: string; description: string; status: string }) {
      await tx
        .insertInto('barriers')
        .values({
          municipality_id: m,
          id: row.id,
          resident_id: row.residentId,
          domain: row.domain,
          description: row.description,
          status: row.status,
          created_by: principal.userId,
          updated_by: principal.userId,
        })
        .execute();
    },

    /** Applies the change only to the version the caller edited; false when someone else was first. */
    async updateBarrier(residentId: string, barrierId: string, expectedVersion: number, patch: { status?: string; description?: string }) {
      const res = await tx
        .updateTable('barriers')
        .set({ ...patch, updated_by: principal.userId, updated_at: new Date(), version: sql<number>`version + 1` })
        .where('municipality_id', '=', m)
        .where('resident_id', '=', residentId)
        .where('id', '=', barrierId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}

export type AssessmentsStore = ReturnType<typeof assessmentsStore>;
export type AssessmentRow = Awaited<ReturnType<AssessmentsStore['history']>>[number];
export type BarrierRow = NonNullable<Awaited<ReturnType<AssessmentsStore['barrier']>>>;
