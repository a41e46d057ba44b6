import { normalisePostcode } from '../../domain/postcode.ts';
import { SLOTS_PER_DAY, slotOf, windowProblem, type TimeWindow } from '../../domain/schedule.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';

// Pure checks of a vacancy's fields that zod does not express, as invalidParams with the field path.

/** The field of a window that windowProblem objects to: day, from or to (same order of checks). */
export function windowField(w: TimeWindow): 'day' | 'from' | 'to' {
  if (!Number.isInteger(w.day) || w.day < 1 || w.day > 7) return 'day';
  const from = slotOf(w.from);
  if (from === null || from >= SLOTS_PER_DAY) return 'from';
  return 'to';
}

/** Problems of the windows, each named like `schedule[0].to`. */
export function windowProblems(field: string, windows: readonly TimeWindow[]): InvalidParam[] {
  const out: InvalidParam[] = [];
  windows.forEach((w, i) => {
    const reason = windowProblem(w);
    if (reason) out.push({ name: `${field}[${i}].${windowField(w)}`, code: 'timeWindow', reason });
  });
  return out;
}

export function postcodeProblem(postcode: string, field = 'postcode'): InvalidParam | null {
  return normalisePostcode(postcode) ? null : { name: field, code: 'postcode', reason: 'Vul een geldige postcode in, bijvoorbeeld 3511 AB.' };
}
