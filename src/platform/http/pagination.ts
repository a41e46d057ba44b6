import { problems } from './problem.ts';

/** Opaque cursor for keyset pagination: the sort value and id of the last row of the previous page. */
export interface Cursor {
  sort: string;
  value: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined, expectedSort: string): Cursor | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed[0] === expectedSort &&
      (typeof parsed[1] === 'string' || parsed[1] === null) &&
      typeof parsed[2] === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed[2])
    ) {
      return { sort: parsed[0], value: parsed[1], id: parsed[2] };
    }
  } catch {
    // fall through
  }
  throw problems.invalid(
    [{ name: 'cursor', code: 'invalid', reason: 'Deze cursor hoort niet bij deze lijst of sortering. Begin bij de eerste pagina.' }],
    'De paginacursor is ongeldig.',
  );
}
