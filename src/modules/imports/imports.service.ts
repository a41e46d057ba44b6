import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { todayInNl } from '../../domain/dates.ts';
import type { Principal } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { applyScope, type DbScope } from '../../platform/db/transaction.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems } from '../../platform/http/problem.ts';
import { insertProcessingLogRows } from '../../platform/processing-log/processing-log.store.ts';
import type { RouteProcessing } from '../../platform/processing-log/processing-log.ts';
import * as organisation from '../organisation/organisation.service.ts';
import * as residents from '../residents/residents.service.ts';
import { MAPPINGS, MAPPING_NAMES, type ColumnMapping } from './imports.mappings.ts';
import { FileProblem, readRecords, type FileFormat } from './imports.reader.ts';
import { DuplicateGuard, checkLine, headerIndex, type ImportRow, type LineRules, type ReportLine } from './imports.rules.ts';
import { importsStore, type ImportRunRow } from './imports.store.ts';

// The bulk import (ADR 0024). Two passes over the file, both streaming: first every line is checked (nothing is
// written while any line is wrong: the report says which and why), then — only for a file without problems — the
// residents are upserted by BSN in batches inside ONE transaction, so a file is imported whole or not at all. A dry
// run does the second pass too and rolls it back: its counts (new, changed, unchanged) are exact.

/** What the import processes (route and CLI declare the same). */
export const IMPORT_PROCESSING = {
  activity: 'PA-037',
  action: ['imports.residents.create', 'imports.residents.update', 'imports.check'],
} as const satisfies RouteProcessing;

const BATCH = 2000;
/** Lines of the report kept with the run (and answered); the CLI streams every line to its report file. */
export const REPORT_LIMIT = 1000;

export interface ImportSource {
  /** Opens the file from the start (the import reads it twice). */
  open(): Readable;
  fileName: string;
  format: FileFormat;
}

export interface ImportProgress {
  phase: 'check' | 'write';
  rows: number;
  /** Known in the write phase: the lines the check counted. */
  total: number | null;
}

export interface ImportOptions {
  mapping: string;
  dryRun: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Every line of the report as it is found (the CLI writes them to a file; the run keeps the first 1,000). */
  onReportLine?: (line: ReportLine) => void;
}

class DryRunRollback extends Error {}

/**
 * The import's scope in the database: every area of the municipality, for this transaction only. The functional
 * administrator sees no resident in the application (dbScopeOf gives the admin role none); the import writes
 * residents of every area, and row-level security checks each row against this scope (a named exception, ADR 0024).
 */
function importScope(p: Principal, areaIds: string[]): DbScope {
  return { municipalityId: p.municipalityId, userId: p.userId, areaIds, partnerOrganisationId: null, candidates: false, residentId: null, system: false };
}

export function mappingOf(name: string): ColumnMapping {
  const mapping = MAPPINGS[name];
  if (!mapping) {
    throw problems.invalid([{ name: 'mapping', code: 'unknown', reason: `Onbekende koppeling "${name}". Kies uit: ${MAPPING_NAMES.join(', ')}.` }]);
  }
  return mapping;
}

/** Valid rows of the file in batches; every problem goes to onProblem (the check) or stops the write (see below). */
async function* batches(
  source: ImportSource,
  rules: Omit<LineRules, 'index'>,
  onProblem: (p: ReportLine) => void,
  onRow?: (n: number) => void,
): AsyncGenerator<ImportRow[]> {
  const records = readRecords(source.open(), source.format, rules.mapping);
  let lineRules: LineRules | null = null;
  const guard = new DuplicateGuard();
  let batch: ImportRow[] = [];
  let rows = 0;
  try {
    for await (const record of records) {
      if (!lineRules) {
        const header = headerIndex(rules.mapping, record.cells);
        if (header.problems.length > 0) {
          header.problems.forEach(onProblem);
          return;
        }
        lineRules = { ...rules, index: header.index };
        continue;
      }
      rows += 1;
      const { row, problems: lineProblems, bsn } = checkLine(lineRules, record.line, record.cells);
      lineProblems.forEach(onProblem);
      const duplicate = bsn ? guard.check(bsn, record.line) : null;
      if (duplicate) onProblem(duplicate);
      else if (row) batch.push(row);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
      if (onRow && rows % 500 === 0) onRow(rows);
    }
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    onProblem({ line: err.line, column: null, code: err.code, message: err.message });
    return;
  }
  if (!lineRules) onProblem({ line: 0, column: null, code: 'empty', message: 'Het bestand is leeg: er staat geen kopregel in.' });
  if (batch.length > 0) yield batch;
  onRow?.(rows);
}

export interface ImportOutcome {
  id: string;
  status: 'invalid' | 'checked' | 'imported';
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  report: ReportLine[];
}

