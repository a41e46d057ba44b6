import { z } from 'zod';
import { listSchema } from '../../platform/http/list.ts';
import { MAPPING_NAMES } from './imports.mappings.ts';

// Request and response schemas of the bulk import (issue 15, ADR 0024).

/** The largest export the upload takes: a municipality of 40,000 residents is about 6 MB; larger files use the CLI. */
export const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

export const CSV_TYPES = ['text/csv', 'application/csv'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importQuerySchema = z.object({
  mapping: z.enum(MAPPING_NAMES).describe('De opgeslagen kolomkoppeling van het bronsysteem (suite4sd, gws4all, socrates)'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: alleen controleren en tellen, niets opslaan'),
  fileName: z.string().min(1).max(255).default('export.csv').describe('De naam van het bestand (voor het overzicht)'),
});

export const importParams = z.object({ importId: z.uuid().describe('Id van de import') });

const reportLineSchema = z
  .object({
    line: z.number().int().min(0).describe('Regel in het bestand (kopregel = 1; 0 = het bestand als geheel)'),
    column: z.string().nullable().describe('De kolom zoals de export hem noemt'),
    code: z.string(),
    message: z.string().describe('Wat er mis is en hoe u het oplost (zonder de waarde zelf)'),
  })
  .meta({ id: 'ImportReportLine' });

const runFields = {
  id: z.uuid(),
  mapping: z.string(),
  fileName: z.string(),
  fileFormat: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean(),
  status: z.enum(['invalid', 'checked', 'imported']).describe('invalid: niets ingelezen (zie rapport); checked: proefrun; imported: ingelezen'),
  totalRows: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  errorCount: z.number().int().min(0),
  startedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
};

export const importRunSchema = z.object(runFields).meta({ id: 'ImportRun' });
export const importRunDetailSchema = z
  .object({ ...runFields, report: z.array(reportLineSchema).describe('De eerste 1.000 regels van het rapport') })
  .meta({ id: 'ImportRunDetail' });
export const importRunListSchema = listSchema(importRunSchema, 'ImportRunList');

export const mappingListSchema = listSchema(
  z
    .object({
      name: z.string(),
      label: z.string(),
      delimiter: z.string(),
      encoding: z.string(),
      columns: z.array(z.string()).describe('De kolommen die de export moet hebben'),
    })
    .meta({ id: 'ImportMapping' }),
  'ImportMappingList',
);
