/**
 * Date and time rules every form and the API share: the server's services call them to refuse input (400 with a
 * reason per field), the web forms call the same functions to show every message next to its field at once.
 * Pure, no I/O, no Node-only APIs (the web bundles this file). Messages are Dutch (B1) and say how to fix the input.
 */

export interface DateProblem {
  code: string;
  reason: string;
}

/** Bijstand (Participatiewet art. 20/21) starts at 18 at the earliest. */
export const MIN_BENEFIT_AGE = 18;
/** A resident in Samenplan is between 15 (a youth track may start before the benefit) and 110 years old. */
export const MIN_RESIDENT_AGE = 15;
export const MAX_RESIDENT_AGE = 110;
/** The years the API accepts at all (PostgreSQL and date arithmetic stay safe within them). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Office hours for planned meetings: Monday to Friday, 08:00–18:00 in the Netherlands. */
export const OFFICE_HOURS = { from: '08:00', to: '18:00', days: [1, 2, 3, 4, 5] as readonly number[] };
/** Leeway for clocks that run a little ahead (a laptop in the meeting room). */
export const CLOCK_LEEWAY_MS = 5 * 60_000;

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "14 maart 1990" for an ISO date (no time zone involved). */
export function dutchDateLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/**
 * What a person typed as a date: "31-02-1990", "31/2/1990", "31.02.1990" (day first, as in Dutch) or "1990-02-31"
 * (ISO). Returns the parts, or null when it is not shaped like a date at all. Does not check the calendar.
 */
export function dateParts(raw: string): { year: number; month: number; day: number } | null {
  const v = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return null;
}

/** The problem with a typed date (empty, not a date, a day that does not exist, a year out of range), or null. */
export function calendarDateProblem(raw: string): DateProblem | null {
  if (raw.trim() === '') return { code: 'required', reason: 'Vul een datum in, bijvoorbeeld 14-03-1990.' };
  const p = dateParts(raw);
  if (!p) return { code: 'format', reason: 'Vul de datum in als dag-maand-jaar, bijvoorbeeld 14-03-1990.' };
  if (p.month < 1 || p.month > 12) return { code: 'notExist', reason: `Deze datum bestaat niet: er is geen maand ${p.month}. Kies een maand van 1 tot en met 12.` };
  if (p.day < 1 || p.day > daysInMonth(p.year, p.month)) {
    const max = daysInMonth(p.year, p.month);
    return {
      code: 'notExist',
      reason: `${p.day} ${MONTHS[p.month - 1]} ${p.year} bestaat niet: ${MONTHS[p.month - 1]} ${p.year} heeft ${max} dagen.`,
    };
  }
  if (p.year < MIN_YEAR || p.year > MAX_YEAR) return { code: 'range', reason: `Kies een datum tussen het jaar ${MIN_YEAR} en ${MAX_YEAR}.` };
  return null;
}

/** The API's form of a date: exactly JJJJ-MM-DD, and a day that exists (the web converts what people type). */
export function isoDateProblem(raw: string): DateProblem | null {
  if (raw.trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(raw.trim())) return { code: 'format', reason: 'Gebruik een datum als JJJJ-MM-DD, bijvoorbeeld 1990-03-14.' };
  return calendarDateProblem(raw);
}

/** The ISO date (YYYY-MM-DD) of a typed date that exists, or null. */
export function toIsoDate(raw: string): string | null {
  if (calendarDateProblem(raw) !== null) return null;
  const p = dateParts(raw)!;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** An ISO date shown as a Dutch typed date: 1990-03-14 → 14-03-1990 (what the form fields show). */
export function toTypedDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** The same date `years` later (29 February becomes 28 February in a year without it). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y! + years;
  return `${pad(year, 4)}-${pad(m!)}-${pad(Math.min(d!, daysInMonth(year, m!)))}`;
}

/** Whole years between two ISO dates (the age on `on`). */
function age(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty! - by! - (tm! < bm! || (tm === bm && td! < bd!) ? 1 : 0);
}