export async function runImport(ctx: RequestContext, source: ImportSource, options: ImportOptions): Promise<ImportOutcome> {
  const mapping = mappingOf(options.mapping);
  const startedAt = new Date();
  const id = randomUUID();
  const { areaIds, ranges } = await ctx.transaction((tx) => organisation.postcodeRanges(tx));
  const rules = { mapping, ranges, today: todayInNl(), areaWord: ctx.principal.terms?.area ?? 'wijk' };

  // Pass 1: every line checked, nothing written.
  const report: ReportLine[] = [];
  let errorCount = 0;
  let totalRows = 0;
  const onProblem = (p: ReportLine) => {
    errorCount += 1;
    if (report.length < REPORT_LIMIT) report.push(p);
    options.onReportLine?.(p);
  };
  for await (const batch of batches(source, rules, onProblem, (n) => {
    totalRows = n;
    options.onProgress?.({ phase: 'check', rows: n, total: null });
  })) {
    void batch;
  }

  const run = (status: ImportOutcome['status'], created = 0, updated = 0) => ({
    id,
    mapping: mapping.name,
    file_name: source.fileName.slice(0, 255) || 'bestand',
    file_format: source.format,
    dry_run: options.dryRun,
    status,
    total_rows: totalRows,
    created_count: created,
    updated_count: updated,
    unchanged_count: status === 'invalid' ? 0 : totalRows - created - updated,
    error_count: errorCount,
    report,
    started_by: ctx.principal.userId,
    started_at: startedAt,
    finished_at: new Date(),
  });
  const outcome = (status: ImportOutcome['status'], created = 0, updated = 0): ImportOutcome => ({
    id,
    status,
    dryRun: options.dryRun,
    totalRows,
    created,
    updated,
    unchanged: status === 'invalid' ? 0 : totalRows - created - updated,
    errorCount,
    report,
  });

  if (errorCount > 0) {
    await ctx.transaction(async (tx, log) => {
      await importsStore(tx, ctx.principal.municipalityId).insertRun(run('invalid'));
      log.aggregate({ action: 'imports.check' });
    });
    return outcome('invalid');
  }

  // Pass 2: one transaction for the whole file; a dry run rolls it back.
  let created = 0;
  let updated = 0;
  try {
    await ctx.transaction(async (tx, log) => {
      await applyScope(tx, importScope(ctx.principal, areaIds));
      let written = 0;
      const changedUnderway = (p: ReportLine) => {
        throw problems.conflict(`Het bestand is veranderd tijdens de import (regel ${p.line}: ${p.message}). Er is niets ingelezen; start de import opnieuw.`);
      };
      // The next batch is read and checked while PostgreSQL writes this one (two processes, two cores).
      const it = batches(source, rules, changedUnderway);
      try {
        for (let next = it.next(); ; ) {
          const step = await next;
          if (step.done) break;
          const batch = step.value;
          next = it.next();
          next.catch(() => undefined); // its failure is seen when it is awaited above
          const result = await residents.importResidents(tx, ctx.principal, batch);
          created += result.created.length;
          updated += result.updated.length;
          log.subjects(result.created, { action: 'imports.residents.create' });
          log.subjects(result.updated, { action: 'imports.residents.update' });
          // Written per batch, in this transaction: the log of 400,000 residents is not held in memory until commit.
          await insertProcessingLogRows(tx, log.take());
          written += batch.length;
          options.onProgress?.({ phase: 'write', rows: written, total: totalRows });
        }
      } finally {
        await it.return(undefined);
      }
      if (options.dryRun) throw new DryRunRollback();
      await importsStore(tx, ctx.principal.municipalityId).insertRun(run('imported', created, updated));
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
    await ctx.transaction(async (tx, log) => {
      await importsStore(tx, ctx.principal.municipalityId).insertRun(run('checked', created, updated));
      log.aggregate({ action: 'imports.check' });
    });
    return outcome('checked', created, updated);
  }
  return outcome('imported', created, updated);
}

function presentRun(r: ImportRunRow) {
  return {
    id: r.id,
    mapping: r.mapping,
    fileName: r.file_name,
    fileFormat: r.file_format as FileFormat,
    dryRun: r.dry_run,
    status: r.status as ImportOutcome['status'],
    totalRows: r.total_rows,
    created: r.created_count,
    updated: r.updated_count,
    unchanged: r.unchanged_count,
    errorCount: r.error_count,
    startedBy: { id: r.started_by, displayName: r.started_by_name ?? '' },
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at.toISOString(),
  };
}

export async function listRuns(ctx: RequestContext) {
  const rows = await ctx.transaction((tx) => importsStore(tx, ctx.principal.municipalityId).listRuns(50));
  return wholeList(rows.map(presentRun));
}

export async function getRun(ctx: RequestContext, id: string) {
  const row = await ctx.transaction((tx) => importsStore(tx, ctx.principal.municipalityId).findRun(id));
  if (!row) throw problems.notFound('Deze import');
  return { ...presentRun(row), report: row.report };
}

/** The validation report as CSV (semicolons, as Dutch spreadsheets expect), with a BOM so Excel reads UTF-8. */
export function reportCsv(lines: readonly ReportLine[]): string {
  const q = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const body = lines.map((l) => [String(l.line), l.column ?? '', l.code, l.message].map(q).join(';'));
  return `\uFEFF${['regel;kolom;code;melding', ...body].join('\r\n')}\r\n`;
}

export function mappings() {
  return wholeList(
    Object.values(MAPPINGS).map((m) => ({ name: m.name, label: m.label, delimiter: m.delimiter, encoding: m.encoding, columns: Object.values(m.columns) })),
  );
}
