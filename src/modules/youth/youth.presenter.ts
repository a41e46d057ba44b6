import { countdownText, searchPeriodState } from '../../domain/search-period.ts';
import { can } from '../../platform/access/permissions.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { displayName } from '../residents/residents.presenter.ts';
import type { ActivityRow, ExemptionRow, PeriodRow } from './youth.store.ts';

// What leaves the building about a search period and its exemptions. The state (running, ended, …) and the
// countdown come from the pure rule in src/domain/search-period.ts, for the day of the request.

const ref = (id: string, name: string | null) => ({ id, displayName: name ?? '' });

/** The caller may confirm or send back: a senior, pending, and not the one who decided (four eyes). */
export function canReview(p: Principal, e: Pick<ExemptionRow, 'status' | 'decided_by'>): boolean {
  return e.status === 'pending' && can(p, 'youth:confirmExemption') && e.decided_by !== p.userId;
}

export function presentExemption(p: Principal, e: ExemptionRow) {
  return {
    id: e.id,
    searchPeriodId: e.search_period_id,
    residentId: e.resident_id,
    residentName: displayName(e),
    legalBasis: e.legal_basis,
    reasonCategory: e.reason_category,
    reasonText: e.reason_text,
    decidedBy: ref(e.decided_by, e.decided_by_name),
    decidedOn: e.decided_on,
    status: e.status,
    reviewedBy: e.reviewed_by ? ref(e.reviewed_by, e.reviewed_by_name) : null,
    reviewedAt: e.reviewed_at ? e.reviewed_at.toISOString() : null,
    reviewNote: e.review_note,
    canReview: canReview(p, e),
  };
}

export function presentPeriod(p: Principal, row: PeriodRow, activities: ActivityRow[], exemptions: ExemptionRow[], today: string) {
  const state = searchPeriodState(
    { status: row.status, startDate: row.start_date, endDate: row.end_date, handledEarlyOn: row.handled_early_on },
    today,
  );
  const own = exemptions.filter((e) => e.search_period_id === row.id);
  const write = can(p, 'youth:write');
  return {
    id: row.id,
    residentId: row.resident_id,
    residentName: displayName(row),
    team: { id: row.team_id, name: row.team_name },
    reportDate: row.report_date,
    startDate: row.start_date,
    endDate: row.end_date,
    status: state.status,
    daysLeft: state.daysLeft,
    countdown: state.daysLeft === null ? null : countdownText(state.daysLeft),
    handledEarly:
      row.handled_early_on && row.handled_early_reason && row.handled_early_by
        ? { on: row.handled_early_on, reason: row.handled_early_reason, by: ref(row.handled_early_by, row.handled_early_by_name) }
        : null,
    withdrawn: row.withdrawn_on && row.withdrawn_reason ? { on: row.withdrawn_on, reason: row.withdrawn_reason } : null,
    activities: activities
      .filter((a) => a.search_period_id === row.id)
      .map((a) => ({ id: a.id, occurredOn: a.occurred_on, kind: a.kind, description: a.description, recordedBy: ref(a.recorded_by, a.recorded_by_name) })),
    exemptions: own.map((e) => presentExemption(p, e)),
    createdBy: ref(row.created_by, row.created_by_name),
    permissions: {
      write: write && state.status === 'running',
      proposeExemption: write && state.status === 'running' && !own.some((e) => e.status === 'pending' || e.status === 'confirmed'),
    },
  };
}

export type SearchPeriod = ReturnType<typeof presentPeriod>;
