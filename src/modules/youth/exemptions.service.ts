import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems } from '../../platform/http/problem.ts';
import { exemptionRateRows, MINIMUM_CELL_SIZE, REFERENCE_RANGE } from './exemption-rate.ts';
import { invalidInput, loadPeriod } from './search-periods.service.ts';
import { canReview, presentExemption } from './youth.presenter.ts';
import type { ExemptionCreate } from './youth.schema.ts';
import { youthStore } from './youth.store.ts';

// Exemptions from the search period (ontheffing), PA-029. A werkmatcher proposes one with its legal basis and
// reason; it counts only when a senior werkmatcher — never the one who proposed it — confirms it (four eyes). Every
// step is in the processing log with the role that took it.

const EXEMPTION = 'Deze ontheffing';

export async function proposeExemption(ctx: RequestContext, periodId: string, body: ExemptionCreate) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const { row, period } = await loadPeriod(tx, ctx.principal, periodId, today, true);
    if (period.status !== 'running') {
      throw problems.conflict('Deze zoektermijn loopt niet meer: een ontheffing is niet meer nodig.', [
        { name: 'periodId', code: 'notRunning', reason: 'De zoektermijn loopt niet meer.' },
      ]);
    }
    const reasonText = body.reasonText ? body.reasonText : null;
    if (body.reasonCategory === 'other' && !reasonText) {
      throw invalidInput([{ name: 'reasonText', code: 'required', reason: 'Bij de reden "Anders" schrijft u op wat de reden is.' }]);
    }
    const store = youthStore(tx, ctx.principal);
    const open = await store.openExemption(periodId);
    if (open) {
      throw problems.conflict(
        open.status === 'pending' ? 'Er wacht al een ontheffing op de controle van een senior.' : 'Deze zoektermijn is al ontheven.',
        [{ name: 'periodId', code: open.status, reason: 'Er is al een ontheffing voor deze zoektermijn.' }],
      );
    }
    const id = randomUUID();
    await store.insertExemption({ id, periodId, residentId: row.resident_id, teamId: row.team_id, legalBasis: body.legalBasis, reasonCategory: body.reasonCategory, reasonText, decidedOn: today });
    log.subjects([row.resident_id], { action: 'youth.exemptions.propose' });
    const created = await store.exemption(id);
    return presentExemption(ctx.principal, created!);
  });
}

export async function listExemptions(ctx: RequestContext, query: { status: 'pending' | 'confirmed' | 'rejected' }) {
  return ctx.transaction(async (tx, log) => {
    const rows = await youthStore(tx, ctx.principal).exemptionsByStatus(query.status, 500);
    log.subjects(rows.map((r) => r.resident_id), { action: 'youth.exemptions.list' });
    return wholeList(rows.map((r) => presentExemption(ctx.principal, r)));
  });
}

async function review(ctx: RequestContext, exemptionId: string, decision: 'confirmed' | 'rejected', note: string | null) {
  return ctx.transaction(async (tx, log) => {
    const store = youthStore(tx, ctx.principal);
    const row = await store.exemption(exemptionId, true);
    if (!row) throw problems.notFound(EXEMPTION);
    if (row.status !== 'pending') {
      throw problems.conflict('Deze ontheffing is al beoordeeld.', [{ name: 'exemptionId', code: row.status, reason: 'Deze ontheffing is al beoordeeld.' }]);
    }
    if (!canReview(ctx.principal, row)) {
      throw invalidInput([
        { name: 'exemptionId', code: 'fourEyes', reason: 'U stelde deze ontheffing zelf voor. Een andere senior werkmatcher moet haar beoordelen (vier ogen).' },
      ]);
    }
    await store.reviewExemption(exemptionId, decision, note);
    if (decision === 'confirmed') await store.markExempted(row.search_period_id);
    log.subjects([row.resident_id], { action: decision === 'confirmed' ? 'youth.exemptions.confirm' : 'youth.exemptions.reject' });
    return presentExemption(ctx.principal, (await store.exemption(exemptionId))!);
  });
}

export const confirmExemption = (ctx: RequestContext, id: string, body: { note?: string }) => review(ctx, id, 'confirmed', body.note || null);
export const rejectExemption = (ctx: RequestContext, id: string, body: { note: string }) => review(ctx, id, 'rejected', body.note);

export async function exemptionRate(ctx: RequestContext, year: number) {
  return ctx.transaction(async (tx, log) => {
    const counts = await youthStore(tx, ctx.principal).exemptionCounts(`${year}-01-01`, `${year}-12-31`);
    log.aggregate({ action: 'youth.exemptions.rate' });
    return { year, referenceRange: { ...REFERENCE_RANGE }, minimumCellSize: MINIMUM_CELL_SIZE, rows: exemptionRateRows(counts) };
  });
}
