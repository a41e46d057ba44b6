import { daysSince, todayInNl } from './dates.ts';

/**
 * The contact guarantee (contactnorm): a resident should be contacted at least every `norm` days. The norm counts
 * from the later of the last contact and the opening of the file: a file opened six days ago is not "never
 * contacted (norm 90)", it is new and its first conversation is due. Pure; the SQL in team.store.ts and
 * residents.store.ts says the same.
 */
export interface ContactNormFacts {
  /** Whole days since the last contact; null: never contacted. */
  daysSinceContact: number | null;
  /** Calendar days since the file was opened (Dutch dates); null when unknown. */
  daysSinceOpened: number | null;
  norm: number;
  /** Days past the norm, counted from the later of contact and opening (negative: within it); null when neither is known. */
  daysOver: number | null;
  over: boolean;
  /** Never contacted and still within the norm since the file opened: plan the first conversation. */
  firstContactDue: boolean;
}

function calendarDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function contactNorm(r: { lastContactAt: Date | null; openedOn: string | null }, norm: number, now: Date): ContactNormFacts {
  const daysSinceContact = r.lastContactAt ? daysSince(r.lastContactAt, now) : null;
  const daysSinceOpened = r.openedOn ? Math.max(0, calendarDays(r.openedOn, todayInNl(now))) : null;
  const counted = [daysSinceContact, daysSinceOpened].filter((d): d is number => d !== null);
  const since = counted.length > 0 ? Math.min(...counted) : null;
  const over = since === null || since > norm;
  return {
    daysSinceContact,
    daysSinceOpened,
    norm,
    daysOver: since === null ? null : since - norm,
    over,
    firstContactDue: daysSinceContact === null && !over,
  };
}
