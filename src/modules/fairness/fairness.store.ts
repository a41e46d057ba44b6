import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// Counts per group for the fairness monitor: only aggregates leave the database (GROUP BY), never a resident row.
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

function groupExpression(dimension: Dimension, to: string) {
  switch (dimension) {
    // Age on the last day of the period, in the CBS bands of src/domain/dates.ts ageBand.
    case 'ageBand':
      return sql`CASE WHEN date_part('year', age(${to}::date, r.date_of_birth)) < 27 THEN '<27'
        WHEN date_part('year', age(${to}::date, r.date_of_birth)) < 45 THEN '27-44' ELSE '45+' END`;
    case 'householdType':
      return sql`r.household_type`;
    case 'gender':
      return sql`coalesce(f.gender, 'unknown')`;
    case 'migrationBackground':
      return sql`coalesce(f.migration_background, 'unknown')`;
  }
}

export function fairnessStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  return {
    async countsPerGroup(dimension: Dimension, from: string, to: string): Promise<GroupCountRow[]> {
      const start = sql`(${from}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
      const end = sql`((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
      const groupData =
        dimension === 'gender' || dimension === 'migrationBackground'
          ? sql`LEFT JOIN fairness_group_data f ON f.municipality_id = r.municipality_id AND f.resident_id = r.id`
          : sql``;
      const { rows } = await sql<GroupCountRow>`
        WITH population AS (
          SELECT r.id, ${groupExpression(dimension, to)} AS grp
          FROM work_profiles wp
          JOIN residents r ON r.municipality_id = wp.municipality_id AND r.id = wp.resident_id
          ${groupData}
          WHERE wp.municipality_id = ${m}
        )
        SELECT pop.grp,
          count(*) AS population,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_exposures x WHERE x.municipality_id = ${m}
            AND x.resident_id = pop.id AND x.rank <= 10 AND x.shown_at >= ${start} AND x.shown_at < ${end})) AS exposure,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_proposals p WHERE p.municipality_id = ${m}
            AND p.resident_id = pop.id AND p.proposed_at >= ${start} AND p.proposed_at < ${end})) AS proposals,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_proposals p WHERE p.municipality_id = ${m}
            AND p.resident_id = pop.id AND p.interview_committed_at >= ${start} AND p.interview_committed_at < ${end})) AS interviews,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placements pl WHERE pl.municipality_id = ${m}
            AND pl.resident_id = pop.id AND pl.start_date BETWEEN ${from}::date AND ${to}::date)) AS placements
        FROM population pop
        GROUP BY pop.grp`.execute(tx);
      return rows;
    },
  };
}
