/**
 * The exemption rate of the search period per team and month, pure: counts in → suppressed cells, the rate and its
 * position against Utrecht's range (20–30% of search periods end in an exemption, status holders included; seed 002).
 *
 * Small cells: any count under MINIMUM_CELL_SIZE (0 included) is replaced by null, as in the fairness monitor
 * (src/modules/fairness/fairness.rules.ts, same threshold); the rate is shown only when both of its counts are.
 * Only months are shown, no totals over months, so a suppressed month cannot be recovered by subtraction.
 */

import { MINIMUM_CELL_SIZE } from '../fairness/fairness.rules.ts';

export { MINIMUM_CELL_SIZE };
export const REFERENCE_RANGE = { from: 0.2, to: 0.3 } as const;

export interface ExemptionCounts {
  teamId: string;
  teamName: string;
  month: string;
  periods: number;
  exempted: number;
  pending: number;
}

export interface ExemptionRateRow {
  team: { id: string; name: string };
  month: string;
  searchPeriods: number | null;
  exempted: number | null;
  pending: number | null;
  rate: number | null;
  position: 'below' | 'within' | 'above' | null;
  suppressed: boolean;
}

const cell = (n: number): number | null => (n >= MINIMUM_CELL_SIZE ? n : null);

export function exemptionRateRows(counts: readonly ExemptionCounts[]): ExemptionRateRow[] {
  return [...counts]
    .sort((a, b) => a.teamName.localeCompare(b.teamName, 'nl') || a.teamId.localeCompare(b.teamId) || a.month.localeCompare(b.month))
    .map((c) => {
      const searchPeriods = cell(c.periods);
      const exempted = cell(c.exempted);
      const pending = cell(c.pending);
      const rate = searchPeriods !== null && exempted !== null ? Math.round((exempted / searchPeriods) * 1000) / 1000 : null;
      const position = rate === null ? null : rate < REFERENCE_RANGE.from ? 'below' : rate > REFERENCE_RANGE.to ? 'above' : 'within';
      return {
        team: { id: c.teamId, name: c.teamName },
        month: c.month,
        searchPeriods,
        exempted,
        pending,
        rate,
        position,
        suppressed: searchPeriods === null || exempted === null || pending === null,
      };
    });
}
