import { z } from 'zod';
import { encodeCursor, type Cursor } from './pagination.ts';

/**
 * The one list envelope of the API (ADR 0011): `items` (this page), `total` (all that match the filter, not only this
 * page) and `next` (the cursor for the next page, null on the last). Lists that are not paged have `next: null`.
 */
export function listSchema<T extends z.ZodType>(item: T, id: string, extra: z.ZodRawShape = {}) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().min(0).describe('Aantal treffers in totaal (niet alleen op deze pagina)'),
      next: z.string().nullable().describe('Cursor voor de volgende pagina (parameter cursor), of null op de laatste'),
      ...extra,
    })
    .meta({ id });
}

export interface ListPage<T> {
  items: T[];
  total: number;
  next: string | null;
}

/** A list that is never paged: everything, its length as the total. */
export const wholeList = <T>(items: T[]): ListPage<T> => ({ items, total: items.length, next: null });

/**
 * One page from `limit + 1` rows fetched by keyset: the extra row only says whether there is a next page, whose
 * cursor is the sort value and id of the last row shown.
 */
export function pageOf<R extends { id: string }, T>(
  rows: readonly R[],
  limit: number,
  total: number,
  cursorOf: (last: R) => Omit<Cursor, 'id'>,
  present: (row: R) => T,
): ListPage<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const next = rows.length > limit && last ? encodeCursor({ ...cursorOf(last), id: last.id }) : null;
  return { items: shown.map(present), total, next };
}
