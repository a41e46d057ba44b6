import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

// Counts per group for the fairness monitor: only aggregates leave the database (GROUP BY), never a resident row.
// The SQL is the function fairness_counts in migration 202612030010 (the need-to-know policies give the policy
// officer no resident rows, so the aggregate is computed with the owner's rights and only the counts come back).
// Population: residents of the municipality with a work profile. A stage counts distinct residents of that
// population who reached it in the period (dates in the Netherlands' time zone, both ends included):
//   exposure   ≥ 1 row in match_exposures (a top-10 recommendation list) shown in the period
//   proposal   a proposal made in the period
//   interview  an interview committed in the period
//   placement  a placement starting in the period
// Group data for gender and migration background come from fairness_group_data only (no row: 'unknown'); that table
// is joined only for those two dimensions.

export type Dimension = 'ageBand' | 'householdType' | 'gender' | 'migrationBackground';

export interface GroupCountRow {
  grp: string;
  population: string;
  exposure: string;
  proposals: string;
  interviews: string;
  placements: string;
}

export function fairnessStore(tx: Tx) {
  return {
    /**
     * Counts per group, computed by the database's named exception fairness_counts (migration 202612030010): it runs
     * with the owner's rights over the whole municipality and returns aggregates only, never a resident row.
     */
    async countsPerGroup(dimension: Dimension, from: string, to: string): Promise<GroupCountRow[]> {
      const { rows } = await sql<GroupCountRow>`
        SELECT grp, population, exposure, proposals, interviews, placements
        FROM fairness_counts(${dimension}, ${from}::date, ${to}::date)`.execute(tx);
      return rows;
    },
  };
}
