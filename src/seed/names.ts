import { base, en, Faker, nl } from '@faker-js/faker';
import {
  OLDER_DUTCH,
  ORIGIN_WEIGHTS,
  ORIGINS,
  STREET_STEMS,
  STREET_SUFFIXES,
  type OriginNames,
  type Sex,
} from './names.data.ts';
import type { Rng } from './random.ts';

/**
 * Names for fictitious residents and staff. Dutch names come from faker's Dutch locale (fakerNL data);
 * names.data.ts adds the given names of older generations and of the migrant backgrounds that are
 * common among bijstand recipients in Dutch cities, so a caseload looks like a real one.
 */

export type { Sex } from './names.data.ts';

export interface PersonName {
  givenNames: string;
  prefix: string | null;
  familyName: string;
}

/** A private faker instance with the Dutch locale (same data as fakerNL), so seeding never shares state. */
export function createDutchFaker(seed: number): Faker {
  const faker = new Faker({ locale: [nl, en, base] });
  faker.seed(seed);
  return faker;
}

const PREFIX_RE = /^((?:van|de|den|der|het|in|op|te|ten|ter|'t)\s)+/;

function splitPrefix(full: string): { prefix: string | null; familyName: string } {
  const m = PREFIX_RE.exec(full);
  if (!m) return { prefix: null, familyName: full };
  return { prefix: m[0].trim(), familyName: full.slice(m[0].length) };
}

const nlFemale: readonly string[] = nl.person?.first_name?.female ?? ['Anna'];
const nlMale: readonly string[] = nl.person?.first_name?.male ?? ['Jan'];
const nlLast = (nl.person?.last_name?.generic ?? ['Jansen']).map(splitPrefix);
const nlLastPlain = nlLast.filter((n) => n.prefix === null);
const nlLastPrefixed = nlLast.filter((n) => n.prefix !== null);

/** Share of Dutch family names with a prefix (van, de, van der, ...). */
const PREFIX_SHARE = 0.24;

function dutchName(rng: Rng, faker: Faker, sex: Sex, age: number): PersonName {
  const older = age >= 40 && rng.chance(0.6);
  const given = older
    ? rng.pick(OLDER_DUTCH[sex])
    : faker.helpers.arrayElement(sex === 'female' ? nlFemale : nlMale);
  const second = older && rng.chance(0.3) ? ` ${rng.pick(OLDER_DUTCH[sex])}` : '';
  const family = faker.helpers.arrayElement(rng.chance(PREFIX_SHARE) ? nlLastPrefixed : nlLastPlain);
  return { givenNames: second.trim() === given ? given : `${given}${second}`, ...family };
}

function familyNameFor(origin: string, names: OriginNames, sex: Sex, rng: Rng): string {
  const family = rng.pick(names.family);
  return origin === 'polish' && sex === 'female' ? family.replace(/ski$/, 'ska') : family;
}

export function residentName(rng: Rng, faker: Faker, sex: Sex, age: number): PersonName {
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const names = ORIGINS[origin];
  if (!names) return dutchName(rng, faker, sex, age);
  return {
    givenNames: rng.pick(names[sex]),
    prefix: null,
    familyName: familyNameFor(origin, names, sex, rng),
  };
}

/** A display name for a generated colleague, derived from the username so it never changes. */
export function staffDisplayName(rng: Rng): string {
  const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const names = ORIGINS[origin];
  if (names) return `${rng.pick(names[sex])} ${familyNameFor(origin, names, sex, rng)}`;
  const family = rng.chance(PREFIX_SHARE) ? rng.pick(nlLastPrefixed) : rng.pick(nlLastPlain);
  const given = rng.chance(0.5) ? rng.pick(OLDER_DUTCH[sex]) : rng.pick(sex === 'female' ? nlFemale : nlMale);
  return [given, family.prefix, family.familyName].filter(Boolean).join(' ');
}

/** Lower-case ASCII for e-mail addresses: 'Şahin' → 'sahin', 'van der Meer' → 'vandermeer'. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** A plausible, generic Dutch street name ("Merelstraat", "Frans Halslaan"). */
export function streetName(rng: Rng): string {
  return `${rng.pick(STREET_STEMS)}${rng.weighted(STREET_SUFFIXES)}`;
}