/** Date of birth: a real date, not in the future, an age between 15 and 110 today. */
export function dateOfBirthProblem(raw: string, today: string): DateProblem | null {
  if (raw.trim() === '') return { code: 'required', reason: 'Vul de geboortedatum in, bijvoorbeeld 14-03-1990.' };
  const base = calendarDateProblem(raw);
  if (base) return base;
  const iso = toIsoDate(raw)!;
  if (iso > today) return { code: 'future', reason: 'De geboortedatum ligt in de toekomst. Controleer het jaar.' };
  const a = age(iso, today);
  if (a < MIN_RESIDENT_AGE || a > MAX_RESIDENT_AGE) {
    return { code: 'range', reason: `Controleer de geboortedatum: de leeftijd moet tussen ${MIN_RESIDENT_AGE} en ${MAX_RESIDENT_AGE} jaar liggen (nu ${a}).` };
  }
  return null;
}

/**
 * Start of the benefit: a real date, not in the future, and not before the resident's 18th birthday (bijstand
 * starts at 18 at the earliest; before birth is impossible). `dateOfBirth` may be unknown or itself wrong: then
 * only the date itself is checked (the date of birth gets its own message).
 */
export function benefitStartProblem(raw: string, dateOfBirth: string | null | undefined, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base.code === 'required' ? { code: 'required', reason: 'Vul de startdatum van de uitkering in, bijvoorbeeld 01-09-2024.' } : base;
  const iso = toIsoDate(raw)!;
  if (iso > today) return { code: 'future', reason: 'De uitkering kan niet in de toekomst begonnen zijn. Vul de datum in waarop de uitkering begon.' };
  const birth = dateOfBirth ? toIsoDate(dateOfBirth) : null;
  if (birth) {
    if (iso < birth) return { code: 'beforeBirth', reason: `De uitkering kan niet beginnen vóór de geboortedatum (${dutchDateLong(birth)}).` };
    const adult = addYears(birth, MIN_BENEFIT_AGE);
    if (iso < adult) {
      return { code: 'beforeAdult', reason: `Bijstand begint op zijn vroegst op de ${MIN_BENEFIT_AGE}e verjaardag (${dutchDateLong(adult)}). Controleer de startdatum.` };
    }
  }
  return null;
}

