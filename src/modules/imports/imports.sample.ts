import { bsnCheckDigit } from '../../domain/bsn.ts';
import { MAPPINGS, type ImportField } from './imports.mappings.ts';

// Fictitious exports for tests, the benchmark and trying the import out: deterministic lines in the form of one of
// the saved mappings. BSNs are generated with a valid 11-check from a start number; names and addresses are made up.

const GIVEN = ['Fatima', 'Jan', 'Sanne', 'Mohamed', 'Anouk', 'Kees', 'Yasmina', 'Pieter', 'Lotte', 'Emre', 'Noor', 'Daan'];
const FAMILY: [string | null, string][] = [
  [null, 'Jansen'],
  ['de', 'Vries'],
  ['van', 'Dijk'],
  [null, 'Bakker'],
  ['el', 'Amrani'],
  [null, 'Yilmaz'],
  ['van der', 'Berg'],
  [null, 'Visser'],
];
// Postcode letters: no SA, SD or SS (not issued).
const LETTERS = 'BCEGHJKLMNPRTVWXZ';
const STREETS = ['Braziliëdreef', 'Zamenhofdreef', 'Amsterdamsestraatweg', 'Kanaalstraat', 'Vleutenseweg', 'Oudenoord'];

/** The n-th fictitious BSN from a start: 9 digits with a valid 11-check (numbers without a check digit are skipped). */
export function sampleBsns(count: number, start = 20_000_000): string[] {
  const out: string[] = [];
  for (let eight = start; out.length < count; eight += 1) {
    const first = String(eight).padStart(8, '0');
    const d = bsnCheckDigit(first);
    if (d !== null) out.push(`${first}${d}`);
  }
  return out;
}

export interface SampleOptions {
  mapping?: 'suite4sd' | 'gws4all' | 'socrates';
  /** Four-digit postcodes to spread the residents over (they must lie in the municipality's areas). */
  pc4: readonly number[];
  /** Changes the street of every k-th line (a second export in which some residents moved). */
  movedEvery?: number;
  bsnStart?: number;
}

function pad(n: number, w = 2) {
  return String(n).padStart(w, '0');
}

/** One line of the export for resident i (cells in mapping column order). */
export function sampleLine(i: number, bsn: string, o: SampleOptions): string[] {
  const mapping = MAPPINGS[o.mapping ?? 'suite4sd']!;
  const [prefix, family] = FAMILY[i % FAMILY.length]!;
  const year = 1960 + (i % 40);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const startYear = Math.max(year + 19, 2015) + (i % 5);
  const date = (y: number, m: number, d: number) =>
    mapping.dateForm === 'iso' ? `${y}-${pad(m)}-${pad(d)}` : mapping.dateForm === 'compact' ? `${y}${pad(m)}${pad(d)}` : `${pad(d)}-${pad(m)}-${y}`;
  const households = Object.keys(mapping.household);
  const educations = Object.keys(mapping.education);
  const moved = o.movedEvery && i % o.movedEvery === 0;
  const values: Record<ImportField, string> = {
    bsn,
    givenNames: GIVEN[i % GIVEN.length]!,
    familyNamePrefix: prefix ?? '',
    familyName: family,
    dateOfBirth: date(year, month, day),
    street: moved ? 'Nieuwe Gracht' : STREETS[i % STREETS.length]!,
    houseNumber: String(1 + (i % 250)),
    houseNumberAddition: i % 7 === 0 ? 'A' : '',
    postcode: `${o.pc4[i % o.pc4.length]} ${LETTERS[i % LETTERS.length]}${LETTERS[(i * 7 + 3) % LETTERS.length]}`,
    city: 'Utrecht',
    householdType: households[i % households.length]!,
    educationLevel: educations[i % educations.length]!,
    phone: i % 3 === 0 ? `06 ${String(10_000_000 + i).slice(-8)}` : '',
    email: i % 4 === 0 ? `inwoner${i}@example.org` : '',
    benefitStartDate: date(Math.min(startYear, 2025), 1 + (i % 12), 1),
  };
  return (Object.keys(mapping.columns) as ImportField[]).map((f) => values[f]);
}

/** The header of the mapping's export. */
export function sampleHeader(mapping: SampleOptions['mapping'] = 'suite4sd'): string[] {
  return Object.values(MAPPINGS[mapping]!.columns);
}

/** A whole CSV export as lines (for small files; the benchmark streams sampleLine itself). */
export function sampleCsv(count: number, o: SampleOptions): string {
  const mapping = MAPPINGS[o.mapping ?? 'suite4sd']!;
  const d = mapping.delimiter;
  const q = (v: string) => (v.includes(d) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
  const bsns = sampleBsns(count, o.bsnStart);
  const lines = [sampleHeader(o.mapping).join(d), ...bsns.map((b, i) => sampleLine(i, b, o).map(q).join(d))];
  return `${lines.join('\r\n')}\r\n`;
}
