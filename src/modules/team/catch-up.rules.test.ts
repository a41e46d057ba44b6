import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBetween } from '../../domain/dates.ts';
import { coverage, divide, isoWeek, matchesCriteria, pct, selectCandidates, weekStart, weeklyCoverage, type CatchUpCriteria, summariseMoves } from './catch-up.rules.ts';

const DAY = 86_400_000;
const TODAY = '2026-11-22';
const isoDay = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const pastDate = fc.integer({ min: -6000, max: 0 }).map(isoDay);
const candidate = fc.record({ id: fc.uuid(), benefitStart: fc.option(pastDate, { nil: null }), lastContactOn: fc.option(pastDate, { nil: null }) });
const candidates = fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 60 });
const criteria = fc.record({ minMonthsOnBenefit: fc.integer({ min: 0, max: 180 }), minMonthsWithoutContact: fc.integer({ min: 0, max: 60 }) });

describe('selection', () => {
  it('needs both thresholds; never contacted qualifies on the benefit threshold alone', () => {
    fc.assert(
      fc.property(candidate, criteria, (c, k) => {
        const benefitOk = c.benefitStart !== null && monthsBetween(c.benefitStart, TODAY) >= k.minMonthsOnBenefit;
        const contactOk = c.lastContactOn === null || monthsBetween(c.lastContactOn, TODAY) >= k.minMonthsWithoutContact;
        expect(matchesCriteria(c, k, TODAY)).toBe(benefitOk && contactOk);
      }),
    );
  });

  it('the example of the brief: more than 2 years on benefit, more than 12 months without a conversation', () => {
    const k: CatchUpCriteria = { minMonthsOnBenefit: 24, minMonthsWithoutContact: 12 };
    expect(matchesCriteria({ id: 'a', benefitStart: '2024-11-22', lastContactOn: '2025-11-22' }, k, TODAY)).toBe(true);
    expect(matchesCriteria({ id: 'b', benefitStart: '2024-11-23', lastContactOn: null }, k, TODAY)).toBe(false);
    expect(matchesCriteria({ id: 'c', benefitStart: '2020-01-01', lastContactOn: '2025-11-23' }, k, TODAY)).toBe(false);
    expect(matchesCriteria({ id: 'd', benefitStart: null, lastContactOn: null }, k, TODAY)).toBe(false);
  });

  it('is monotone: stricter thresholds select a subset', () => {
    fc.assert(
      fc.property(candidates, criteria, fc.nat(60), fc.nat(24), (cs, k, extraBenefit, extraContact) => {
        const stricter = { minMonthsOnBenefit: k.minMonthsOnBenefit + extraBenefit, minMonthsWithoutContact: k.minMonthsWithoutContact + extraContact };
        const loose = new Set(selectCandidates(cs, k, TODAY).map((c) => c.id));
        for (const c of selectCandidates(cs, stricter, TODAY)) expect(loose.has(c.id)).toBe(true);
      }),
    );
  });

  it('orders never contacted first, then the longest without contact', () => {
    fc.assert(
      fc.property(candidates, criteria, (cs, k) => {
        const out = selectCandidates(cs, k, TODAY);
        const key = (c: (typeof cs)[number]) => c.lastContactOn ?? '0000-00-00';
        for (let i = 1; i < out.length; i += 1) expect(key(out[i - 1]!) <= key(out[i]!)).toBe(true);
      }),
    );
  });
});

