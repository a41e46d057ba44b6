import { isValidBsn, normaliseBsn } from '../../domain/bsn.ts';
import { benefitStartProblem, dateOfBirthProblem, endBeforeStartProblem, isoDateProblem } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import { normalisePostcode } from '../../domain/postcode.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';

// Field rules with messages that say how to fix the input. Pure: the service adds the checks that need the database.

export function checkBsn(raw: string, errors: InvalidParam[]): string {
  const bsn = normaliseBsn(raw);
  if (!/^[0-9]{9}$/.test(bsn)) {
    errors.push({ name: 'bsn', code: 'format', reason: 'Een BSN heeft 9 cijfers. Controleer het nummer.' });
  } else if (!isValidBsn(bsn)) {
    errors.push({ name: 'bsn', code: 'elfproef', reason: 'Dit BSN klopt niet: controleer de 9 cijfers.' });
  }
  return bsn;
}

export function checkPostcode(raw: string, errors: InvalidParam[]): string {
  const pc = normalisePostcode(raw);
  if (!pc) errors.push({ name: 'postcode', code: 'format', reason: 'Vul een postcode in als 1234 AB.' });
  return pc ?? raw;
}

/** The shared rule (src/domain/date-rules.ts), in the API's ISO form. Returns the date when it is valid. */
export function checkDateOfBirth(raw: string, errors: InvalidParam[], today = todayInNl()): string | null {
  const problem = isoDateProblem(raw) ?? dateOfBirthProblem(raw, today);
  if (problem) errors.push({ name: 'dateOfBirth', ...(problem.code === 'required' ? { ...problem, reason: 'Vul de geboortedatum in, bijvoorbeeld 1990-03-14.' } : problem) });
  return problem ? null : raw.trim();
}

/** Start of the benefit: a real date, not in the future, not before the 18th birthday (shared rule). */
export function checkBenefitStart(raw: string, dateOfBirth: string | null, errors: InvalidParam[], today = todayInNl()): string | null {
  const problem = isoDateProblem(raw) ?? benefitStartProblem(raw, dateOfBirth, today);
  if (problem) errors.push({ name: 'benefitStartDate', ...problem });
  return problem ? null : raw.trim();
}

export function checkEmail(raw: string | null | undefined, errors: InvalidParam[]): string | null {
  if (!raw) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    errors.push({ name: 'email', code: 'format', reason: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.' });
  }
  return raw;
}

export function checkPhone(raw: string | null | undefined, errors: InvalidParam[]): string | null {
  if (!raw) return null;
  if (!/^\+?[0-9][0-9 -]{8,16}$/.test(raw)) {
    errors.push({ name: 'phone', code: 'format', reason: 'Vul een telefoonnummer in zoals 06 12345678 of 030 1234567.' });
  }
  return raw;
}

export function checkDateRange(from: string, to: string | null | undefined, toName: string, errors: InvalidParam[]): void {
  const problem = endBeforeStartProblem(from, to);
  if (problem) errors.push({ name: toName, ...problem });
}
