// Saved column mappings per source system (docs/imports.md). Each benefit administration exports residents with
// its own headers, delimiter, encoding, date form and codes for household and education; a mapping turns one
// export into Samenplan's fields. The header sets are those of the exports as municipalities configure them most
// often; a municipality whose export differs gets its own mapping here (reviewed like code, not edited at run time).

export type ImportField =
  | 'bsn'
  | 'givenNames'
  | 'familyNamePrefix'
  | 'familyName'
  | 'dateOfBirth'
  | 'street'
  | 'houseNumber'
  | 'houseNumberAddition'
  | 'postcode'
  | 'city'
  | 'householdType'
  | 'educationLevel'
  | 'phone'
  | 'email'
  | 'benefitStartDate';

export const REQUIRED_FIELDS: readonly ImportField[] = [
  'bsn',
  'givenNames',
  'familyName',
  'dateOfBirth',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'householdType',
  'educationLevel',
];

export type HouseholdType = 'single' | 'singleParent' | 'couple' | 'coupleWithChildren' | 'other';
export type EducationLevel = 'none' | 'primary' | 'vmbo' | 'mbo1' | 'mbo2to4' | 'havoVwo' | 'hbo' | 'wo' | 'unknown';

export interface ColumnMapping {
  name: string;
  label: string;
  /** CSV only; an XLSX sheet has its own columns. */
  delimiter: ';' | ',';
  encoding: 'utf-8' | 'windows-1252';
  /** How the export writes dates: day first (31-12-1990), ISO (1990-12-31) or compact (19901231). */
  dateForm: 'dmy' | 'iso' | 'compact';
  /** Samenplan field → the header in the export. */
  columns: Partial<Record<ImportField, string>>;
  /** The export's codes (compared case- and space-insensitively) → Samenplan's values. */
  household: Record<string, HouseholdType>;
  education: Record<string, EducationLevel>;
}

const educationWords: Record<string, EducationLevel> = {
  geen: 'none',
  basisonderwijs: 'primary',
  basis: 'primary',
  vmbo: 'vmbo',
  mbo1: 'mbo1',
  entree: 'mbo1',
  mbo24: 'mbo2to4',
  mbo: 'mbo2to4',
  havovwo: 'havoVwo',
  havo: 'havoVwo',
  vwo: 'havoVwo',
  hbo: 'hbo',
  wo: 'wo',
  onbekend: 'unknown',
};

export const MAPPINGS: Record<string, ColumnMapping> = {
  suite4sd: {
    name: 'suite4sd',
    label: 'Suite4Sociaal Domein (Centric)',
    delimiter: ';',
    encoding: 'utf-8',
    dateForm: 'dmy',
    columns: {
      bsn: 'BSN',
      givenNames: 'Voornamen',
      familyNamePrefix: 'Voorvoegsel',
      familyName: 'Geslachtsnaam',
      dateOfBirth: 'Geboortedatum',
      street: 'Straatnaam',
      houseNumber: 'Huisnummer',
      houseNumberAddition: 'Huisnummertoevoeging',
      postcode: 'Postcode',
      city: 'Woonplaats',
      householdType: 'Leefvorm',
      educationLevel: 'Opleidingsniveau',
      phone: 'Telefoonnummer',
      email: 'E-mailadres',
      benefitStartDate: 'Ingangsdatum uitkering',
    },
    household: {
      alleenstaande: 'single',
      alleenstaandeouder: 'singleParent',
      gehuwdsamenwonend: 'couple',
      gehuwdsamenwonendmetkinderen: 'coupleWithChildren',
      overig: 'other',
    },
    education: educationWords,
  },
  gws4all: {
    name: 'gws4all',
    label: 'GWS4all (PinkRoccade)',
    delimiter: ',',
    encoding: 'utf-8',
    dateForm: 'iso',
    columns: {
      bsn: 'burgerservicenummer',
      givenNames: 'voornamen',
      familyNamePrefix: 'tussenvoegsel',
      familyName: 'achternaam',
      dateOfBirth: 'geb_datum',
      street: 'straat',
      houseNumber: 'huisnr',
      houseNumberAddition: 'huisnr_toev',
      postcode: 'postcode',
      city: 'plaats',
      householdType: 'huishouden_code',
      educationLevel: 'opleiding_code',
      phone: 'telefoon',
      email: 'email',
      benefitStartDate: 'datum_ingang',
    },
    household: { al: 'single', eo: 'singleParent', gh: 'couple', gk: 'coupleWithChildren', ov: 'other' },
    education: { '0': 'none', '1': 'primary', '2': 'vmbo', '3': 'mbo1', '4': 'mbo2to4', '5': 'havoVwo', '6': 'hbo', '7': 'wo', '9': 'unknown' },
  },
  socrates: {
    name: 'socrates',
    label: 'Socrates',
    delimiter: ';',
    encoding: 'windows-1252',
    dateForm: 'compact',
    columns: {
      bsn: 'Bsn',
      givenNames: 'Voornaam',
      familyNamePrefix: 'Voorv.',
      familyName: 'Achternaam',
      dateOfBirth: 'Geb.datum',
      street: 'Adres straat',
      houseNumber: 'Adres huisnr',
      houseNumberAddition: 'Adres toev.',
      postcode: 'Adres postcode',
      city: 'Adres plaats',
      householdType: 'Gezinssituatie',
      educationLevel: 'Opleiding',
      phone: 'Tel.',
      email: 'E-mail',
      benefitStartDate: 'Begindatum bijstand',
    },
    household: {
      alleenstaand: 'single',
      eenoudergezin: 'singleParent',
      echtpaarsamenwonendzonderkinderen: 'couple',
      echtpaarsamenwonendmetkinderen: 'coupleWithChildren',
      anders: 'other',
    },
    education: educationWords,
  },
};

export const MAPPING_NAMES = Object.keys(MAPPINGS) as [string, ...string[]];

/** How codes are compared: lower case, without spaces, dashes, dots and slashes ("Gehuwd / samenwonend"). */
export function codeKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s./-]+/g, '');
}
