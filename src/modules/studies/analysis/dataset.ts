/**
 * A data set as R's write.csv writes it (header row, quoted strings, empty field or NA = missing), read with
 * csv-parse. Column types as R's read.csv decides them: a column whose non-missing values are all numbers is
 * numeric, any other column is categorical (character).
 */
import { parse } from 'csv-parse/sync';
import { AnalysisInputError } from './errors.ts';

export type Cell = number | string | null;

export interface Column {
  name: string;
  numeric: boolean;
  values: Cell[];
  /** The fields as written (null = missing): the labels of a numeric column used as a factor (the arm). */
  raw: (string | null)[];
}

export interface Dataset {
  columns: Map<string, Column>;
  names: string[];
  rows: number;
}

/** R's read.csv numbers (decimal, optional exponent; as write.csv writes them). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isMissing(raw: string): boolean {
  return raw === '' || raw === 'NA';
}

export function readCsv(text: string): Dataset {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    const e = err as { code?: string; lines?: number; record?: unknown[] };
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_INCONSISTENT_RECORD_LENGTH') {
      throw new AnalysisInputError(
        'ragged_row',
        `Regel ${e.lines ?? '?'} van het CSV-bestand heeft een ander aantal velden (${e.record?.length ?? '?'}) dan de kopregel.`,
        `Line ${e.lines ?? '?'} of the CSV file has a different number of fields (${e.record?.length ?? '?'}) than the header.`,
        'csv',
      );
    }
    throw new AnalysisInputError(
      'unreadable_csv',
      `Het CSV-bestand is niet te lezen (regel ${e.lines ?? '?'}): controleer de aanhalingstekens.`,
      `The CSV file cannot be read (line ${e.lines ?? '?'}): check the quotes.`,
      'csv',
    );
  }
  if (records.length === 0) {
    throw new AnalysisInputError('empty_csv', 'Het CSV-bestand is leeg: een kopregel is nodig.', 'The CSV file is empty: a header row is needed.', 'csv');
  }
  const header = records[0]!;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      throw new AnalysisInputError('duplicate_column', `De kolom "${name}" staat twee keer in de kopregel.`, `The column "${name}" appears twice in the header.`, 'csv');
    }
    seen.add(name);
  }
  const body = records.slice(1);
  const columns = new Map<string, Column>();
  header.forEach((name, j) => {
    let numeric = true;
    for (const r of body) {
      const v = r[j]!;
      if (!isMissing(v) && !NUMBER.test(v)) {
        numeric = false;
        break;
      }
    }
    const values: Cell[] = body.map((r) => {
      const v = r[j]!;
      if (isMissing(v)) return null;
      return numeric ? Number(v) : v;
    });
    const raw = body.map((r) => (isMissing(r[j]!) ? null : r[j]!));
    columns.set(name, { name, numeric, values, raw });
  });
  return { columns, names: header, rows: body.length };
}
