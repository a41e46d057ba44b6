import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINIMUM_CELL_SIZE, STAGES, STAGE_COUNT, monitorFigures, type GroupCounts } from './fairness.rules.ts';

const groupArb = (i: number) =>
  fc
    .record({ population: fc.integer({ min: 0, max: 400 }), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), c: fc.double({ min: 0, max: 1, noNaN: true }), d: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ population, a, b, c, d }): GroupCounts => {
      // Funnel: every stage is a subset of the one before (as in reality), each count ≤ population.
      const exposure = Math.floor(population * a);
      const proposals = Math.floor(exposure * b);
      const interviews = Math.floor(proposals * c);
      const placements = Math.floor(interviews * d);
      return { group: `g${i}`, label: `Groep ${i}`, population, exposure, proposals, interviews, placements };
    });
const countsArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => groupArb(i))));
const cells = ['population', 'exposure', 'proposals', 'interviews', 'placements'] as const;

describe('fairness monitor rules', () => {
  it('no count under the minimum cell size (0 included) ever leaves: it is null and its group suppressed', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const { groups } = monitorFigures(counts);
        groups.forEach((g, i) => {
          for (const k of cells) {
            const v = g[k];
            if (v !== null) expect(v).toBeGreaterThanOrEqual(MINIMUM_CELL_SIZE);
            expect(v).toBe(counts[i]![k] >= MINIMUM_CELL_SIZE ? counts[i]![k] : null);
          }
          expect(g.suppressed).toBe(cells.some((k) => counts[i]![k] < MINIMUM_CELL_SIZE));
          expect(g.rates === null).toBe(g.suppressed);
        });
      }),
    );
  });

  it('warnings only name unsuppressed groups and references; ratio < 0.8 exactly when warned', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const { groups, warnings } = monitorFigures(counts);
        const open = new Set(groups.filter((g) => !g.suppressed).map((g) => g.group));
        for (const w of warnings) {
          expect(open.has(w.group)).toBe(true);
          expect(open.has(w.referenceGroup)).toBe(true);
          expect(w.ratio).toBeLessThan(0.8);
          expect(w.ratio).toBeGreaterThanOrEqual(0);
        }
        for (const stage of STAGES) {
          const key = STAGE_COUNT[stage];
          const comparable = counts.filter((c) => open.has(c.group));
          if (comparable.length === 0) continue;
          const best = Math.max(...comparable.map((c) => c[key] / c.population));
          for (const c of comparable) {
            const ratio = c[key] / c.population / best;
            const warned = warnings.some((w) => w.stage === stage && w.group === c.group);
            // Exact on rationals; with floating point allow the knife-edge case only.
            if (Math.abs(ratio - 0.8) > 1e-9) expect(warned).toBe(ratio < 0.8);
          }
        }
      }),
    );
  });

  it('a constructed disparity: 20% vs 50% placement gives a warning with ratio 0.4', () => {
    const { groups, warnings } = monitorFigures([
      { group: 'a', label: 'A', population: 100, exposure: 90, proposals: 60, interviews: 55, placements: 50 },
      { group: 'b', label: 'B', population: 100, exposure: 85, proposals: 50, interviews: 40, placements: 20 },
      { group: 'c', label: 'C', population: 100, exposure: 90, proposals: 60, interviews: 50, placements: 9 },
    ]);
    expect(groups.map((g) => g.suppressed)).toEqual([false, false, true]);
    expect(groups[2]).toMatchObject({ placements: null, rates: null, population: 100 });
    // exposure 0.85 / 0.9 = 0.944 and proposal 0.5 / 0.6 = 0.833: no warning; c is suppressed and left out.
    expect(warnings).toEqual([
      { stage: 'interview', group: 'b', label: 'B', ratio: 0.727, referenceGroup: 'a' },
      { stage: 'placement', group: 'b', label: 'B', ratio: 0.4, referenceGroup: 'a' },
    ]);
    expect(groups[1]!.rates).toEqual({ exposure: 0.85, proposal: 0.5, interview: 0.4, placement: 0.2 });
  });

  it('exactly 0.8 is not a warning; just under is', () => {
    const base = { group: 'a', label: 'A', population: 100, exposure: 50, proposals: 50, interviews: 50, placements: 50 };
    expect(monitorFigures([base, { ...base, group: 'b', placements: 40 }]).warnings).toEqual([]);
    const w = monitorFigures([base, { ...base, group: 'b', population: 101, placements: 40 }]).warnings;
    expect(w).toEqual([{ stage: 'placement', group: 'b', label: 'A', ratio: 0.792, referenceGroup: 'a' }]);
  });

  it('with every group suppressed there is nothing to compare', () => {
    const { warnings, groups } = monitorFigures([
      { group: 'a', label: 'A', population: 9, exposure: 9, proposals: 9, interviews: 9, placements: 9 },
      { group: 'b', label: 'B', population: 0, exposure: 0, proposals: 0, interviews: 0, placements: 0 },
    ]);
    expect(warnings).toEqual([]);
    expect(groups.every((g) => g.suppressed && cells.every((k) => g[k] === null))).toBe(true);
  });
});
