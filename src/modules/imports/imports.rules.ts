import { isValidBsn, normaliseBsn } from '../../domain/bsn.ts';
import { benefitStartProblem, calendarDateProblem, dateOfBirthProblem, toIsoDate } from '../../domain/date-rules.ts';
import { areaForPostcode, normalisePostcode, type PostcodeRange } from '../../domain/postcode.ts';
import { REQUIRED_FIELDS, codeKey, type ColumnMapping, type EducationLevel, type HouseholdType, type ImportField } from './imports.mappings.ts';

// The rules of one import line, pure: a record of the export (its cells as text) becomes a resident row for the
// residents module, or the problems with it, each naming the line and the column as the export calls it. Nothing
// here touches the database; the area comes from the organisation's postcode ranges, read once per import.

/** One line of the validation report. The value itself is never repeated (it may be a BSN or a name). */
export interface ReportLine {
  /** The line in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  /** The column as the export names it, or null for the line or file as a whole. */
  column: string | null;
  code: string;
  message: string;
}

export interface ImportRow {
  line: number;
  bsn: string;
  givenNames: string;
  familyNamePrefix: string | null;
  familyName: string;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  areaId: string;
  householdType: HouseholdType;
  educationLevel: EducationLevel;
  phone: string | null;
  email: string | null;
  benefitStartDate: string | null;
}

export const FIELD_LABELS: Record<ImportField, string> = {
  bsn: 'BSN',
  givenNames: 'voornamen',
  familyNamePrefix: 'voorvoegsel',
  familyName: 'achternaam',
  dateOfBirth: 'geboortedatum',
  street: 'straat',
  houseNumber: 'huisnummer',
  houseNumberAddition: 'huisnummertoevoeging',
  postcode: 'postcode',
  city: 'woonplaats',
  householdType: 'huishouden',
  educationLevel: 'opleidingsniveau',
  phone: 'telefoonnummer',
  email: 'e-mailadres',
  benefitStartDate: 'startdatum uitkering',
};

/** Header problems (a required column missing) and where each field is found. */
export function headerIndex(mapping: ColumnMapping, header: readonly string[]): { index: Partial<Record<ImportField, number>>; problems: ReportLine[] } {
  const positions = new Map<string, number>();
  header.forEach((h, i) => positions.set(h.trim().toLowerCase(), i));
  const index: Partial<Record<ImportField, number>> = {};
  const problems: ReportLine[] = [];
  for (const [field, column] of Object.entries(mapping.columns) as [ImportField, string][]) {
    const at = positions.get(column.toLowerCase());
    if (at !== undefined) index[field] = at;
    else if (REQUIRED_FIELDS.includes(field)) {
      problems.push({
        line: 1,
        column,
        code: 'missingColumn',
        message: `De kolom "${column}" (${FIELD_LABELS[field]}) ontbreekt in de kopregel. Controleer of het bestand een export met de koppeling ${mapping.label} is.`,
      });
    }
  }
  return { index, problems };
}

