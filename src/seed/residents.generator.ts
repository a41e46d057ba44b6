import type { Faker } from '@faker-js/faker';
import { formatDay, yearsBefore } from './dates.ts';
import { seedUuid } from './ids.ts';
import type { AreaModel } from './model.ts';
import { asciiSlug, residentName, streetName, type Sex } from './names.ts';
import type { Rng, Weighted } from './random.ts';
import type { BenefitRow, ResidentRow } from './rows.ts';
import { AGE_BANDS } from './skeleton.ts';

/** Household types per age band (young people mostly single; single parents mostly aged 27–44). */
const HOUSEHOLDS: readonly Weighted<string>[] = [
  [
    ['single', 75],
    ['singleParent', 15],
    ['couple', 3],
    ['coupleWithChildren', 2],
    ['other', 5],
  ],
  [
    ['single', 48],
    ['singleParent', 30],
    ['couple', 5],
    ['coupleWithChildren', 11],
    ['other', 6],
  ],
  [
    ['single', 66],
    ['singleParent', 12],
    ['couple', 9],
    ['coupleWithChildren', 6],
    ['other', 7],
  ],
];

/** About two thirds without a startkwalificatie (none, primary, vmbo, mbo1). */
const EDUCATION: Weighted<string> = [
  ['none', 11],
  ['primary', 12],
  ['vmbo', 26],
  ['mbo1', 17],
  ['mbo2to4', 20],
  ['havoVwo', 6],
  ['hbo', 4.5],
  ['wo', 2.5],
  ['unknown', 1],
];
export const WITHOUT_STARTKWALIFICATIE = new Set(['none', 'primary', 'vmbo', 'mbo1']);

/**
 * Days on benefit per age band, as [min, max, weight]. Overall about 5% started in the last 60 days,
 * a quarter has been on benefit for 3+ years and 1 in 10 for more than 15 years.
 */
const DURATIONS: readonly (readonly (readonly [number, number, number])[])[] = [
  [
    [1, 60, 10],
    [61, 365, 45],
    [366, 1095, 40],
    [1096, 2920, 5],
  ],
  [
    [1, 60, 5],
    [61, 365, 32],
    [366, 1095, 40],
    [1096, 5475, 17],
    [5476, 9125, 6],
  ],
  [
    [1, 60, 4],
    [61, 365, 27],
    [366, 1095, 40],
    [1096, 5475, 15],
    [5476, 10950, 14],
  ],
];

const DURATION_CHOICES: readonly Weighted<readonly [number, number]>[] = DURATIONS.map((choices) =>
  choices.map(([min, max, weight]) => [[min, max] as const, weight] as const),
);

const EMAIL_DOMAINS = ['example.org', 'example.com'] as const;
const HOUSE_NUMBER_SUFFIXES = ['A', 'B', 'C', '-1', '-2', '-3'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface GeneratedPerson {
  resident: ResidentRow;
  benefit: BenefitRow;
  sex: Sex;
  age: number;
  /** Benefit start (and case opening) as a day number. */
  startDay: number;
}

function postcode(rng: Rng, area: AreaModel): string {
  for (;;) {
    const letters = `${rng.pick([...LETTERS])}${rng.pick([...LETTERS])}`;
    if (letters !== 'SA' && letters !== 'SD' && letters !== 'SS') return `${rng.pick(area.pc4s)}${letters}`;
  }
}

function houseNumber(rng: Rng): string {
  const n = rng.chance(0.7) ? rng.int(1, 120) : rng.int(121, 450);
  return rng.chance(0.15) ? `${n}${rng.pick(HOUSE_NUMBER_SUFFIXES)}` : String(n);
}

export function generatePerson(
  rng: Rng,
  faker: Faker,
  input: {
    municipalityId: string;
    municipalityCode: string;
    city: string;
    today: number;
    bsnIndex: number;
    bsn: string;
  },
  area: AreaModel,
  band: number,
): GeneratedPerson {
  const ageBand = AGE_BANDS[band] ?? AGE_BANDS[2];
  if (!ageBand) throw new Error('no age bands');
  const age = rng.int(ageBand.minAge, ageBand.maxAge);
  const birthDay = yearsBefore(input.today, age) - rng.int(1, 364);
  const household = rng.weighted(HOUSEHOLDS[band] ?? HOUSEHOLDS[2] ?? []);
  const sex: Sex = rng.chance(household === 'singleParent' ? 0.88 : 0.52) ? 'female' : 'male';
  const name = residentName(rng, faker, sex, age);

  const [minDays, maxDays] = rng.weighted(DURATION_CHOICES[band] ?? []);
  const adultDay = yearsBefore(birthDay, -18);
  const startDay = Math.max(input.today - rng.int(minDays, maxDays), adultDay);

  const id = seedUuid('resident', input.municipalityCode, input.bsnIndex);
  const fullFamily = [name.prefix, name.familyName].filter(Boolean).join(' ');
  const email = rng.chance(0.7)
    ? `${asciiSlug(name.givenNames.split(' ')[0] ?? 'inwoner')}.${asciiSlug(fullFamily)}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}`
    : null;
  const resident: ResidentRow = {
    municipality_id: input.municipalityId,
    id,
    bsn: input.bsn,
    given_names: name.givenNames,
    family_name_prefix: name.prefix,
    family_name: name.familyName,
    date_of_birth: formatDay(birthDay),
    street: streetName(rng),
    house_number: houseNumber(rng),
    postcode: postcode(rng, area),
    city: input.city,
    area_id: area.id,
    household_type: household,
    education_level: rng.weighted(EDUCATION),
    phone: rng.chance(0.85) ? `06${rng.int(10_000_000, 69_999_999)}` : null,
    email,
    is_fictitious: true,
  };
  const benefit: BenefitRow = {
    municipality_id: input.municipalityId,
    id: seedUuid('benefit', id),
    resident_id: id,
    kind: 'bijstand',
    start_date: formatDay(startDay),
    end_date: null,
  };
  return { resident, benefit, sex, age, startDay };
}
