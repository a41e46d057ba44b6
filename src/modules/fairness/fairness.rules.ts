/**
 * The fairness monitor's arithmetic, pure: per group counts in → suppressed cells, rates and four-fifths warnings.
 *
 * - Small cells: any count under MINIMUM_CELL_SIZE (0 included) is replaced by null and its group is marked
 *   suppressed; a suppressed group shows no rates and takes no part in the comparison. No number under 10 leaves here.
 * - Four-fifths rule (the "80%-regel" for adverse impact): per stage, a group is flagged when its rate is below
 *   0.8 × the rate of the group with the highest rate (among unsuppressed groups). The comparison is exact
 *   (integer cross-multiplication), the reported ratio is rounded down to three decimals so it is < 0.8 exactly when
 *   a warning is given.
 */

export const MINIMUM_CELL_SIZE = 10;
export const FOUR_FIFTHS = 0.8;
export const STAGES = ['exposure', 'proposal', 'interview', 'placement'] as const;
export type Stage = (typeof STAGES)[number];

/** The count field of each stage. */
export const STAGE_COUNT = { exposure: 'exposure', proposal: 'proposals', interview: 'interviews', placement: 'placements' } as const;

export interface GroupCounts {
  group: string;
  label: string;
  population: number;
  exposure: number;
  proposals: number;
  interviews: number;
  placements: number;
}

type Cell = number | null;

export interface GroupFigures {
  group: string;
  label: string;
  population: Cell;
  exposure: Cell;
  proposals: Cell;
  interviews: Cell;
  placements: Cell;
  rates: Record<Stage, number> | null;
  suppressed: boolean;
}

export interface FairnessWarning {
  stage: Stage;
  group: string;
  label: string;
  ratio: number;
  referenceGroup: string;
}

export interface MonitorFigures {
  groups: GroupFigures[];
  warnings: FairnessWarning[];
}

const CELLS = ['population', 'exposure', 'proposals', 'interviews', 'placements'] as const;

const cell = (n: number): Cell => (n >= MINIMUM_CELL_SIZE ? n : null);
const floor3 = (x: number) => Math.floor(x * 1000 + 1e-9) / 1000;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** True when count_a / pop_a < 0.8 × count_b / pop_b, computed exactly on integers. */
export function belowFourFifths(countA: number, popA: number, countB: number, popB: number): boolean {
  return 5 * countA * popB < 4 * countB * popA;
}

export function monitorFigures(counts: readonly GroupCounts[]): MonitorFigures {
  const groups: GroupFigures[] = counts.map((c) => {
    const suppressed = CELLS.some((k) => c[k] < MINIMUM_CELL_SIZE);
    return {
      group: c.group,
      label: c.label,
      population: cell(c.population),
      exposure: cell(c.exposure),
      proposals: cell(c.proposals),
      interviews: cell(c.interviews),
      placements: cell(c.placements),
      rates: suppressed
        ? null
        : {
            exposure: round4(c.exposure / c.population),
            proposal: round4(c.proposals / c.population),
            interview: round4(c.interviews / c.population),
            placement: round4(c.placements / c.population),
          },
      suppressed,
    };
  });

  const comparable = counts.filter((_, i) => !groups[i]!.suppressed);
  const warnings: FairnessWarning[] = [];
  for (const stage of STAGES) {
    const key = STAGE_COUNT[stage];
    let reference: GroupCounts | null = null;
    for (const c of comparable) {
      // Highest rate: c beats the reference when c.key / c.pop > ref.key / ref.pop (exact); ties keep the first.
      if (!reference || c[key] * reference.population > reference[key] * c.population) reference = c;
    }
    if (!reference) continue;
    for (const c of comparable) {
      if (c === reference || !belowFourFifths(c[key], c.population, reference[key], reference.population)) continue;
      const ratio = (c[key] * reference.population) / (reference[key] * c.population);
      warnings.push({ stage, group: c.group, label: c.label, ratio: Math.min(floor3(ratio), 0.799), referenceGroup: reference.group });
    }
  }
  return { groups, warnings };
}
