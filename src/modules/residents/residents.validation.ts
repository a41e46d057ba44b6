import { isValidBsn, normaliseBsn } from '../../domain/bsn.ts';
import { isValidIsoDate, todayInNl, yearsBetween } from '../../domain/dates.ts';
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

export function checkDateOfBirth(raw: string, errors: InvalidParam[], today = todayInNl()): void {
  if (!isValidIsoDate(raw)) {
    errors.push({ name: 'dateOfBirth', code: 'format', reason: 'Deze datum bestaat niet. Gebruik dag, maand en jaar.' });
    return;
  }
  const age = yearsBetween(raw, today);
  if (raw > today) errors.push({ name: 'dateOfBirth', code: 'future', reason: 'De geboortedatum ligt in de toekomst.' });
  else if (age < 15 || age > 110) {
    errors.push({ name: 'dateOfBirth', code: 'range', reason: 'Controleer de geboortedatum: de leeftijd moet tussen 15 en 110 jaar liggen.' });
  }
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
  if (to && to < from) errors.push({ name: toName, code: 'range', reason: 'De einddatum ligt vóór de begindatum.' });
}
