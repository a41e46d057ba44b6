import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, blockSequence, stratumKey, type RandomisationArm } from './randomisation.ts';

const ARMS: RandomisationArm[] = [
  { key: 'controle', ratio: 1 },
  { key: 'zelf_in_actie', ratio: 1 },
  { key: 'extra_hulp', ratio: 1 },
  { key: 'werken_loont', ratio: 1 },
];
const strata = fc.constantFrom('Noord × laag', 'Noord × hoog', 'Overvecht × laag', 'Zuid × midden');
const participantsArb = fc.array(strata, { minLength: 1, maxLength: 300 }).map((s) => s.map((stratum, i) => ({ id: `p${i}`, stratum })));
const armsArb = fc.constantFrom<RandomisationArm[]>(ARMS, [{ key: 'a', ratio: 2 }, { key: 'b', ratio: 1 }], ARMS.slice(0, 2));
const seedArb = fc.string({ minLength: 1, maxLength: 20 });

describe('stratified block randomisation', () => {
  it('is reproducible from the seed (pinned: the first block of a stratum never changes)', () => {
    expect(blockSequence(ARMS, 'weten-wat-werkt-2026', 'Overvecht × laag', 0)).toEqual(blockSequence(ARMS, 'weten-wat-werkt-2026', 'Overvecht × laag', 0));
    expect(blockSequence(ARMS, 'weten-wat-werkt-2026', 'Overvecht × laag', 0).sort()).toEqual(ARMS.map((a) => a.key).sort());
    // Re-derived outside Samenplan from the documented algorithm (Python's hashlib), so the seed alone reproduces it.
    expect(blockSequence(ARMS, 'seed', 'x', 0)).toEqual(['werken_loont', 'controle', 'zelf_in_actie', 'extra_hulp']);
  });

  it('allocating more participants never changes an earlier allocation', () => {
    fc.assert(
      fc.property(participantsArb, armsArb, seedArb, fc.nat(), (ps, arms, seed, cut) => {
        const k = cut % (ps.length + 1);
        const all = allocate(ps, arms, seed);
        const prefix = allocate(ps.slice(0, k), arms, seed);
        for (const [id, arm] of prefix) expect(all.get(id)).toBe(arm);
      }),
    );
  });

  it("one stratum's allocation does not depend on the other strata", () => {
    fc.assert(
      fc.property(participantsArb, armsArb, seedArb, (ps, arms, seed) => {
        const all = allocate(ps, arms, seed);
        const only = ps.filter((p) => p.stratum === ps[0]!.stratum);
        for (const [id, arm] of allocate(only, arms, seed)) expect(all.get(id)).toBe(arm);
      }),
    );
  });

  it('keeps every stratum balanced to within one block, exactly balanced after complete blocks', () => {
    fc.assert(
      fc.property(participantsArb, armsArb, seedArb, fc.integer({ min: 1, max: 3 }), (ps, arms, seed, multiple) => {
        const alloc = allocate(ps, arms, seed, multiple);
        const total = arms.reduce((s, a) => s + a.ratio, 0);
        const blockLength = total * multiple;
        for (const s of new Set(ps.map((p) => p.stratum))) {
          const members = ps.filter((p) => p.stratum === s);
          const complete = Math.floor(members.length / blockLength);
          for (const a of arms) {
            const count = members.filter((p) => alloc.get(p.id) === a.key).length;
            const inComplete = members.slice(0, complete * blockLength).filter((p) => alloc.get(p.id) === a.key).length;
            expect(inComplete).toBe(complete * a.ratio * multiple);
            expect(count - inComplete).toBeLessThanOrEqual(a.ratio * multiple);
          }
        }
      }),
    );
  });

  it('a different seed gives a different allocation', () => {
    const ps = Array.from({ length: 100 }, (_, i) => ({ id: `p${i}`, stratum: 's' }));
    const a = [...allocate(ps, ARMS, 'seed-1').values()];
    const b = [...allocate(ps, ARMS, 'seed-2').values()];
    expect(a).not.toEqual(b);
  });

  it('names strata from the stratification variables, unknown values included', () => {
    expect(stratumKey(['Overvecht', 'laag'])).toBe('Overvecht × laag');
    expect(stratumKey(['Zuid', null])).toBe('Zuid × onbekend');
  });
});
