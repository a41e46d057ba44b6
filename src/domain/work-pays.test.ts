import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISREGARDS, NORMS, inEffect } from './work-pays.params.ts';
import { monthlyEarningsCents, workPays, WorkPaysParameterError, type WorkPaysInput } from './work-pays.ts';

const day = fc.date({ min: new Date('2025-07-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const input = fc.record({
  date: day,
  household: fc.constantFrom('single' as const, 'singleParent' as const, 'couple' as const),
  age: fc.integer({ min: 18, max: 66 }),
  hoursPerWeek: fc.integer({ min: 0, max: 60 }),
  hourlyWageCents: fc.integer({ min: 0, max: 5000 }),
  youngestChildAge: fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }),
  monthsUsedN: fc.integer({ min: 0, max: 8 }),
  monthsUsedR: fc.integer({ min: 0, max: 40 }),
  variant: fc.constantFrom(null, 'werkenLoont'),
});

describe('"Werkt het loont?" (an estimate; norms and disregards as data with dates)', () => {
  it('16 hours at EUR 14 in January 2026, single, 35: earnings, 25% kept up to EUR 285, the rest of the norm', () => {
    const r = workPays({ date: '2026-01-15', household: 'single', age: 35, hoursPerWeek: 16, hourlyWageCents: 1400 });
    expect(r.earningsCents).toBe(97067); // 16 × 14 × 52 / 12
    expect(r.rule).toBe('n');
    expect(r.disregardCents).toBe(24267); // 25% of 970.67 (under the cap of 285)
    expect(r.benefitCents).toBe(140150 - (97067 - 24267));
    expect(r.totalCents).toBe(97067 + r.benefitCents);
    expect(r.explanation).toContain('artikel 31 lid 2 onder n');
    expect(r.estimate).toBe(true);
  });

  it('a change of date picks the right parameters (1 July 2025 vs 1 January 2026)', () => {
    const at = (date: string) => workPays({ date, household: 'couple', age: 40, hoursPerWeek: 36, hourlyWageCents: 2000 });
    expect(at('2025-12-31')).toMatchObject({ normCents: 195580, capCents: 27800 });
    expect(at('2026-01-01')).toMatchObject({ normCents: 200213, capCents: 28500 });
    expect(() => at('2025-06-30')).toThrow(WorkPaysParameterError);
    fc.assert(
      fc.property(day, (date) => {
        const r = workPays({ date, household: 'single', age: 40, hoursPerWeek: 40, hourlyWageCents: 3000 });
        expect(r.normCents).toBe(inEffect(NORMS, date)!.norms.single);
        expect(r.capCents).toBe(inEffect(DISREGARDS, date)!.n.capCents);
      }),
    );
  });

  it('more hours never lower the total income', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 20 }), (i: WorkPaysInput, more) => {
        expect(workPays({ ...i, hoursPerWeek: i.hoursPerWeek + more }).totalCents).toBeGreaterThanOrEqual(workPays(i).totalCents);
      }),
    );
  });

  it('the disregard never exceeds its cap (nor its share of the earnings), and the benefit is never negative', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = workPays(i);
        expect(r.disregardCents).toBeLessThanOrEqual(r.capCents);
        expect(r.disregardCents).toBeLessThanOrEqual(Math.round(r.earningsCents * r.share));
        expect(r.benefitCents).toBeGreaterThanOrEqual(0);
        expect(r.totalCents).toBeGreaterThanOrEqual(Math.max(r.earningsCents, Math.min(r.normCents, r.totalCents)));
      }),
    );
  });

  it('under 27: no disregard at all (lid 5), also in the study arm', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 18, max: 26 }), (i, age) => {
        const r = workPays({ ...i, age });
        expect(r.disregardCents).toBe(0);
        if (r.earningsCents > 0) expect(r.rule).toBe('underAge');
      }),
    );
  });

  it('onder r follows onder n for a single parent with a child under 12; the study arm keeps 50% up to EUR 202', () => {
    const base = { date: '2026-03-01', household: 'singleParent' as const, age: 33, hoursPerWeek: 20, hourlyWageCents: 1500, youngestChildAge: 7 };
    expect(workPays(base).rule).toBe('n');
    expect(workPays({ ...base, monthsUsedN: 6 })).toMatchObject({ rule: 'r', capCents: 17766 });
    expect(workPays({ ...base, monthsUsedN: 6, youngestChildAge: 12 }).rule).toBe('used');
    expect(workPays({ ...base, monthsUsedN: 6, monthsUsedR: 30 }).rule).toBe('used');
    const arm = workPays({ ...base, variant: 'werkenLoont' });
    expect(arm).toMatchObject({ rule: 'variant', share: 0.5, capCents: 20200, disregardCents: 20200 });
    expect(() => workPays({ ...base, variant: 'onbekend' })).toThrow(WorkPaysParameterError);
    expect(monthlyEarningsCents(0, 1400)).toBe(0);
  });
});
