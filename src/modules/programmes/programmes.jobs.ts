import { z } from 'zod';
import { todayInNl } from '../../domain/dates.ts';
import { jobScope, tenantTransaction } from '../../platform/db/transaction.ts';
import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { PROGRAMME_REFRESH_QUEUE, PROGRAMME_SNAPSHOT_QUEUE } from './programmes.queues.ts';
import { freezeMonthLocked, refreshCoalesced } from './programmes.service.ts';
import { municipalityIds } from './programmes.store.ts';

// Jobs of the programmes module (issue 12). Both are idempotent (queues deliver at least once), and concurrent
// triggers of one municipality run once (its refresh lock; refreshCoalesced, freezeMonthLocked):
// - refresh: rebuilds a municipality's programme figures (delete + insert in one transaction), after the commit of an
//   outflow, a return or a new programme, and every night for what other modules changed (contacts, plans, placements);
// - snapshot: on the 1st of each month, freezes the month before (inserted once, never updated).

const refreshData = z.object({ municipalityId: z.uuid().optional(), programmeId: z.uuid().optional() }).loose();
const snapshotData = z.object({ municipalityId: z.uuid().optional(), month: z.string().regex(/^\d{4}-\d{2}$/).optional() }).loose();

export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const programmeJobs: JobDefinition[] = [
  {
    queue: PROGRAMME_REFRESH_QUEUE,
    cron: '15 2 * * *',
    async handle(data, ctx) {
      const d = refreshData.parse(data ?? {});
      const ids = d.municipalityId ? [d.municipalityId] : await municipalityIds(ctx.appDb);
      let rows = 0;
      let skipped = 0;
      for (const m of ids) {
        const run = await tenantTransaction(ctx.appDb, jobScope(m), (tx) => refreshCoalesced(tx, m, d.programmeId));
        rows += run.rows;
        if (!run.ran) skipped += 1;
      }
      ctx.log(`Programmacijfers bijgewerkt: ${rows} rijen${skipped > 0 ? `; ${skipped} gemeente(n) overgeslagen (al bijgewerkt na de aanleiding)` : ''}`);
    },
  },
  {
    queue: PROGRAMME_SNAPSHOT_QUEUE,
    cron: '30 3 1 * *',
    async handle(data, ctx) {
      const d = snapshotData.parse(data ?? {});
      const month = d.month ?? previousMonth(todayInNl());
      const ids = d.municipalityId ? [d.municipalityId] : await municipalityIds(ctx.appDb);
      let frozen = 0;
      for (const m of ids) frozen += await tenantTransaction(ctx.appDb, jobScope(m), (tx) => freezeMonthLocked(tx, m, month));
      ctx.log(`Maandstand ${month} bevroren voor ${frozen} programma's`);
    },
  },
];
