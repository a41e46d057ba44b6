// Small cells in a pseudonymised data set (issue 14, researchers' export): a categorical variable's levels that
// occur fewer than k times are merged into one level ("overig"), so that a rare value cannot single a person out. If
// the merged level itself stays under k, its values are suppressed (null: missing in the data set). The result: every
// level that remains occurs at least k times.

export const OTHER_LEVEL = 'overig';

/** The level each value becomes: itself, "overig", or null (suppressed). */
export function mergeSmallCells(values: readonly string[], k: number, other = OTHER_LEVEL): Map<string, string | null> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const small = [...counts.entries()].filter(([, n]) => n < k);
  // A real level named "overig" belongs to the merged level too.
  const merged = new Set(small.map(([level]) => level));
  if (merged.size > 0 && counts.has(other)) merged.add(other);
  const mergedCount = [...merged].reduce((t, level) => t + counts.get(level)!, 0);
  const to = mergedCount >= k ? other : null;
  const out = new Map<string, string | null>();
  for (const level of counts.keys()) out.set(level, merged.has(level) ? to : level);
  return out;
}
