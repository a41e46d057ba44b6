import { todayInNl } from '../../domain/dates.ts';
import { addDaysIso, countdownText, daysBetweenIso, REMINDER_DAYS_BEFORE } from '../../domain/search-period.ts';
import { jobScope, tenantTransaction } from '../../platform/db/transaction.ts';
import type { JobContext, JobDefinition } from '../../platform/jobs/jobs.ts';
import { notifyAfterCommit } from '../worklist/notifications.service.ts';
import { municipalityIds } from '../worklist/worklist.store.ts';
import { claimReminders } from './youth.store.ts';

// The reminder before a search period ends (PA-028): once per period, REMINDER_DAYS_BEFORE days before the end, a
// notification to the young person's contact person (else the one who recorded the melding), through the worklist's
// notifications. Idempotent twice over: a period is claimed once (reminded_at), and the notification has a dedupe key.

export const SEARCH_PERIOD_REMINDER_QUEUE = 'youth-search-period-reminders';
export const SEARCH_PERIODS_LINK = '/jongeren';

export async function createSearchPeriodReminders(ctx: JobContext, municipalityId: string, now = new Date()): Promise<number> {
  const today = todayInNl(now);
  return tenantTransaction(ctx.appDb, jobScope(municipalityId), async (tx) => {
    const claimed = await claimReminders(tx, today, addDaysIso(today, REMINDER_DAYS_BEFORE));
    for (const c of claimed) {
      await notifyAfterCommit(tx, municipalityId, {
        staffUserId: c.staff_user_id,
        kind: 'searchPeriodEnding',
        title: countdownText(daysBetweenIso(today, c.end_date)),
        body: `Een zoektermijn in uw caseload eindigt op ${c.end_date}. Leg vast wat de jongere deed en bereid de aanvraag voor.`,
        link: SEARCH_PERIODS_LINK,
        dedupeKey: `search-period-ending:${c.period_id}`,
      });
    }
    return claimed.length;
  });
}

export const youthJobs: JobDefinition[] = [
  {
    queue: SEARCH_PERIOD_REMINDER_QUEUE,
    cron: '30 7 * * *',
    async handle(_data, ctx) {
      let total = 0;
      for (const m of await municipalityIds(ctx.appDb)) total += await createSearchPeriodReminders(ctx, m);
      ctx.log(`Herinneringen zoektermijn: ${total} nieuw`);
    },
  },
];
