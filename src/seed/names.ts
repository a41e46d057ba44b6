import { base, en, Faker, nl } from '@faker-js/faker';
import type { Rng } from './random.ts';

/**
 * Names for fictitious residents and staff. Dutch names come from faker's Dutch locale (fakerNL data);
 * the lists below add the given names of older generations and of the migrant backgrounds that are
 * common among bijstand recipients in Dutch cities, so a caseload looks like a real one.
 */

export type Sex = 'female' | 'male';

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

const OLDER_DUTCH: Readonly<Record<Sex, readonly string[]>> = {
  female: [
    'Maria', 'Johanna', 'Anna', 'Wilhelmina', 'Cornelia', 'Elisabeth', 'Petronella', 'Hendrika', 'Monique',
    'Sandra', 'Petra', 'Ingrid', 'Marian', 'Anita', 'Patricia', 'Yvonne', 'Linda', 'Jolanda', 'Esther',
    'Marjolein', 'Karin', 'Wendy', 'Miranda', 'Sabine', 'Bianca', 'Astrid', 'Mariska', 'Ilse', 'Daniëlle', 'Chantal',
  ],
  male: [
    'Johannes', 'Cornelis', 'Hendrik', 'Petrus', 'Jan', 'Gerrit', 'Willem', 'Peter', 'Marcel', 'Erik', 'Robert',
    'Richard', 'Ronald', 'Patrick', 'Edwin', 'René', 'Arjan', 'Dennis', 'Jeroen', 'Martin', 'Frank', 'Mark',
    'Michel', 'Hans', 'Kees', 'Wim', 'Ton', 'Rob', 'Sander', 'Remco',
  ],
};

interface OriginNames {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

const ORIGINS: Readonly<Record<string, OriginNames>> = {
  moroccan: {
    female: ['Fatima', 'Khadija', 'Naima', 'Samira', 'Malika', 'Hanan', 'Nadia', 'Souad', 'Latifa', 'Zineb', 'Imane', 'Yasmina', 'Houda', 'Loubna', 'Salma'],
    male: ['Mohamed', 'Ahmed', 'Mustafa', 'Abdelkader', 'Rachid', 'Youssef', 'Said', 'Hassan', 'Karim', 'Khalid', 'Nordin', 'Bilal', 'Anouar', 'Hamza', 'Ilias'],
    family: ['El Amrani', 'Bouzid', 'Benali', 'Ouali', 'Azzouzi', 'El Khattabi', 'Boukhari', 'Haddouchi', 'Tahiri', 'El Ouardi', 'Ait Brahim', 'Bakkali', 'Chaouch', 'Ziani', 'Akhiat', 'El Hamdaoui', 'Aouragh'],
  },
  turkish: {
    female: ['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Merve', 'Büşra', 'Hülya', 'Sevgi', 'Derya', 'Gül'],
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'Murat', 'Emre', 'Burak', 'Kemal', 'Osman'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç', 'Kurt', 'Özdemir', 'Aslan', 'Polat'],
  },
  caribbean: {
    female: ['Shirley', 'Sharon', 'Rachelle', 'Jennifer', 'Priscilla', 'Natasja', 'Sherida', 'Ghislaine', 'Angelique', 'Ruth'],
    male: ['Roy', 'Ricardo', 'Glenn', 'Marlon', 'Orlando', 'Edson', 'Clarence', 'Rudy', 'Romano', 'Delano'],
    family: ['Pinas', 'Wijngaarde', 'Sedney', 'Kanhai', 'Ramdin', 'Jadnanansing', 'Martina', 'Coffie', 'Doelwijt', 'Biswamitre', 'Pengel', 'Balker', 'Lachman', 'Sital', 'Mahabier'],
  },
  middleEastern: {
    female: ['Rasha', 'Amal', 'Hiba', 'Nour', 'Lina', 'Rana', 'Huda', 'Maryam', 'Zahra', 'Farida'],
    male: ['Ahmad', 'Omar', 'Khaled', 'Mahmoud', 'Yasser', 'Ammar', 'Bashar', 'Tarek', 'Samer', 'Hamid', 'Reza'],
    family: ['Al-Hassan', 'Haddad', 'Khalil', 'Hamdan', 'Nasser', 'Suleiman', 'Darwish', 'Mansour', 'Othman', 'Hosseini', 'Ahmadi', 'Rahimi', 'Karimi', 'Qasim'],
  },
  eastAfrican: {
    female: ['Semhar', 'Selam', 'Helen', 'Yordanos', 'Mebrat', 'Saba', 'Hodan', 'Amina', 'Fadumo', 'Luula'],
    male: ['Yonas', 'Dawit', 'Tesfay', 'Filmon', 'Mehari', 'Biniam', 'Abdi', 'Abdirahman', 'Hassan', 'Mohamed'],
    family: ['Tesfamariam', 'Haile', 'Gebremedhin', 'Kidane', 'Berhane', 'Tekle', 'Ghebreyesus', 'Abraha', 'Warsame', 'Farah', 'Hussein', 'Abdullahi', 'Mohamud'],
  },
  polish: {
    female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Monika', 'Joanna', 'Ewa'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Marek', 'Andrzej', 'Łukasz'],
    family: ['Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Dąbrowski'],
  },
};

const ORIGIN_WEIGHTS: readonly (readonly [string, number])[] = [
  ['dutch', 50],
  ['moroccan', 16],
  ['turkish', 9],
  ['caribbean', 7],
  ['middleEastern', 8],
  ['eastAfrican', 5],
  ['polish', 5],
];

/** Share of Dutch family names with a prefix (van, de, van der, ...). */
const PREFIX_SHARE = 0.24;

function dutchName(rng: Rng, faker: Faker, sex: Sex, age: number): PersonName {
  const older = age >= 40 && rng.chance(0.6);
  const given = older ? rng.pick(OLDER_DUTCH[sex]) : faker.helpers.arrayElement(sex === 'female' ? nlFemale : nlMale);
  const second = older && rng.chance(0.3) ? ` ${rng.pick(OLDER_DUTCH[sex])}` : '';
  const family = faker.helpers.arrayElement(rng.chance(PREFIX_SHARE) ? nlLastPrefixed : nlLastPlain);
  return { givenNames: second.trim() === given ? given : `${given}${second}`, ...family };
}

export function residentName(rng: Rng, faker: Faker, sex: Sex, age: number): PersonName {
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const names = ORIGINS[origin];
  if (!names) return dutchName(rng, faker, sex, age);
  let familyName = rng.pick(names.family);
  if (origin === 'polish' && sex === 'female') familyName = familyName.replace(/ski$/, 'ska');
  return { givenNames: rng.pick(names[sex]), prefix: null, familyName };
}

/** A display name for a generated colleague, derived from the username so it never changes. */
export function staffDisplayName(rng: Rng): string {
  const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const names = ORIGINS[origin];
  if (names) return `${rng.pick(names[sex])} ${rng.pick(names.family)}`;
  const family = rng.chance(PREFIX_SHARE) ? rng.pick(nlLastPrefixed) : rng.pick(nlLastPlain);
  const given = rng.pick(sex === 'female' ? nlFemale : nlMale);
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
