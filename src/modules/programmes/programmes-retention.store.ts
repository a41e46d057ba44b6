import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// The programmes module's retention SQL (issue 16, ADR 0033): PA-026/PA-027 keep a programme's figures, snapshots and
// expenditures 7 years after the programme ended (the council's archive keeps its reports); then the programme goes
// with everything that hangs from it. Returns the number of programmes removed.
export async function deleteEndedProgrammes(tx: OwnerTx, municipalityId: string, cutoff: Date): Promise<number> {
  const ended = sql`SELECT p.id FROM programmes p WHERE p.municipality_id = ${municipalityId}
    AND p.period_end < (${cutoff}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date`;
  for (const table of ['programme_expenditures', 'programme_figures', 'programme_kpis', 'programme_refreshes', 'programme_snapshots', 'programme_action_lines'] as const) {
    await sql`DELETE FROM ${sql.table(table)} t WHERE t.municipality_id = ${municipalityId} AND t.programme_id IN (${ended})`.execute(tx);
  }
  const r = await sql`DELETE FROM programmes t WHERE t.municipality_id = ${municipalityId} AND t.id IN (${ended})`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
