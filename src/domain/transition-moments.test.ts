import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearsBetween } from './dates.ts';
import { addDaysIso, daysBetweenIso } from './search-period.ts';
import { TRANSITION_AFTER_DAYS, TRANSITION_AHEAD_DAYS, birthdayOf, transitionFlags } from './transition-moments.ts';

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const PARTNERS = ['youthCare', 'schoolRmc', 'buurtteam', 'healthCare', 'housing', 'youthProbation'] as const;
const referral = fc.record({ partnerKind: fc.constantFrom(...PARTNERS), receivedOffset: fc.integer({ min: -400, max: 30 }) });
// A young person whose age today is anything from 14 to 30, with 0–3 handovers around today.
const person = fc.record({ today: isoDate, ageDays: fc.integer({ min: 14 * 365, max: 30 * 366 }), referrals: fc.array(referral, { maxLength: 3 }) });
const factsOf = (p: { today: string; ageDays: number; referrals: Array<{ partnerKind: string; receivedOffset: number }> }) => ({
  dateOfBirth: addDaysIso(p.today, -p.ageDays),
  referrals: p.referrals.map((r) => ({ partnerKind: r.partnerKind, receivedOn: addDaysIso(p.today, r.receivedOffset) })),
});

describe('transition moments (pure rule)', () => {
  it('the birthday of age n is the first day one is n years old (leap years included)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), (dob, n) => {
        const b = birthdayOf(dob, n);
        expect(yearsBetween(dob, b)).toBe(n);
        expect(yearsBetween(dob, addDaysIso(b, -1))).toBe(n - 1);
      }),
    );
    expect(birthdayOf('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayOf('2008-02-29', 20)).toBe('2028-02-29');
  });

  it('every flag lies in its window, daysUntil counts to its day, and the list is sorted', () => {
    fc.assert(
      fc.property(person, (p) => {
        const flags = transitionFlags(factsOf(p), p.today);
        for (const f of flags) {
          expect(f.daysUntil).toBe(daysBetweenIso(p.today, f.on));
          expect(f.daysUntil).toBeLessThanOrEqual(TRANSITION_AHEAD_DAYS);
          expect(f.daysUntil).toBeGreaterThanOrEqual(-TRANSITION_AFTER_DAYS);
        }
        expect(flags.map((f) => f.on)).toEqual([...flags.map((f) => f.on)].sort());
        expect(new Set(flags.map((f) => f.kind)).size).toBe(flags.length);
      }),
    );
  });

  it('turning 18 only after youth care; turning 27 exactly when 27 falls within the window ahead', () => {
    fc.assert(
      fc.property(person, (p) => {
        const facts = factsOf(p);
        const flags = transitionFlags(facts, p.today);
        const eighteen = flags.find((f) => f.kind === 'turning18AfterYouthCare');
        if (!facts.referrals.some((r) => r.partnerKind === 'youthCare')) expect(eighteen).toBeUndefined();
        if (eighteen) {
          expect(eighteen.partner).toBe('youthCare');
          expect(yearsBetween(facts.dateOfBirth, eighteen.on)).toBe(18);
        }
        const turns27Soon = yearsBetween(facts.dateOfBirth, p.today) < 27 && yearsBetween(facts.dateOfBirth, addDaysIso(p.today, TRANSITION_AHEAD_DAYS)) >= 27;
        const on27 = yearsBetween(facts.dateOfBirth, p.today) >= 27 && birthdayOf(facts.dateOfBirth, 27) === p.today;
        expect(flags.some((f) => f.kind === 'turning27')).toBe(turns27Soon || on27);
      }),
    );
  });

  it('leaving school: the latest school/RMC handover in the last 90 days, never one in the future', () => {
    fc.assert(
      fc.property(person, (p) => {
        const facts = factsOf(p);
        const flag = transitionFlags(facts, p.today).find((f) => f.kind === 'leftSchoolWithoutQualification');
        const recent = facts.referrals.filter((r) => r.partnerKind === 'schoolRmc' && r.receivedOn <= p.today && r.receivedOn >= addDaysIso(p.today, -TRANSITION_AFTER_DAYS));
        expect(flag?.on).toBe(recent.map((r) => r.receivedOn).sort().at(-1));
      }),
    );
  });

  it('examples', () => {
    const flags = transitionFlags({ dateOfBirth: '2008-03-01', referrals: [{ partnerKind: 'youthCare', receivedOn: '2026-01-10' }] }, '2026-02-01');
    expect(flags).toEqual([{ kind: 'turning18AfterYouthCare', on: '2026-03-01', daysUntil: 28, partner: 'youthCare' }]);
    expect(transitionFlags({ dateOfBirth: '1999-12-20', referrals: [] }, '2026-12-07')).toEqual([{ kind: 'turning27', on: '2026-12-20', daysUntil: 13, partner: 'areaTeam' }]);
  });
});
