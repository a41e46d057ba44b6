import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL of the council letter: counts per wijk, measure and category (SECURITY DEFINER function, no ids).
export async function councilFigures(tx: Tx, year: number) {
  const { rows } = await sql<{ area_id: string; area_name: string; measure: string; category: string; n: string }>`
    SELECT * FROM youth_council_figures(${year})`.execute(tx);
  return rows.map((r) => ({ areaId: r.area_id, areaName: r.area_name, measure: r.measure, category: r.category, n: Number(r.n) }));
}
