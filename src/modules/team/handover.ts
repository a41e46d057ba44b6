import type { RequestContext } from '../../platform/context.ts';
import { ProblemError, type InvalidParam } from '../../platform/http/problem.ts';
import { changeContactPerson } from '../residents/residents.service.ts';

// Changing a resident's contact person goes through the residents module's service (changeContactPerson): its rules
// (a werkmatcher of the municipality, an active case, a handover note when there was a contact person, not the same
// person again), its history (the open assignment ends, a new one starts with the note) and its processing-log entry
// (PA-003). Called inside the caller's ctx.transaction, it joins that transaction: a bulk change is all or nothing.

export const MIN_HANDOVER_NOTE = 10;

export function checkHandoverNote(note: string | undefined, field: string, errors: InvalidParam[]): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length < MIN_HANDOVER_NOTE) {
    errors.push({
      name: field,
      code: 'required',
      reason: 'Schrijf een overdrachtsnotitie van minstens 10 tekens: wat moet de nieuwe werkmatcher weten?',
    });
    return null;
  }
  return trimmed;
}

export type HandoverOutcome = { ok: true } | { ok: false; error: Omit<InvalidParam, 'name'> };

/** Hands one resident (already checked to be in scope) over to `toStaffUserId` with the note. */
export async function handOver(ctx: RequestContext, residentId: string, toStaffUserId: string, note: string): Promise<HandoverOutcome> {
  try {
    await changeContactPerson(ctx, residentId, { staffUserId: toStaffUserId, handoverNote: note });
    return { ok: true };
  } catch (err) {
    // A refusal (400) is reported per resident by the caller; nothing was written for this resident.
    const first = err instanceof ProblemError && err.status === 400 ? err.invalidParams?.[0] : undefined;
    if (!first) throw err;
    return { ok: false, error: { code: first.code, reason: first.reason } };
  }
}
