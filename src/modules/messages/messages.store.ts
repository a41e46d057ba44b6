import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for the messages between a resident and his contact person (resident_messages). Every statement runs
// under the caller's need-to-know scope: row-level security shows the area team and the resident himself only their
// own rows (migration 202612081101), so the store adds the municipality and the resident, nothing more.

export interface MessageRow {
  id: string;
  resident_id: string;
  sender: 'resident' | 'staff';
  staff_user_id: string | null;
  staff_name: string | null;
  body: string;
  sent_at: Date;
  read_at: Date | null;
}

export const THREAD_LIMIT = 200;

export function messagesStore(tx: Tx, municipalityId: string) {
  const m = municipalityId;
  return {
    /** The newest messages of the resident's conversation, oldest first. */
    async thread(residentId: string): Promise<{ rows: MessageRow[]; total: number }> {
      const { rows } = await sql<MessageRow & { total: string }>`
        SELECT x.id, x.resident_id, x.sender, x.staff_user_id, s.display_name AS staff_name, x.body, x.sent_at, x.read_at,
          count(*) OVER () AS total
        FROM resident_messages x
        LEFT JOIN staff_users s ON s.municipality_id = x.municipality_id AND s.id = x.staff_user_id
        WHERE x.municipality_id = ${m} AND x.resident_id = ${residentId}::uuid
        ORDER BY x.sent_at DESC, x.id DESC
        LIMIT ${THREAD_LIMIT}`.execute(tx);
      return { rows: rows.map(({ total: _t, ...r }) => r).reverse(), total: Number(rows[0]?.total ?? 0) };
    },

    async insert(x: { id: string; residentId: string; sender: 'resident' | 'staff'; staffUserId: string | null; body: string }) {
      await sql`INSERT INTO resident_messages (municipality_id, id, resident_id, sender, staff_user_id, body)
        VALUES (${m}, ${x.id}::uuid, ${x.residentId}::uuid, ${x.sender}, ${x.staffUserId}::uuid, ${x.body})`.execute(tx);
    },

    /** Marks what the other side wrote as read; the number marked. */
    async markRead(residentId: string, writtenBy: 'resident' | 'staff'): Promise<number> {
      const res = await sql`UPDATE resident_messages SET read_at = now()
        WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid AND sender = ${writtenBy} AND read_at IS NULL`.execute(tx);
      return Number(res.numAffectedRows ?? 0);
    },

    async unreadCount(residentId: string, writtenBy: 'resident' | 'staff'): Promise<number> {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM resident_messages
        WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid AND sender = ${writtenBy} AND read_at IS NULL`.execute(tx);
      return Number(rows[0]?.n ?? 0);
    },

    /** The werkmatcher's own caseload (he is the contact person): residents with unread messages from them. */
    async unreadForContactPerson(staffUserId: string) {
      const { rows } = await sql<{ resident_id: string; given_names: string; family_name_prefix: string | null; family_name: string; unread: string; last_sent_at: Date }>`
        SELECT x.resident_id, r.given_names, r.family_name_prefix, r.family_name, count(*) AS unread, max(x.sent_at) AS last_sent_at
        FROM resident_messages x
        JOIN residents r ON r.municipality_id = x.municipality_id AND r.id = x.resident_id
        JOIN cases c ON c.municipality_id = x.municipality_id AND c.resident_id = x.resident_id AND c.closed_on IS NULL
        WHERE x.municipality_id = ${m} AND x.sender = 'resident' AND x.read_at IS NULL AND c.contact_person_id = ${staffUserId}::uuid
        GROUP BY x.resident_id, r.given_names, r.family_name_prefix, r.family_name
        ORDER BY max(x.sent_at) DESC
        LIMIT 100`.execute(tx);
      return rows.map((r) => ({ ...r, unread: Number(r.unread) }));
    },

    /** For the e-mail job, in the resident's own scope: the message and where to tell him, locked against a parallel delivery. */
    async forEmail(messageId: string) {
      const { rows } = await sql<{ id: string; sender: string; emailed_at: Date | null; email: string | null }>`
        SELECT x.id, x.sender, x.emailed_at, r.email
        FROM resident_messages x
        JOIN residents r ON r.municipality_id = x.municipality_id AND r.id = x.resident_id
        WHERE x.municipality_id = ${m} AND x.id = ${messageId}::uuid
        FOR UPDATE OF x`.execute(tx);
      return rows[0] ?? null;
    },

    async markEmailed(messageId: string) {
      await sql`UPDATE resident_messages SET emailed_at = now() WHERE municipality_id = ${m} AND id = ${messageId}::uuid`.execute(tx);
    },
  };
}
