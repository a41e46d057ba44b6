/** Pure rules about employer agreements (intentieverklaringen, anti-discriminatieakkoorden). No I/O. */

/** A placement counts as realised for an agreement when its start date lies within the agreement period (inclusive). */
export function countsForAgreement(startDate: string, period: { periodStart: string; periodEnd: string }): boolean {
  return startDate >= period.periodStart && startDate <= period.periodEnd;
}

/** Placements realised for the agreement out of a list of start dates. */
export function realisedPlacements(startDates: readonly string[], period: { periodStart: string; periodEnd: string }): number {
  return startDates.filter((d) => countsForAgreement(d, period)).length;
}