describe('division over werkmatchers', () => {
  const ids = fc.uniqueArray(fc.uuid(), { maxLength: 80 });
  const coaches = fc.uniqueArray(fc.record({ id: fc.uuid(), caseload: fc.nat(150) }), { selector: (c) => c.id, minLength: 1, maxLength: 8 });

  it('assigns every selected resident exactly once, to one of the chosen werkmatchers', () => {
    fc.assert(
      fc.property(ids, coaches, fc.constantFrom('balance' as const, 'roundRobin' as const), (rs, cs, mode) => {
        const out = divide(rs, cs, mode);
        expect(out.map((a) => a.residentId)).toEqual(rs);
        const chosen = new Set(cs.map((c) => c.id));
        for (const a of out) expect(chosen.has(a.coachId)).toBe(true);
      }),
    );
  });

  it('round robin: counts differ by at most one', () => {
    fc.assert(
      fc.property(ids, coaches, (rs, cs) => {
        const counts = cs.map((c) => divide(rs, cs, 'roundRobin').filter((a) => a.coachId === c.id).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('balance: whoever received someone ends at most one above the lightest caseload', () => {
    fc.assert(
      fc.property(ids, coaches, (rs, cs) => {
        const out = divide(rs, cs, 'balance');
        const given = new Map(cs.map((c) => [c.id, out.filter((a) => a.coachId === c.id).length]));
        const final = cs.map((c) => c.caseload + given.get(c.id)!);
        const lightest = Math.min(...final);
        cs.forEach((c, i) => {
          if (given.get(c.id)! > 0) expect(final[i]!).toBeLessThanOrEqual(lightest + 1);
        });
      }),
    );
  });

  it('balance with equal caseloads: counts differ by at most one', () => {
    fc.assert(
      fc.property(ids, fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }), fc.nat(100), (rs, coachIds, load) => {
        const cs = coachIds.map((id) => ({ id, caseload: load }));
        const counts = cs.map((c) => divide(rs, cs, 'balance').filter((a) => a.coachId === c.id).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('coverage', () => {
  it('percentages with one decimal, 0 for nobody', () => {
    expect(pct(1, 3)).toBe(33.3);
    expect(pct(2, 3)).toBe(66.7);
    expect(pct(0, 0)).toBe(0);
  });

  it('ISO weeks start on Monday', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
  });

  it('weekly coverage is cumulative and ends with today’s totals', () => {
    const start = new Date('2026-11-02T09:00:00Z');
    const now = new Date('2026-11-22T12:00:00Z');
    const rows = [
      { contactedAt: new Date('2026-11-03T10:00:00Z'), planAt: new Date('2025-01-01T10:00:00Z') },
      { contactedAt: new Date('2026-11-12T10:00:00Z'), planAt: new Date('2026-11-20T10:00:00Z') },
      { contactedAt: null, planAt: null },
      { contactedAt: new Date('2026-11-22T08:00:00Z'), planAt: null },
    ];
    const weeks = weeklyCoverage(rows, start, now);
    expect(weeks.map((w) => [w.week, w.contacted, w.withPlan, w.contactedPct, w.withPlanPct])).toEqual([
      ['2026-W45', 1, 1, 25, 25],
      ['2026-W46', 2, 1, 50, 25],
      ['2026-W47', 3, 2, 75, 50],
    ]);
    expect(weeks.at(-1)).toMatchObject(coverage(rows));
  });
});

describe('summariseMoves: what a division does to the caseloads', () => {
  it('counts every resident once: moving + staying = total, transfers add up to moving, per receiver to total', () => {
    const staff = ['a', 'b', 'c', 'd'];
    const row = fc.record({ fromId: fc.option(fc.constantFrom(...staff), { nil: null }), coachId: fc.constantFrom(...staff) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        const assignments = rows.map((r, i) => ({ residentId: `r${i}`, ...r }));
        const s = summariseMoves(assignments, (id) => id.toUpperCase());
        const moving = assignments.filter((a) => a.fromId !== a.coachId).length;
        expect([s.total, s.moving, s.staying]).toEqual([rows.length, moving, rows.length - moving]);
        expect(s.transfers.reduce((n, t) => n + t.count, 0)).toBe(moving);
        expect(s.handingOver.reduce((n, t) => n + t.count, 0)).toBe(moving);
        expect(s.perStaffUser.reduce((n, p) => n + p.receives, 0)).toBe(rows.length);
        expect(s.transfers.every((t) => t.from?.id !== t.to.id)).toBe(true);
        expect(s.transfers.map((t) => t.count)).toEqual([...s.transfers.map((t) => t.count)].sort((x, y) => y - x));
      }),
    );
  });
});
