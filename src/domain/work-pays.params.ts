// "Werkt het loont?" (Mijn Samenplan, issue 11): the benefit norms and the earnings-disregard rules as DATA with
// effective dates, never constants in the calculation (src/domain/work-pays.ts). Amounts in integer cents per month.
// A new normenbrief adds a row here; nothing else changes. The values are those the issue lists (issue 11, point 7);
// check each against wetten.overheid.nl and the normenbrief of that date before relying on them in production.

export type Household = 'single' | 'singleParent' | 'couple';

export interface NormSet {
  /** First day (Europe/Amsterdam calendar date) these amounts apply. */
  from: string;
  /** Per month, including the holiday allowance (vakantietoeslag), 21 to state-pension age. */
  norms: Record<Household, number>;
  source: string;
}

export interface DisregardSet {
  from: string;
  /** Art. 31 lid 2 onder n: 25% of earnings, capped, for at most 6 months. */
  n: { share: number; capCents: number; maxMonths: number };
  /** Art. 31 lid 2 onder r: single parent with a child under 12, after onder n: 12.5%, capped, at most 30 months. */
  r: { share: number; capCents: number; maxMonths: number; childUnder: number };
  /** Art. 31 lid 5: neither disregard under this age. */
  minAge: number;
  source: string;
}

/** A study arm that replaces the disregard (the studies module selects it by its variant key). */
export interface DisregardVariant {
  key: string;
  share: number;
  capCents: number;
  /** Months the arm lasts (null: for the whole study). */
  maxMonths: number | null;
  minAge: number;
  source: string;
}

export const NORMS: readonly NormSet[] = [
  {
    from: '2025-07-01',
    norms: { single: 136906, singleParent: 136906, couple: 195580 },
    source: 'Art. 21 Participatiewet; normbedragen per 1 juli 2025 (normenbrief juli 2025, Staatscourant)',
  },
  {
    from: '2026-01-01',
    norms: { single: 140150, singleParent: 140150, couple: 200213 },
    source: 'Art. 21 Participatiewet; normbedragen per 1 januari 2026 (normenbrief januari 2026, Staatscourant)',
  },
];

export const DISREGARDS: readonly DisregardSet[] = [
  {
    from: '2025-07-01',
    n: { share: 0.25, capCents: 27800, maxMonths: 6 },
    r: { share: 0.125, capCents: 17387, maxMonths: 30, childUnder: 12 },
    minAge: 27,
    source: 'Art. 31 lid 2 onder n en r en lid 5 Participatiewet; maximumbedragen per 1 juli 2025 (normenbrief juli 2025)',
  },
  {
    from: '2026-01-01',
    n: { share: 0.25, capCents: 28500, maxMonths: 6 },
    r: { share: 0.125, capCents: 17766, maxMonths: 30, childUnder: 12 },
    minAge: 27,
    source: 'Art. 31 lid 2 onder n en r en lid 5 Participatiewet; maximumbedragen per 1 januari 2026 (normenbrief januari 2026)',
  },
];

/** Study arms (issue 11, point 7): the studies module hooks in by the key; the standard rules apply without one. */
export const DISREGARD_VARIANTS: readonly DisregardVariant[] = [
  {
    key: 'werkenLoont',
    share: 0.5,
    capCents: 20200,
    maxMonths: null,
    minAge: 27,
    source: 'Onderzoeksarm "Werken loont": 50% van het inkomen vrijgelaten, hoogstens € 202 per maand (experiment op grond van art. 83 Participatiewet)',
  },
];

/** The row in effect on the date: the latest `from` on or before it; null before the first. */
export function inEffect<T extends { from: string }>(rows: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const r of rows) if (r.from <= date && (!found || r.from > found.from)) found = r;
  return found;
}
