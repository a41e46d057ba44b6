import type { ColumnType } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';
import type { ReportLine } from './imports.rules.ts';

// The only SQL for import runs (migration 202612051501). The residents themselves are written by the residents
// module (residents.service.ts importResidents); a run stores counts and the report, never a resident's data.

interface ImportRunsTable {
  municipality_id: string;
  id: string;
  mapping: string;
  file_name: string;
  file_format: string;
  dry_run: boolean;
  status: string;
  total_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  error_count: number;
  report: ColumnType<ReportLine[], string, string>;
  started_by: string;
  started_at: Date;
  finished_at: Date;
}

type ImportTables = { import_runs: ImportRunsTable };

export interface ImportRunRow {
  id: string;
  mapping: string;
  file_name: string;
  file_format: string;
  dry_run: boolean;
  status: string;
  total_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  error_count: number;
  report: ReportLine[];
  started_by: string;
  started_by_name: string | null;
  started_at: Date;
  finished_at: Date;
}

export function importsStore(outer: Tx, municipalityId: string) {
  const tx = outer.withTables<ImportTables>();
  const m = municipalityId;

  function runs() {
    return tx
      .selectFrom('import_runs as ir')
      .leftJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'ir.municipality_id').onRef('s.id', '=', 'ir.started_by'))
      .select([
        'ir.id',
        'ir.mapping',
        'ir.file_name',
        'ir.file_format',
        'ir.dry_run',
        'ir.status',
        'ir.total_rows',
        'ir.created_count',
        'ir.updated_count',
        'ir.unchanged_count',
        'ir.error_count',
        'ir.report',
        'ir.started_by',
        's.display_name as started_by_name',
        'ir.started_at',
        'ir.finished_at',
      ])
      .where('ir.municipality_id', '=', m);
  }

  return {
    async insertRun(row: Omit<ImportRunsTable, 'municipality_id' | 'report'> & { report: ReportLine[] }) {
      await tx
        .insertInto('import_runs')
        .values({ ...row, municipality_id: m, report: JSON.stringify(row.report) })
        .execute();
    },

    async findRun(id: string): Promise<ImportRunRow | undefined> {
      return runs().where('ir.id', '=', id).executeTakeFirst() as Promise<ImportRunRow | undefined>;
    },

    async listRuns(limit: number): Promise<ImportRunRow[]> {
      return runs().orderBy('ir.started_at', 'desc').orderBy('ir.id', 'desc').limit(limit).execute() as Promise<ImportRunRow[]>;
    },
  };
}
