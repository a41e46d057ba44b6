import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for outflows and partial work. Need-to-know is enforced by the database (policies in migration
// 202612051201: the area team and the resident himself); the service checks the resident through the residents module.

export interface OutflowRow {
  id: string;
  resident_id: string;
  reason: string;
  outflow_on: string;
  placement_id: string | null;
  note: string | null;
  returned_on: string | null;
  registered_at: Date;
}

export function outflowStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  return {
    async insert(v: { id: string; residentId: string; caseId: string; benefitId: string; reason: string; outflowOn: string; placementId: string | null; note: string | null }) {
      await sql`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, placement_id, note, registered_by)
        VALUES (${m}, ${v.id}, ${v.residentId}, ${v.caseId}, ${v.benefitId}, ${v.reason}, ${v.outflowOn}::date, ${v.placementId}, ${v.note}, ${principal.userId})`.execute(tx);
    },

    async ofResident(residentId: string) {
      const { rows } = await sql<OutflowRow>`
        SELECT id, resident_id, reason, outflow_on::text AS outflow_on, placement_id, note, returned_on::text AS returned_on, registered_at
        FROM outflows WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid ORDER BY outflow_on DESC, id`.execute(tx);
      return rows;
    },

    /** The outflows linked to these placements (the latest per placement). */
    async ofPlacements(placementIds: string[]) {
      const { rows } = await sql<OutflowRow>`
        SELECT DISTINCT ON (placement_id) id, resident_id, reason, outflow_on::text AS outflow_on, placement_id, note, returned_on::text AS returned_on, registered_at
        FROM outflows WHERE municipality_id = ${m} AND placement_id = ANY(${placementIds}::uuid[])
        ORDER BY placement_id, outflow_on DESC, id`.execute(tx);
      return rows;
    },

    async byReturnBenefitStart(residentId: string, startDate: string) {
      const { rows } = await sql<OutflowRow>`
        SELECT id, resident_id, reason, outflow_on::text AS outflow_on, placement_id, note, returned_on::text AS returned_on, registered_at
        FROM outflows WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid AND returned_on = ${startDate}::date`.execute(tx);
      return rows[0] ?? null;
    },

    async partialWork(residentId: string) {
      const { rows } = await sql<{ month: string; hours: string; earnings_cents: string }>`
        SELECT to_char(month, 'YYYY-MM') AS month, hours::text AS hours, earnings_cents::text AS earnings_cents
        FROM partial_work WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid ORDER BY month DESC`.execute(tx);
      return rows.map((r) => ({ month: r.month, hours: Number(r.hours), earningsCents: Number(r.earnings_cents) }));
    },

    async upsertPartialWork(residentId: string, month: string, hours: number, earningsCents: number) {
      await sql`INSERT INTO partial_work (municipality_id, resident_id, month, hours, earnings_cents, recorded_by)
        VALUES (${m}, ${residentId}::uuid, ${month}::date, ${hours}, ${earningsCents}, ${principal.userId})
        ON CONFLICT (municipality_id, resident_id, month) DO UPDATE
          SET hours = EXCLUDED.hours, earnings_cents = EXCLUDED.earnings_cents, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`.execute(tx);
    },
  };
}
