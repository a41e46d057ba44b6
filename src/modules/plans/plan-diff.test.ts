import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, creationChanges, diffPlans, normalisePlan, type PlanSnapshot } from './plan-diff.ts';
import { changeLabel, dutchDate, summarise } from './plan-text.ts';

// Small id pools, so two generated plans share many goals and actions (changed fields) and differ in some
// (added and removed records).
const ids = (prefix: string) => fc.constantFrom(...[1, 2, 3, 4, 5].map((n) => `${prefix}0000000-0000-4000-8000-00000000000${n}`));
const goalIds = ids('a');
const actionIds = ids('b');
const text = fc.constantFrom('Schulden op een rij', 'Werk vinden', 'Taalcursus', '');
const nullableDate = fc.option(fc.constantFrom('2026-12-01', '2027-01-15', '2027-03-31'), { nil: null });

const owner = fc.oneof(
  fc.constant({ type: 'resident' as const, staffUserId: null, partnerOrganisationId: null, name: null }),
  fc.record({ type: fc.constant('jobCoach' as const), staffUserId: fc.constantFrom('s1', 's2'), partnerOrganisationId: fc.constant(null), name: fc.constant(null) }),
  fc.record({ type: fc.constant('partnerProfessional' as const), staffUserId: fc.constantFrom('s3', 's4'), partnerOrganisationId: fc.constant('o1'), name: fc.constant(null) }),
  fc.record({ type: fc.constant('otherPartner' as const), staffUserId: fc.constant(null), partnerOrganisationId: fc.option(fc.constant('o2'), { nil: null }), name: fc.option(fc.constant('Schuldhulp'), { nil: null }) }),
);

const goal = fc.record({
  id: goalIds,
  title: text,
  description: fc.option(text, { nil: null }),
  lifeDomain: fc.option(fc.constantFrom('finances', 'housing'), { nil: null }),
  barrierId: fc.option(fc.constant('c0000000-0000-4000-8000-000000000001'), { nil: null }),
  status: fc.constantFrom('open', 'achieved', 'dropped'),
  position: fc.integer({ min: 1, max: 5 }),
});

const action = fc.record({
  id: actionIds,
  goalId: goalIds,
  description: text,
  owner,
  dueDate: nullableDate,
  status: fc.constantFrom('open', 'inProgress', 'done', 'cancelled'),
  position: fc.integer({ min: 1, max: 5 }),
});

const plan = fc.record({
  id: fc.constant('d0000000-0000-4000-8000-000000000001'),
  status: fc.constantFrom('active', 'closed'),
  agreedOn: nullableDate,
  agreedHow: fc.option(fc.constantFrom('inPerson', 'phone'), { nil: null }),
  goals: fc.uniqueArray(goal, { selector: (g) => g.id, maxLength: 5 }),
  actions: fc.uniqueArray(action, { selector: (a) => a.id, maxLength: 5 }),
}) satisfies fc.Arbitrary<PlanSnapshot>;

/** The same plan with goals and actions in another order. */
const shuffled = (p: PlanSnapshot, seed: number): PlanSnapshot => {
  const rot = <T>(xs: T[]) => (xs.length ? [...xs.slice(seed % xs.length), ...xs.slice(0, seed % xs.length)].reverse() : xs);
  return { ...p, goals: rot(p.goals), actions: rot(p.actions) };
};

describe('plan diff (property tests)', () => {
  it('a plan compared with itself has no changes', () => {
    fc.assert(
      fc.property(plan, (a) => {
        expect(diffPlans(a, a)).toEqual([]);
      }),
    );
  });

  it('applying the changes of diff(a, b) to a gives b', () => {
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        expect(normalisePlan(applyChanges(a, diffPlans(a, b)))).toEqual(normalisePlan(b));
      }),
    );
  });

  it('each listed change carries b’s value for its field, and a’s as before', () => {
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        for (const c of diffPlans(a, b).filter((x) => x.kind === 'changed')) {
          const from = c.entity === 'plan' ? a : (c.entity === 'goal' ? a.goals : a.actions).find((r) => r.id === c.id);
          const to = c.entity === 'plan' ? b : (c.entity === 'goal' ? b.goals : b.actions).find((r) => r.id === c.id);
          expect(c.before).toEqual((from as unknown as Record<string, unknown>)[c.field!]);
          expect(c.after).toEqual((to as unknown as Record<string, unknown>)[c.field!]);
          expect(c.before).not.toEqual(c.after);
        }
      }),
    );
  });

  it('is stable under reordering of goals and actions', () => {
    fc.assert(
      fc.property(plan, plan, fc.nat(10), fc.nat(10), (a, b, s1, s2) => {
        expect(diffPlans(shuffled(a, s1), shuffled(b, s2))).toEqual(diffPlans(a, b));
      }),
    );
  });

  it('lists every goal and action that is only in one of the two as added or removed', () => {
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        const changes = diffPlans(a, b);
        for (const g of b.goals.filter((x) => !a.goals.some((y) => y.id === x.id))) {
          expect(changes).toContainEqual({ entity: 'goal', id: g.id, field: null, kind: 'added', before: null, after: g });
        }
        for (const x of a.actions.filter((y) => !b.actions.some((z) => z.id === y.id))) {
          expect(changes).toContainEqual({ entity: 'action', id: x.id, field: null, kind: 'removed', before: x, after: null });
        }
      }),
    );
  });

  it('a new plan’s changes add the plan and all its goals and actions', () => {
    fc.assert(
      fc.property(plan, (b) => {
        const changes = creationChanges(b);
        expect(changes[0]).toMatchObject({ entity: 'plan', kind: 'added' });
        expect(changes.filter((c) => c.kind === 'added')).toHaveLength(1 + b.goals.length + b.actions.length);
      }),
    );
  });

  it('every change reads as one Dutch line, and a summary never lists more than three', () => {
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        const ctx = { goalTitle: () => 'Werk vinden', actionDescription: () => 'Cv maken', ownerName: () => 'Test wm.ov' };
        const labelled = diffPlans(a, b).map((c) => ({ ...c, label: changeLabel(c, ctx) }));
        for (const c of labelled) expect(c.label.length).toBeGreaterThan(3);
        if (labelled.length > 0) expect(summarise(labelled).split('; ').length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('Dutch dates', () => {
  it('writes dates out in words', () => {
    expect(dutchDate('2026-12-01')).toBe('1 december 2026');
    expect(dutchDate('2027-03-31')).toBe('31 maart 2027');
  });
});
