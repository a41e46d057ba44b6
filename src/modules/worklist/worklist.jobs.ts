import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { todayInNl } from '../../domain/dates.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { dbScopeOf } from '../../platform/access/scope.ts';
import { applyScope, jobScope, tenantTransaction, type Tx } from '../../platform/db/transaction.ts';
import { enqueueJob, type JobContext, type JobDefinition } from '../../platform/jobs/jobs.ts';
import { NOTICE_QUEUE } from './notifications.service.ts';
import { notificationsStore, type NewNotification } from './notifications.store.ts';
import { reminderText } from './worklist.rules.ts';
import { selectWorklist } from './worklist.service.ts';
import { jobCoachesForReminders, municipalityIds } from './worklist.store.ts';

// Jobs of the worklist: the daily reminder per werkmatcher, notifications other modules asked for after their
// commit, and their e-mail. Queues deliver at least once, so each job is idempotent: notifications are unique per
// dedupe key (a reminder per user per day), and an e-mail is sent only while emailed_at is empty.

export const REMINDER_QUEUE = 'worklist-reminders';
export const EMAIL_QUEUE = 'notification-email';
export const WORKLIST_LINK = '/werklijst';

async function notify(tx: Tx, municipalityId: string, n: NewNotification, ctx: JobContext): Promise<boolean> {
  const store = notificationsStore(tx, municipalityId);
  const inserted = await store.insertOnce(n);
  // E-mail only when a sender is configured and the person has an address; enqueued in this same transaction.
  if (inserted && ctx.mail.configured && (await store.hasEmail(n.staffUserId))) {
    await enqueueJob(tx, municipalityId, EMAIL_QUEUE, { notificationId: n.id });
  }
  return inserted;
}

/** For every werkmatcher of one municipality: "3 acties verlopen, 5 inwoners boven de contactnorm", once a day. */
export async function createDailyReminders(ctx: JobContext, municipalityId: string, now = new Date()): Promise<number> {
  const today = todayInNl(now);
  return tenantTransaction(ctx.appDb, jobScope(municipalityId), async (tx) => {
    let created = 0;
    for (const coach of await jobCoachesForReminders(tx, municipalityId)) {
      // The werkmatcher's own view: his scope (team areas) and the municipality's norm, through the worklist's rules.
      const principal: Principal = {
        userId: coach.id,
        username: coach.username,
        displayName: coach.display_name,
        municipalityId,
        municipalityName: '',
        contactNormDays: coach.contact_norm_days,
        roles: ['jobCoach'],
        teamIds: coach.team_ids,
        areaIds: coach.area_ids,
        partnerOrganisationId: null,
      };
      // Counted with the werkmatcher's own need-to-know, as the database enforces it for her; then back to the job.
      await applyScope(tx, dbScopeOf(principal));
      const sel = await selectWorklist(tx, principal, now);
      await applyScope(tx, jobScope(municipalityId));
      if (!sel) continue;
      const text = reminderText({ overdueActions: sel.overdueTotal, dueToday: sel.dueTotal - sel.overdueTotal, overContactNorm: sel.overNorm.length }, now);
      if (!text) continue;
      const n = { id: randomUUID(), staffUserId: coach.id, kind: 'worklistReminder' as const, ...text, link: WORKLIST_LINK, dedupeKey: `worklist-reminder:${coach.id}:${today}` };
      if (await notify(tx, municipalityId, n, ctx)) created += 1;
    }
    return created;
  });
}

const noticeData = z.object({
  municipalityId: z.uuid(),
  staffUserId: z.uuid(),
  kind: z.enum(['newInCaseload', 'residentRequest', 'searchPeriodEnding']),
  title: z.string().min(1).max(200),
  body: z.string().max(1000).nullable(),
  link: z.string().startsWith('/'),
  dedupeKey: z.string().min(1).max(200),
});

const emailData = z.object({ municipalityId: z.uuid(), notificationId: z.uuid() });

export const worklistJobs: JobDefinition[] = [
  {
    queue: REMINDER_QUEUE,
    cron: '0 7 * * *',
    async handle(_data, ctx) {
      let total = 0;
      for (const m of await municipalityIds(ctx.appDb)) total += await createDailyReminders(ctx, m);
      ctx.log(`Werklijstherinneringen: ${total} nieuw`);
    },
  },
  {
    queue: NOTICE_QUEUE,
    async handle(data, ctx) {
      const d = noticeData.parse(data);
      await tenantTransaction(ctx.appDb, jobScope(d.municipalityId), (tx) =>
        notify(tx, d.municipalityId, { id: randomUUID(), staffUserId: d.staffUserId, kind: d.kind, title: d.title, body: d.body, link: d.link, dedupeKey: d.dedupeKey }, ctx),
      );
    },
  },
  {
    queue: EMAIL_QUEUE,
    async handle(data, ctx) {
      const d = emailData.parse(data);
      if (!ctx.mail.configured) return;
      await tenantTransaction(ctx.appDb, jobScope(d.municipalityId), async (tx) => {
        const store = notificationsStore(tx, d.municipalityId);
        const n = await store.forEmail(d.notificationId);
        if (!n || n.emailed_at || !n.email) return;
        await ctx.mail.send({ messageId: `<notification-${n.id}@samenplan>`, to: n.email, subject: `Samenplan: ${n.title}`, text: `${n.body ?? n.title}\n\nOpen Samenplan: ${ctx.mail.link(n.link ?? WORKLIST_LINK)}\n\nDit is een automatisch bericht van Samenplan. U kunt het niet beantwoorden.` });
        await store.markEmailed(n.id);
      });
    },
  },
];
