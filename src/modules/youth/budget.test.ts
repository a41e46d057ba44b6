import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetFigures, euros, fitsBudget, needsSecondPerson, type BudgetLine } from './budget.ts';

const line = fc.record({ status: fc.constantFrom<BudgetLine['status']>('requested', 'approved', 'rejected', 'paid'), cents: fc.integer({ min: 1, max: 10_000_000 }) });

describe('custom provision budget (integer cents)', () => {
  it('accepting only what fits never takes the budget below zero, and the parts add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(line, { maxLength: 40 }), (budget, requests) => {
        const accepted: BudgetLine[] = [];
        for (const r of requests) if (r.status === 'rejected' || fitsBudget(budgetFigures(budget, accepted), r.cents)) accepted.push(r);
        const f = budgetFigures(budget, accepted);
        expect(f.availableCents).toBeGreaterThanOrEqual(0);
        expect(f.committedCents + f.paidCents + f.availableCents).toBe(budget);
        for (const v of Object.values(f)) expect(Number.isSafeInteger(v)).toBe(true);
      }),
    );
  });

  it('refuses nothing-or-negative amounts and what is over the budget', () => {
    const f = budgetFigures(100_000, [{ status: 'paid', cents: 40_000 }, { status: 'approved', cents: 50_000 }, { status: 'rejected', cents: 99_999 }]);
    expect(f).toEqual({ budgetCents: 100_000, committedCents: 50_000, paidCents: 40_000, availableCents: 10_000 });
    expect(fitsBudget(f, 10_000)).toBe(true);
    expect(fitsBudget(f, 10_001)).toBe(false);
    expect(fitsBudget(f, 0)).toBe(false);
    expect(fitsBudget(f, -1)).toBe(false);
  });

  it('a second person above the threshold; euros in Dutch', () => {
    expect(needsSecondPerson(50_000, 50_000)).toBe(false);
    expect(needsSecondPerson(50_001, 50_000)).toBe(true);
    expect(euros(123_456)).toBe('€ 1.234,56');
    expect(euros(5)).toBe('€ 0,05');
  });
});