/** An end date on or after the start (both ISO or typed; nothing to say when either is missing or wrong). */
export function endBeforeStartProblem(start: string | null | undefined, end: string | null | undefined): DateProblem | null {
  const s = start ? toIsoDate(start) : null;
  const e = end ? toIsoDate(end) : null;
  if (s && e && e < s) return { code: 'range', reason: 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.' };
  return null;
}

// Clock time in the Netherlands: made once (creating an Intl.DateTimeFormat is expensive).
const nlClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAY_INDEX: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The weekday (1 = Monday … 7 = Sunday), date and "HH:MM" of a moment in the Netherlands. */
export function nlClockOf(at: Date): { weekday: number; date: string; time: string } {
  const parts = Object.fromEntries(nlClock.formatToParts(at).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAY_INDEX[parts.weekday!]!, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export interface FieldProblem extends DateProblem {
  name: 'startsAt' | 'endsAt';
}

/**
 * A planned meeting: starts now or later (not in the past), on a working day within office hours, and ends after
 * it starts on the same day within office hours. Every problem at once, each on its field.
 */
export function plannedMeetingProblems(startsAt: Date, endsAt: Date, now: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (Number.isNaN(startsAt.getTime())) return [{ name: 'startsAt', code: 'format', reason: 'Vul een datum en begintijd in.' }];
  const start = nlClockOf(startsAt);
  if (startsAt.getTime() < now.getTime() - CLOCK_LEEWAY_MS) {
    out.push({ name: 'startsAt', code: 'past', reason: 'Dit moment is al voorbij. Plan het gesprek op een moment vanaf nu.' });
  }
  if (!OFFICE_HOURS.days.includes(start.weekday)) {
    out.push({
      name: 'startsAt',
      code: 'weekend',
      reason: `${dutchDateLong(start.date)} is een ${WEEKDAYS[start.weekday - 1]}. Plan gesprekken op een werkdag (maandag tot en met vrijdag).`,
    });
  } else if (start.time < OFFICE_HOURS.from || start.time >= OFFICE_HOURS.to) {
    out.push({ name: 'startsAt', code: 'officeHours', reason: `Plan het gesprek binnen kantoortijden: tussen ${OFFICE_HOURS.from} en ${OFFICE_HOURS.to} uur.` });
  }
  if (Number.isNaN(endsAt.getTime())) {
    out.push({ name: 'endsAt', code: 'format', reason: 'Vul een eindtijd in.' });
    return out;
  }
  const end = nlClockOf(endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) {
    out.push({ name: 'endsAt', code: 'beforeStart', reason: 'Het gesprek moet eindigen na het begin. Kies een latere eindtijd.' });
  } else if (end.date !== start.date || end.time > OFFICE_HOURS.to) {
    out.push({ name: 'endsAt', code: 'officeHours', reason: `Laat het gesprek uiterlijk om ${OFFICE_HOURS.to} uur eindigen, op dezelfde dag.` });
  }
  return out;
}

/** How far ahead a due date, a vacancy's closing date or a placement's start may lie: planning, not guessing. */
export const HORIZON_YEARS = { dueDate: 5, closingDate: 2, placementStart: 1 } as const;

/** A plan action's due date: today or later, within five years. */
export function dueDateProblem(raw: string, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base;
  const iso = toIsoDate(raw)!;
  if (iso < today) return { code: 'past', reason: 'Deze datum is al voorbij. Kies vandaag of een dag in de toekomst.' };
  if (iso > addYears(today, HORIZON_YEARS.dueDate)) return { code: 'tooFar', reason: `Kies een datum binnen ${HORIZON_YEARS.dueDate} jaar. Verder vooruit is een doel, geen actie.` };
  return null;
}

/** A vacancy's closing date (when set or changed): today or later, within two years. */
export function closingDateProblem(raw: string, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base;
  const iso = toIsoDate(raw)!;
  if (iso < today) return { code: 'past', reason: 'De sluitingsdatum is al voorbij. Kies vandaag of een dag in de toekomst.' };
  if (iso > addYears(today, HORIZON_YEARS.closingDate)) return { code: 'tooFar', reason: `Kies een sluitingsdatum binnen ${HORIZON_YEARS.closingDate} jaar.` };
  return null;
}

/** A placement's start: at most a year ahead (one that started earlier may be recorded afterwards). */
export function placementStartProblem(raw: string, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base;
  const iso = toIsoDate(raw)!;
  if (iso > addYears(today, HORIZON_YEARS.placementStart)) return { code: 'tooFar', reason: 'Een plaatsing begint hoogstens een jaar vooruit. Controleer het jaar.' };
  return null;
}

/** The day a follow-up was done: not before the placement started, not in the future. */
export function followUpDoneProblem(raw: string, placementStart: string, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base;
  const iso = toIsoDate(raw)!;
  if (iso < placementStart) return { code: 'beforeStart', reason: 'De nazorg kan niet vóór de startdatum van de plaatsing liggen.' };
  if (iso > today) return { code: 'future', reason: 'De nazorg kan niet in de toekomst liggen.' };
  return null;
}


/** The day the resident agreed to the plan: a day that exists, not in the future. */
export function agreedOnProblem(raw: string, today: string): DateProblem | null {
  const base = calendarDateProblem(raw);
  if (base) return base;
  if (toIsoDate(raw)! > today) return { code: 'future', reason: 'Het akkoord kan niet in de toekomst liggen. Vul de dag in waarop de inwoner akkoord gaf.' };
  return null;
}

/** A contact moment that took place: not in the future (a few minutes' leeway for clocks). */
export function contactMomentProblem(at: Date, now: Date): DateProblem | null {
  if (Number.isNaN(at.getTime())) return { code: 'format', reason: 'Vul een datum en tijd in.' };
  if (at.getTime() > now.getTime() + CLOCK_LEEWAY_MS) return { code: 'future', reason: 'Een contactmoment kan niet in de toekomst liggen.' };
  return null;
}
