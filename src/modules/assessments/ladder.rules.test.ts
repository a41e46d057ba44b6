import { describe, expect, it } from 'vitest';
import { highestFittingRung, isDayActivityAction, ladderConflicts, type LadderSituation } from './ladder.rules.ts';

const calm: LadderSituation = { hasPaidWork: false, timeUseScore: 4, openTimeUseBarrier: false, openDayActivityAction: false };

describe('participatieladder against the rest of the file', () => {
  it('the demo contradiction: rung 5 beside "slaapt overdag" and "dagbesteding" gives three conflicts', () => {
    expect(ladderConflicts(5, { hasPaidWork: false, timeUseScore: 2, openTimeUseBarrier: true, openDayActivityAction: true })).toHaveLength(4);
  });

  it('paid-work rungs need paid work; rung 4 needs a daily rhythm', () => {
    expect(ladderConflicts(5, calm)).toEqual(['Trede 5 (betaald werk) zonder betaald werk']);
    expect(ladderConflicts(6, { ...calm, hasPaidWork: true })).toEqual([]);
    expect(ladderConflicts(4, calm)).toEqual([]);
    expect(ladderConflicts(4, { ...calm, timeUseScore: 3 })).toHaveLength(1);
    expect(ladderConflicts(3, { ...calm, timeUseScore: 1, openTimeUseBarrier: true, openDayActivityAction: true })).toEqual([]);
  });

  it('highestFittingRung never conflicts, and is the highest that does not', () => {
    for (const hasPaidWork of [false, true])
      for (const timeUseScore of [null, 1, 2, 3, 4, 5])
        for (const openTimeUseBarrier of [false, true])
          for (const openDayActivityAction of [false, true]) {
            const s = { hasPaidWork, timeUseScore, openTimeUseBarrier, openDayActivityAction };
            const top = highestFittingRung(s);
            expect(ladderConflicts(top, s)).toEqual([]);
            if (top < 6) expect(ladderConflicts(top + 1, s).length).toBeGreaterThan(0);
          }
  });

  it('recognises day-activity actions by their text', () => {
    expect(isDayActivityAction('Twee ochtenden per week naar de dagbesteding')).toBe(true);
    expect(isDayActivityAction('Kennismaken met het buurthuis')).toBe(false);
  });
});
