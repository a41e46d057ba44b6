import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { problems } from '../../platform/http/problem.ts';
import { enqueueJob } from '../../platform/jobs/jobs.ts';
import { notificationsStore, type NotificationRow } from './notifications.store.ts';

// In-app notifications: each staff member sees and marks only his own. They carry counts and a link, never a
// resident's name or file, so reading them is not a processing of resident data (no processing-log entry).

export const NOTICE_QUEUE = 'notification-notice';

/** What another module may ask to tell a staff member, after its transaction commits. */
export interface Notice {
  staffUserId: string;
  kind: 'newInCaseload' | 'residentRequest' | 'searchPeriodEnding';
  title: string;
  body: string | null;
  link: string;
  /** Same key, one notification: a job delivered twice notifies once. */
  dedupeKey: string;
}

/**
 * Enqueues a notification in the caller's transaction; the job creates it only after that transaction commits.
 * The service interface other modules (team) use: they never touch the notification tables.
 */
export async function notifyAfterCommit(tx: Tx, municipalityId: string, notice: Notice): Promise<void> {
  await enqueueJob(tx, municipalityId, NOTICE_QUEUE, { ...notice });
}

export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind as 'worklistReminder' | 'newInCaseload' | 'residentRequest' | 'searchPeriodEnding',
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at ? n.read_at.toISOString() : null,
  };
}

export async function listNotifications(ctx: RequestContext, query: { unread: 'true' | 'false'; limit: number }) {
  return ctx.transaction(async (tx) => {
    const store = notificationsStore(tx, ctx.principal.municipalityId);
    const rows = await store.listFor(ctx.principal.userId, query.unread === 'true', query.limit);
    const unreadCount = await store.unreadCount(ctx.principal.userId);
    const total = query.unread === 'true' ? unreadCount : await store.count(ctx.principal.userId);
    return { items: rows.map(presentNotification), total, next: null, unreadCount };
  });
}

export async function markNotificationRead(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx) => {
    const row = await notificationsStore(tx, ctx.principal.municipalityId).markRead(ctx.principal.userId, id);
    if (!row) throw problems.notFound('Deze melding');
    return presentNotification(row);
  });
}