/** A date as the export writes it → ISO, or the raw text when it has the wrong form (the rules then explain). */
export function exportDate(raw: string, form: ColumnMapping['dateForm']): string {
  const v = raw.trim();
  if (form === 'compact' && /^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  return v;
}

/** A BSN as exports write it: spaces and dots removed; 8 digits is a BSN whose leading zero a spreadsheet dropped. */
export function exportBsn(raw: string): string {
  const digits = normaliseBsn(raw.trim());
  return /^[0-9]{8}$/.test(digits) ? `0${digits}` : digits;
}

export interface LineRules {
  mapping: ColumnMapping;
  index: Partial<Record<ImportField, number>>;
  ranges: readonly PostcodeRange[];
  today: string;
  areaWord: string;
}

/** The row of one record, or its problems. Duplicates within the file are the caller's (see DuplicateGuard). */
export function checkLine(rules: LineRules, line: number, cells: readonly string[]): { row: ImportRow | null; problems: ReportLine[]; bsn: string | null } {
  const { mapping, index } = rules;
  const problems: ReportLine[] = [];
  const cell = (f: ImportField): string => {
    const i = index[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const col = (f: ImportField) => mapping.columns[f] ?? FIELD_LABELS[f];
  const problem = (f: ImportField | null, code: string, message: string) => problems.push({ line, column: f ? col(f) : null, code, message });

  for (const f of REQUIRED_FIELDS) {
    if (cell(f) === '') problem(f, 'required', `De ${FIELD_LABELS[f]} ontbreekt.`);
  }

  const bsn = exportBsn(cell('bsn'));
  if (cell('bsn') !== '') {
    if (!/^[0-9]{9}$/.test(bsn)) problem('bsn', 'format', 'Een BSN heeft 9 cijfers.');
    else if (!isValidBsn(bsn)) problem('bsn', 'elfproef', 'Dit BSN voldoet niet aan de elfproef: een cijfer is verkeerd overgenomen.');
  }

  let dateOfBirth: string | null = null;
  if (cell('dateOfBirth') !== '') {
    const raw = exportDate(cell('dateOfBirth'), mapping.dateForm);
    const p = dateOfBirthProblem(raw, rules.today);
    if (p) problem('dateOfBirth', p.code, p.reason);
    else dateOfBirth = toIsoDate(raw);
  }

  let benefitStartDate: string | null = null;
  if (cell('benefitStartDate') !== '') {
    const raw = exportDate(cell('benefitStartDate'), mapping.dateForm);
    const base = calendarDateProblem(raw);
    const p = base ?? benefitStartProblem(raw, dateOfBirth, rules.today);
    if (p) problem('benefitStartDate', p.code, p.reason);
    else benefitStartDate = toIsoDate(raw);
  }

  let postcode: string | null = null;
  let areaId: string | null = null;
  if (cell('postcode') !== '') {
    postcode = normalisePostcode(cell('postcode'));
    if (!postcode) problem('postcode', 'format', 'Dit is geen Nederlandse postcode (vier cijfers en twee letters, zoals 3563 CL).');
    else {
      areaId = areaForPostcode(postcode, rules.ranges);
      if (!areaId) problem('postcode', 'area', `Deze postcode hoort niet bij een ${rules.areaWord} van de gemeente.`);
    }
  }

  const household = cell('householdType') === '' ? null : (mapping.household[codeKey(cell('householdType'))] ?? null);
  if (cell('householdType') !== '' && !household) {
    problem('householdType', 'code', `Onbekende waarde voor ${FIELD_LABELS.householdType}. Toegestaan: ${Object.keys(mapping.household).join(', ')}.`);
  }
  const education = cell('educationLevel') === '' ? null : (mapping.education[codeKey(cell('educationLevel'))] ?? null);
  if (cell('educationLevel') !== '' && !education) {
    problem('educationLevel', 'code', `Onbekende waarde voor ${FIELD_LABELS.educationLevel}. Toegestaan: ${Object.keys(mapping.education).join(', ')}.`);
  }

  const email = cell('email') || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem('email', 'format', 'Dit is geen e-mailadres (zoals naam@voorbeeld.nl).');
  const phone = cell('phone') || null;
  if (phone && !/^\+?[0-9][0-9 -]{8,16}$/.test(phone)) problem('phone', 'format', 'Dit is geen telefoonnummer (zoals 06 12345678).');

  for (const f of ['givenNames', 'familyName'] as const) {
    if (cell(f).length > 200) problem(f, 'length', `De ${FIELD_LABELS[f]} is langer dan 200 tekens.`);
  }

  const validBsn = /^[0-9]{9}$/.test(bsn) && isValidBsn(bsn) ? bsn : null;
  if (problems.length > 0) return { row: null, problems, bsn: validBsn };
  const addition = cell('houseNumberAddition');
  return {
    row: {
      line,
      bsn,
      givenNames: cell('givenNames'),
      familyNamePrefix: cell('familyNamePrefix') || null,
      familyName: cell('familyName'),
      dateOfBirth: dateOfBirth!,
      street: cell('street'),
      houseNumber: addition ? `${cell('houseNumber')}${/^[0-9]/.test(addition) ? '-' : ''}${addition}` : cell('houseNumber'),
      postcode: postcode!,
      city: cell('city'),
      areaId: areaId!,
      householdType: household!,
      educationLevel: education!,
      phone,
      email,
      benefitStartDate,
    },
    problems,
    bsn: validBsn,
  };
}

/**
 * Duplicates within one file: the first line with a BSN wins, every later one is reported with the line it repeats.
 * An open-addressing hash set on typed arrays (a BSN fits in 32 bits): 400,000 lines cost about 8 MB, where a Map
 * cost about 60 MB per pass.
 */
export class DuplicateGuard {
  private bits = 16;
  private keys = new Uint32Array(1 << 16);
  private lines = new Uint32Array(1 << 16);
  private size = 0;

  private slot(key: number): number {
    const mask = (1 << this.bits) - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const keys = this.keys;
    const lines = this.lines;
    this.bits += 1;
    this.keys = new Uint32Array(1 << this.bits);
    this.lines = new Uint32Array(1 << this.bits);
    for (let i = 0; i < keys.length; i += 1) {
      if (keys[i] === 0) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.lines[j] = lines[i]!;
    }
  }

  check(bsn: string, line: number): ReportLine | null {
    const key = Number(bsn) + 1; // 0 marks an empty slot
    const i = this.slot(key);
    if (this.keys[i] === key) {
      return { line, column: null, code: 'duplicate', message: `Deze regel heeft hetzelfde BSN als regel ${this.lines[i]}: een inwoner staat maar één keer in het bestand.` };
    }
    this.keys[i] = key;
    this.lines[i] = line;
    this.size += 1;
    if (this.size > (1 << this.bits) * 0.6) this.grow();
    return null;
  }
}
