/**
 * Statistical disclosure control for the programme dashboard (issue 12, ADR 0019). Pure, no I/O.
 *
 * Primary suppression: every count under MINIMUM_CELL_SIZE (0 included, as the fairness monitor does) is hidden.
 * Secondary suppression: so that no hidden cell can be worked out from what is shown — a total minus its siblings,
 * or any combination of row and column totals — more cells are hidden until every hidden cell can change while
 * every shown number and every sum stays the same (with counts ≥ 0). The proof per cell is a "witness": another
 * table, consistent with everything shown, in which that cell differs.
 *
 * Tables with margins (rows × columns, row totals, column totals, grand total) are treated as one
 * (R+1) × (C+1) grid in which, after negating the margins, every row and column sums to 0. Adding +δ/−δ around a
 * rectangle of hidden cells then keeps every sum; the rectangle protects its corners when the cells that go down
 * are ≥ 1. The rectangle of a cell with its row total, column total and grand total always works (all four go up:
 * one person more in that cell), so the algorithm always ends.
 */

export const MINIMUM_CELL_SIZE = 10;

/** A table: interior[r][c]; margins are computed here (the sums the dashboard shows). */
export interface Grid {
  /** (R+1) × (C+1) values: row R is the column totals, column C the row totals, [R][C] the grand total. */
  values: number[][];
  /** Same shape: true = hidden. */
  hidden: boolean[][];
}

export function withMargins(interior: readonly (readonly number[])[]): number[][] {
  const R = interior.length;
  const C = R === 0 ? 0 : interior[0]!.length;
  const out = interior.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const colTotals = Array.from({ length: C + 1 }, (_, c) => out.reduce((a, row) => a + row[c]!, 0));
  out.push(colTotals);
  return out;
}

const sign = (r: number, c: number, R: number, C: number) => ((r < R) === (c < C) ? 1 : -1);

/** The change of x at the four corners of rectangle (r1,c1,r2,c2) in direction d, or null when x would go below 0. */
export function rectangleChange(values: readonly (readonly number[])[], r1: number, c1: number, r2: number, c2: number, d: 1 | -1) {
  const R = values.length - 1;
  const C = values[0]!.length - 1;
  const corners: Array<[number, number, number]> = [
    [r1, c1, 1],
    [r1, c2, -1],
    [r2, c1, -1],
    [r2, c2, 1],
  ];
  const change = corners.map(([r, c, p]) => ({ r, c, dx: d * p * sign(r, c, R, C) }));
  if (change.some((x) => x.dx < 0 && values[x.r]![x.c]! < 1)) return null;
  return change;
}

/** A rectangle of hidden cells through (r, c) that lets it change, or null. */
export function protectingRectangle(g: Grid, r: number, c: number): { r2: number; c2: number; d: 1 | -1 } | null {
  const rows = g.values.length;
  const cols = g.values[0]!.length;
  for (let r2 = 0; r2 < rows; r2++) {
    if (r2 === r || !g.hidden[r2]![c]) continue;
    for (let c2 = 0; c2 < cols; c2++) {
      if (c2 === c || !g.hidden[r]![c2] || !g.hidden[r2]![c2]) continue;
      for (const d of [1, -1] as const) if (rectangleChange(g.values, r, c, r2, c2, d)) return { r2, c2, d };
    }
  }
  return null;
}

/**
 * Primary and secondary suppression of a table with margins. `forced` cells are hidden from the start (a margin
 * hidden in a linked table: the same area total appears in every dimension's table).
 */
export function suppressGrid(interior: readonly (readonly number[])[], forced?: (r: number, c: number) => boolean): Grid {
  const values = withMargins(interior);
  const hidden = values.map((row, r) => row.map((v, c) => v < MINIMUM_CELL_SIZE || Boolean(forced?.(r, c))));
  const g: Grid = { values, hidden };
  const rows = values.length;
  const cols = values[0]!.length;
  for (let guard = 0; guard < rows * cols + 1; guard++) {
    let open: [number, number] | null = null;
    for (let r = 0; r < rows && !open; r++) for (let c = 0; c < cols && !open; c++) if (hidden[r]![c] && !protectingRectangle(g, r, c)) open = [r, c];
    if (!open) return g;
    const [r, c] = open;
    // The cheapest rectangle through it: the least shown value newly hidden (margins cost their size too).
    let best: { cells: Array<[number, number]>; cost: number } | null = null;
    for (let r2 = 0; r2 < rows; r2++) {
      if (r2 === r) continue;
      for (let c2 = 0; c2 < cols; c2++) {
        if (c2 === c) continue;
        if (!rectangleChange(values, r, c, r2, c2, 1) && !rectangleChange(values, r, c, r2, c2, -1)) continue;
        const cells: Array<[number, number]> = [
          [r, c2],
          [r2, c],
          [r2, c2],
        ];
        const added = cells.filter(([a, b]) => !hidden[a]![b]);
        // Prefer hiding inner cells over totals; among equals the smallest sum of values.
        const cost = added.reduce((s, [a, b]) => s + values[a]![b]! + (a === rows - 1 || b === cols - 1 ? 1e6 : 0), 0);
        if (!best || cost < best.cost) best = { cells, cost };
      }
    }
    for (const [a, b] of best!.cells) hidden[a]![b] = true;
  }
  return g;
}

/** One list with its total (a 1 × C table): the same rules. */
export function suppressList(values: readonly number[]): { values: Array<number | null>; total: number | null } {
  const g = suppressGrid([values]);
  // Row 0 holds the cells and the row total; row 1 the column totals (the same numbers): hidden if either is.
  const C = values.length;
  return {
    values: values.map((v, c) => (g.hidden[0]![c] || g.hidden[1]![c] ? null : v)),
    total: g.hidden[0]![C] || g.hidden[1]![C] ? null : values.reduce((a, b) => a + b, 0),
  };
}

/** The shown value of a cell (null = hidden). */
export const shown = (g: Grid, r: number, c: number): number | null => (g.hidden[r]![c] ? null : g.values[r]![c]!);

/**
 * A cumulative series (progress over months): a point is shown only when it rose at least MINIMUM_CELL_SIZE since
 * the last shown point, so the difference of two shown points is never a small count; the last point (the period's
 * total, shown in the tables) is always the one kept, an earlier point is dropped instead when the last step is small.
 * Returns the cumulative values with null for hidden points.
 */
export function suppressCumulative(monthly: readonly number[], total: number | null): Array<number | null> {
  const cumulative: number[] = [];
  monthly.reduce((a, v, i) => (cumulative[i] = a + v), 0);
  const out: Array<number | null> = cumulative.map(() => null);
  if (total === null || cumulative.length === 0) return out;
  let last = 0;
  const kept: number[] = [];
  cumulative.forEach((v, i) => {
    if (v - last >= MINIMUM_CELL_SIZE) {
      kept.push(i);
      last = v;
    }
  });
  const end = cumulative.length - 1;
  if (kept[kept.length - 1] !== end) {
    // Keep the end; drop kept points from the back until the final step is large enough.
    while (kept.length > 0 && cumulative[end]! - cumulative[kept[kept.length - 1]!]! < MINIMUM_CELL_SIZE) kept.pop();
    if (cumulative[end]! >= MINIMUM_CELL_SIZE) kept.push(end);
  }
  for (const i of kept) out[i] = cumulative[i]!;
  return out;
}
