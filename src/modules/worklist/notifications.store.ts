import { sql, type ColumnType, type Generated } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for notifications. A staff member reads and marks only his own (staff_user_id in every WHERE);
// row-level security keeps municipalities apart. Inserts are idempotent through the dedupe key.

interface NotificationsTable {
  municipality_id: string;
  id: string;
  staff_user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Generated<Date>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  emailed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  dedupe_key: string;
}

/** Table types of this module (kept here until they join src/platform/db/schema.ts). */
export type NotificationTables = { notifications: NotificationsTable };

export interface NewNotification {
  id: string;
  staffUserId: string;
  kind: 'worklistReminder' | 'newInCaseload' | 'residentRequest' | 'searchPeriodEnding';
  title: string;
  body: string | null;
  link: string | null;
  dedupeKey: string;
}

const columns = ['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'] as const;

export function notificationsStore(outer: Tx, municipalityId: string) {
  const tx = outer.withTables<NotificationTables>();
  const m = municipalityId;

  return {
    /** Inserts once per dedupe key; true when this call inserted it (a repeated job finds it there). */
    async insertOnce(n: NewNotification): Promise<boolean> {
      const rows = await tx
        .insertInto('notifications')
        .values({
          municipality_id: m,
          id: n.id,
          staff_user_id: n.staffUserId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          dedupe_key: n.dedupeKey,
        })
        .onConflict((oc) => oc.columns(['municipality_id', 'dedupe_key']).doNothing())
        .returning('id')
        .execute();
      return rows.length === 1;
    },

    async listFor(staffUserId: string, onlyUnread: boolean, limit: number) {
      let q = tx.selectFrom('notifications').select(columns).where('municipality_id', '=', m).where('staff_user_id', '=', staffUserId);
      if (onlyUnread) q = q.where('read_at', 'is', null);
      return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    },

    async count(staffUserId: string): Promise<number> {
      const row = await tx
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', m)
        .where('staff_user_id', '=', staffUserId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async unreadCount(staffUserId: string): Promise<number> {
      const row = await tx
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', m)
        .where('staff_user_id', '=', staffUserId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Marks read (the first read time stays); undefined when it is not this person's notification. */
    async markRead(staffUserId: string, id: string) {
      await tx
        .updateTable('notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('municipality_id', '=', m)
        .where('staff_user_id', '=', staffUserId)
        .where('id', '=', id)
        .execute();
      return tx
        .selectFrom('notifications')
        .select(columns)
        .where('municipality_id', '=', m)
        .where('staff_user_id', '=', staffUserId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** For the e-mail job: the notification with the recipient's address, locked against a parallel delivery. */
    async forEmail(id: string) {
      return tx
        .selectFrom('notifications as n')
        .innerJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'n.municipality_id').onRef('s.id', '=', 'n.staff_user_id'))
        .select(['n.id', 'n.title', 'n.body', 'n.link', 'n.emailed_at', 's.email'])
        .where('n.municipality_id', '=', m)
        .where('n.id', '=', id)
        .forUpdate('n')
        .executeTakeFirst();
    },

    async markEmailed(id: string) {
      await tx.updateTable('notifications').set({ emailed_at: new Date() }).where('municipality_id', '=', m).where('id', '=', id).execute();
    },

    /** Whether the staff member has an e-mail address (decides whether an e-mail job is worth enqueuing). */
    async hasEmail(staffUserId: string): Promise<boolean> {
      const row = await tx
        .selectFrom('staff_users')
        .select('email')
        .where('municipality_id', '=', m)
        .where('id', '=', staffUserId)
        .executeTakeFirst();
      return Boolean(row?.email);
    },
  };
}

export type NotificationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof notificationsStore>['markRead']>>>;
