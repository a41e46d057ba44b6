import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import type { ColumnMapping } from './imports.mappings.ts';

// Reads an export as records of text cells, streaming: csv-parse for CSV (after a strict decoder, so a file in the
// wrong encoding is reported instead of imported with broken names) and ExcelJS's streaming reader for XLSX (the
// first sheet). Memory stays flat: a record is handed on and forgotten.

export type FileFormat = 'csv' | 'xlsx';

export interface FileRecord {
  /** The line in the file (CSV) or the row of the sheet (XLSX); the header is line 1. */
  line: number;
  cells: string[];
}

/** A problem with the file as a whole: nothing in it can be read reliably. */
export class FileProblem extends Error {
  constructor(
    readonly code: 'encoding' | 'format' | 'empty',
    message: string,
    readonly line = 0,
  ) {
    super(message);
  }
}

/** Decodes bytes to text and fails at the first byte sequence that is not valid in the encoding. */
function strictDecoder(encoding: ColumnMapping['encoding']): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let lines = 1;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
        done(null, text);
      } catch {
        // Where: the lines before the first character the lenient decoder had to replace.
        const lenient = new TextDecoder(encoding).decode(chunk);
        const bad = lenient.indexOf('\uFFFD');
        const before = (bad === -1 ? '' : lenient.slice(0, bad)).split('\n').length - 1;
        done(
          new FileProblem(
            'encoding',
            `Het bestand is niet in ${encoding === 'utf-8' ? 'UTF-8' : encoding} opgeslagen (rond regel ${lines + before} staat een teken dat daarin niet bestaat). ` +
              'Sla de export op als "CSV UTF-8" en probeer het opnieuw.',
            lines + before,
          ),
        );
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new FileProblem('encoding', 'Het bestand eindigt midden in een teken: het is afgebroken of niet in UTF-8 opgeslagen.', lines));
      }
    },
  });
}

async function* csvRecords(input: Readable, mapping: ColumnMapping): AsyncGenerator<FileRecord> {
  const parser = parse({ delimiter: mapping.delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
  const decoder = strictDecoder(mapping.encoding);
  input.on('error', (err) => decoder.destroy(err));
  decoder.on('error', (err) => parser.destroy(err));
  input.pipe(decoder).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      throw new FileProblem('format', `Het bestand is geen geldige CSV (rond regel ${e.lines ?? '?'}): controleer de aanhalingstekens en het scheidingsteken "${mapping.delimiter}".`, e.lines ?? 0);
    }
    throw err;
  } finally {
    input.destroy();
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

async function* xlsxRecords(input: Readable): AsyncGenerator<FileRecord> {
  // Loaded when an XLSX comes in: ExcelJS is large, and a CSV import does not need it.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line: row.number, cells };
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem('format', 'Het bestand is geen leesbaar Excel-bestand (.xlsx). Sla de export opnieuw op als Excel-werkmap of als CSV.');
  } finally {
    input.destroy();
  }
}

/** The records of an export, the header first. */
export function readRecords(input: Readable, format: FileFormat, mapping: ColumnMapping): AsyncGenerator<FileRecord> {
  return format === 'xlsx' ? xlsxRecords(input) : csvRecords(input, mapping);
}

/** The format of a file by its name or its first bytes (an XLSX is a ZIP: PK\x03\x04). */
export function formatOf(fileName: string, firstBytes?: Buffer): FileFormat {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  if (firstBytes && firstBytes.length >= 4 && firstBytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  return 'csv';
}
