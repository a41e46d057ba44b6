import type { AnonymousProfile } from './candidates.schema.ts';

/**
 * Before a profile goes to an employer anonymously: does its free text (written by people) name the resident? The
 * profile is built from the work profile only, but skills, experience and education are free text, and a colleague
 * may have written "Naima werkte 2 jaar bij…" or a phone number there. Pure; the caller supplies what identifies
 * the resident (read server-side, never sent to the employer).
 */
export interface Identifiers {
  givenNames: string;
  familyName: string;
  familyNamePrefix?: string | null;
  street?: string | null;
  phone?: string | null;
  email?: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Name and street words of 3 letters or more (shorter ones, like "de" or "Li", would match ordinary words). */
function nameTokens(id: Identifiers): Set<string> {
  const parts = [id.givenNames, id.familyName, id.street ?? ''].flatMap(words);
  return new Set(parts.filter((w) => w.length >= 3 && !/^\d+$/.test(w)));
}

const digits = (s: string) => s.replace(/\D/g, '');

/** The paths of the fields whose text names the resident (name, street, phone or e-mail); empty when none does. */
export function identifyingFields(profile: AnonymousProfile, id: Identifiers): string[] {
  const tokens = nameTokens(id);
  const phone = id.phone ? digits(id.phone) : '';
  const email = id.email ? fold(id.email) : '';
  const texts: [string, string][] = [
    ...profile.skills.map((s, i): [string, string] => [`skills[${i}]`, s]),
    ...profile.experience.map((e, i): [string, string] => [`experience[${i}].description`, e.description]),
    ...profile.desiredOccupations.map((o, i): [string, string] => [`desiredOccupations[${i}].label`, o.label]),
    ...(profile.education ? [['education', profile.education] as [string, string]] : []),
  ];
  return texts
    .filter(([, text]) => {
      if (words(text).some((w) => tokens.has(w))) return true;
      if (phone.length >= 6 && digits(text).includes(phone.slice(-6))) return true;
      return email.length > 0 && fold(text).includes(email);
    })
    .map(([path]) => path);
}
