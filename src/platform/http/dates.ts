import { z } from 'zod';
import { isoDateProblem } from '../../domain/date-rules.ts';

// Dates and instants the API accepts. The ISO formats alone let through years PostgreSQL refuses (0000) or that
// stop being four digits after a little date arithmetic (9999-12-31 plus a follow-up period): both ended in a 500.
// Case work, agreements and placements all happen within these years.

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const inRange = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const rangeMessage = `Kies een datum tussen het jaar ${MIN_YEAR} en ${MAX_YEAR}.`;

/** A calendar date JJJJ-MM-DD in the years the API accepts. */
export const isoDate = (message = 'Gebruik een datum als JJJJ-MM-DD') =>
  z.iso
    .date({
      // A day that does not exist (31 February) is said as such, with the shared rule the web forms use too.
      error: (issue) => {
        const problem = typeof issue.input === 'string' ? isoDateProblem(issue.input) : null;
        return problem?.code === 'notExist' ? problem.reason : message;
      },
    })
    .refine(inRange, { message: rangeMessage });

/** A moment with a time-zone offset (2026-12-01T10:00:00+01:00) in the years the API accepts. */
export const isoInstant = (message = 'Gebruik datum en tijd, bijvoorbeeld 2026-12-01T10:00:00+01:00') =>
  z.iso.datetime({ offset: true, message }).refine(inRange, { message: rangeMessage });

/**
 * A date field whose rules a service checks (with src/domain/date-rules.ts), so a form gets this field's message
 * together with all the others; still `format: date` in the OpenAPI document.
 */
export const dateInput = (description: string) => z.string().trim().max(10).meta({ format: 'date', description });
