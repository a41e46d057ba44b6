import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { seedUuid } from './ids.ts';
import type { StoryRole } from './story.ts';

/** The demo's short conversation between Naima and her contact person (issue 11): the last answer still unread. */
export const NAIMA_THREAD: ReadonlyArray<{ from: 'resident' | 'staff'; daysAgo: number; at: string; body: string; read: boolean }> = [
  { from: 'staff', daysAgo: 3, at: '09:15', read: true, body: 'Goedemorgen Naima, hoe gaat het met uw cv? Stuur het gerust, dan kijk ik ernaar voor ons volgende gesprek.' },
  { from: 'resident', daysAgo: 2, at: '19:40', read: true, body: 'Hallo, mijn cv is bijna klaar. Ik kan alleen werken als de kinderen op school zijn. Is dat een probleem?' },
  { from: 'staff', daysAgo: 1, at: '08:05', read: false, body: 'Nee hoor, dat is geen probleem. Ik zoek vacatures onder schooltijden. We bespreken het bij onze volgende afspraak.' },
];

/** Seeds NAIMA_THREAD with her contact person (deterministic ids; times in UTC before today). */
export async function seedPortalMessages(db: Db, story: Partial<Record<StoryRole, { residentId: string }>>, today: string): Promise<number> {
  const r = story.singleParent;
  if (!r) return 0;
  const c = await db
    .selectFrom('cases')
    .select(['municipality_id', 'contact_person_id'])
    .where('resident_id', '=', r.residentId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  if (!c?.contact_person_id) return 0;
  const base = new Date(`${today}T00:00:00Z`).getTime();
  const rows = NAIMA_THREAD.map((m, i) => {
    const [h, min] = m.at.split(':').map(Number) as [number, number];
    const sentAt = new Date(base - m.daysAgo * 86_400_000 + (h * 60 + min) * 60_000);
    return {
      municipality_id: c.municipality_id,
      id: seedUuid('portal-message', r.residentId, i),
      resident_id: r.residentId,
      sender: m.from,
      staff_user_id: m.from === 'staff' ? c.contact_person_id : null,
      body: m.body,
      sent_at: sentAt,
      read_at: m.read ? new Date(sentAt.getTime() + 3_600_000) : null,
      emailed_at: m.from === 'staff' ? sentAt : null,
    };
  });
  for (const x of rows) {
    await sql`INSERT INTO resident_messages (municipality_id, id, resident_id, sender, staff_user_id, body, sent_at, read_at, emailed_at)
      VALUES (${x.municipality_id}, ${x.id}::uuid, ${x.resident_id}, ${x.sender}, ${x.staff_user_id}, ${x.body}, ${x.sent_at}, ${x.read_at}, ${x.emailed_at})`.execute(db);
  }
  return rows.length;
}
