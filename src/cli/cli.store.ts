import type { Db } from '../platform/db/database.ts';

export async function municipalityCount(db: Db): Promise<number> {
  const row = await db.selectFrom('municipalities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
