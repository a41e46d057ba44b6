/**
 * When a rung of the participatieladder fits what else is known of the resident (pure, no I/O). The ladder
 * describes where someone is now; it contradicts the rest of the file when:
 *
 * 1. Rung 5 (betaald werk met ondersteuning) or 6 (betaald werk) while the resident has no paid work: no placement
 *    or job that started on or before the assessment.
 * 2. Rung 4 or higher (onbetaald werk and up) while the resident has no daily rhythm: a Zelfredzaamheid-Matrix score
 *    of 3 or lower on Tijdsbesteding in the same assessment, a barrier on Tijdsbesteding that is not resolved, or an
 *    open action towards dagbesteding (day activities are rung 3, "deelname aan georganiseerde activiteiten").
 *
 * The demo seeder caps the rungs it writes with highestFittingRung, and test/integration/demo-consistency.test.ts
 * checks every resident's latest assessment against ladderConflicts.
 */

export const PAID_WORK_RUNG = 5;
export const UNPAID_WORK_RUNG = 4;

export interface LadderSituation {
  /** A placement or job that started on or before the assessment and had not ended. */
  hasPaidWork: boolean;
  /** The ZRM score on Tijdsbesteding (timeUse) in the same assessment; null: not scored. */
  timeUseScore: number | null;
  /** A barrier on Tijdsbesteding with status open or inProgress. */
  openTimeUseBarrier: boolean;
  /** An open (or in progress) plan action towards dagbesteding. */
  openDayActivityAction: boolean;
}

/** An action that is about day activities (dagbesteding), by its text. */
export function isDayActivityAction(description: string): boolean {
  return /dagbesteding/i.test(description);
}

const noDailyRhythm = (s: LadderSituation) =>
  (s.timeUseScore !== null && s.timeUseScore <= 3) || s.openTimeUseBarrier || s.openDayActivityAction;

/** The highest rung that does not contradict the situation. */
export function highestFittingRung(s: LadderSituation): number {
  if (noDailyRhythm(s)) return UNPAID_WORK_RUNG - 1;
  return s.hasPaidWork ? 6 : PAID_WORK_RUNG - 1;
}

/** What contradicts the rung, in Dutch; empty when it fits. */
export function ladderConflicts(rung: number, s: LadderSituation): string[] {
  const out: string[] = [];
  if (rung >= PAID_WORK_RUNG && !s.hasPaidWork) out.push(`Trede ${rung} (betaald werk) zonder betaald werk`);
  if (rung >= UNPAID_WORK_RUNG) {
    if (s.timeUseScore !== null && s.timeUseScore <= 3) out.push(`Trede ${rung} met Tijdsbesteding ${s.timeUseScore} in dezelfde meting`);
    if (s.openTimeUseBarrier) out.push(`Trede ${rung} naast een belemmering op Tijdsbesteding die niet is opgelost`);
    if (s.openDayActivityAction) out.push(`Trede ${rung} naast een open actie voor dagbesteding`);
  }
  return out;
}
