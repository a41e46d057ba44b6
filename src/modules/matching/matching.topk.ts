import { compareScored } from './matcher.score.ts';

/**
 * Exact top-k without scoring every candidate (docs/adr/0009-matching.md, "Exact top-k").
 *
 * Candidates come in groups (one per occupation level: exact occupation / same 4-digit ISCO group, same 3, 2, 1
 * digits, other), each loaded lazily from SQL with the hard constraints applied and an upper bound of every
 * candidate's score (occupation level, contract type, and the maximum of the criteria SQL cannot judge), sorted by
 * bound descending, then id ascending. Groups are visited by their maximum bound, descending. Candidates are scored
 * exactly in batches. Scoring of a group stops when the k-th best exact score so far beats everything left in it (a
 * candidate can score at most its bound; with an equal score it ranks behind any smaller id), and a group is only
 * loaded when its maximum bound reaches the k-th best score. The result equals scoring every candidate and sorting
 * by (score desc, id asc).
 */

export interface BoundedCandidate {
  id: string;
  /** No exact score can exceed this. */
  bound: number;
}

export interface CandidateGroup {
  /** No candidate of the group has a higher bound. */
  maxBound: number;
  /** The group's candidates, sorted by bound desc, id asc. */
  load(): Promise<readonly BoundedCandidate[]>;
}

export interface Scored {
  id: string;
  score: number;
}

export interface TopKStats {
  /** Candidates loaded (passing the hard constraints in SQL) in the groups that were loaded. */
  candidates: number;
  /** Candidates scored exactly. */
  scored: number;
  /** Groups loaded. */
  groups: number;
}

export async function exactTopKGroups<T extends Scored>(
  groups: readonly CandidateGroup[],
  k: number,
  scoreBatch: (batch: readonly BoundedCandidate[]) => Promise<T[]>,
  firstBatch = Math.max(50, 3 * k),
): Promise<{ top: T[]; stats: TopKStats }> {
  const sorted = [...groups].sort((a, b) => b.maxBound - a.maxBound);
  const stats: TopKStats = { candidates: 0, scored: 0, groups: 0 };
  let top: T[] = [];
  if (k <= 0) return { top, stats };
  for (let g = 0; g < sorted.length; g += 1) {
    const kth = () => (top.length >= k ? top[k - 1]! : null);
    if (kth() !== null && kth()!.score > sorted[g]!.maxBound) break;
    const laterMax = g + 1 < sorted.length ? sorted[g + 1]!.maxBound : -Infinity;
    const ordered = await sorted[g]!.load();
    stats.groups += 1;
    stats.candidates += ordered.length;
    let i = 0;
    let size = firstBatch;
    while (i < ordered.length) {
      const next = ordered[i]!;
      const last = kth();
      // Nothing left in this group can enter the top k: go to the next group (which decides for itself).
      if (last && (last.score > next.bound || (last.score === next.bound && last.id < next.id))) break;
      const batch = ordered.slice(i, i + size);
      i += batch.length;
      size = Math.min(size * 2, 5000);
      stats.scored += batch.length;
      top = [...top, ...(await scoreBatch(batch))].sort(compareScored).slice(0, k);
    }
    const last = kth();
    if (last && last.score > laterMax) break;
  }
  return { top, stats };
}

/** One group: candidates already sorted by bound desc, id asc. */
export async function exactTopK<T extends Scored>(
  ordered: readonly BoundedCandidate[],
  k: number,
  scoreBatch: (batch: readonly BoundedCandidate[]) => Promise<T[]>,
  firstBatch?: number,
) {
  const maxBound = ordered.length > 0 ? ordered[0]!.bound : 0;
  return exactTopKGroups([{ maxBound, load: async () => ordered }], k, scoreBatch, firstBatch);
}

/** Sorts candidates the way a group must hold them (the store already returns them so; this is for tests). */
export function orderCandidates<C extends BoundedCandidate>(cs: readonly C[]): C[] {
  return [...cs].sort((a, b) => (a.bound !== b.bound ? b.bound - a.bound : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
