import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

export async function municipalityCount(db: Db): Promise<number> {
  const row = await db.selectFrom('municipalities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Who runs `samenplan import`: an active functional administrator (role admin) of the municipality, by username
 * or the first one; the municipality by its CBS code, or the only one there is. Owner connection: this runs before
 * any tenant is known. Answers null when there is no such person.
 */
export async function importActor(db: Db, municipalityCode: string | undefined, username: string | undefined) {
  let q = db
    .selectFrom('staff_users as s')
    .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
    .select(['s.id', 's.username', 's.display_name', 's.roles', 'm.id as municipality_id', 'm.name as municipality_name', 'm.code', 'm.contact_norm_days'])
    .select(sql<string>`m.area_term`.as('area_term'))
    .where('s.active', '=', true)
    .where(sql<boolean>`'admin' = ANY (s.roles)`);
  if (municipalityCode) q = q.where('m.code', '=', municipalityCode);
  if (username) q = q.where('s.username', '=', username);
  const rows = await q.orderBy('m.code').orderBy('s.username').limit(50).execute();
  const municipalities = new Set(rows.map((r) => r.municipality_id));
  if (!municipalityCode && municipalities.size > 1) return { ambiguous: [...new Set(rows.map((r) => r.code))] } as const;
  return rows[0] ?? null;
}
