/** Dutch postcode: four digits (not starting with 0) and two letters; SA, SD and SS are not issued. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(compact)) return null;
  if (['SA', 'SD', 'SS'].includes(compact.slice(4))) return null;
  return compact;
}

export function formatPostcode(postcode: string): string {
  return `${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}

export interface PostcodeRange {
  areaId: string;
  /** Inclusive four-digit bounds. */
  from: number;
  to: number;
}

/**
 * The area whose postcode range contains the postcode's four digits, or null when none does.
 * Ranges of one municipality do not overlap (the database enforces this); if they did, the narrowest range wins.
 */
export function areaForPostcode(postcode: string, ranges: readonly PostcodeRange[]): string | null {
  const normalised = normalisePostcode(postcode);
  if (!normalised) return null;
  const pc4 = Number(normalised.slice(0, 4));
  let best: PostcodeRange | null = null;
  for (const r of ranges) {
    if (pc4 >= r.from && pc4 <= r.to && (!best || r.to - r.from < best.to - best.from)) best = r;
  }
  return best?.areaId ?? null;
}
