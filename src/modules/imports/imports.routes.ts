import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { problems } from '../../platform/http/problem.ts';
import { formatOf } from './imports.reader.ts';
import {
  CSV_TYPES,
  UPLOAD_LIMIT_BYTES,
  XLSX_TYPE,
  importParams,
  importQuerySchema,
  importRunDetailSchema,
  importRunListSchema,
  mappingListSchema,
} from './imports.schema.ts';
import * as service from './imports.service.ts';

// The functional administrator's import page (imports:run): upload an export, see the report per line, download it.
// The body is the file itself (text/csv or xlsx), at most 64 MB: Fastify refuses a larger one from its
// Content-Length (or while counting a chunked body) with 413 and closes that connection; others go on being served.
export const registerImportRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Import'];
  const base = `${API_PREFIX}/imports`;

  for (const type of [...CSV_TYPES, XLSX_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES }, (_req, body, done) => done(null, body));
  }

  r.get(
    `${base}/mappings`,
    {
      config: { access: { permission: 'imports:read' }, processing: { none: 'de opgeslagen kolomkoppelingen, geen persoonsgegevens' } },
      schema: { tags, summary: 'De opgeslagen kolomkoppelingen per bronsysteem', operationId: 'listImportMappings', response: { 200: mappingListSchema } },
    },
    async () => service.mappings(),
  );

  r.post(
    base,
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      config: { access: { permission: 'imports:run' }, processing: service.IMPORT_PROCESSING },
      schema: {
        tags,
        summary: 'Een export van de uitkeringsadministratie controleren en (zonder fouten) in één keer inlezen',
        operationId: 'createImport',
        querystring: importQuerySchema,
        consumes: [...CSV_TYPES, XLSX_TYPE],
        body: z.any().meta({ type: 'string', format: 'binary', description: 'Het bestand: CSV of XLSX, hoogstens 64 MB' }),
        response: { 201: importRunDetailSchema },
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw problems.invalid([{ name: 'body', code: 'required', reason: 'Kies een bestand (CSV of XLSX) om te uploaden.' }], 'Er is geen bestand meegestuurd.');
      }
      const format = req.headers['content-type']?.startsWith(XLSX_TYPE) ? 'xlsx' : formatOf(req.query.fileName, body);
      const out = await service.runImport(
        req.ctx(),
        { open: () => Readable.from([body]), fileName: req.query.fileName, format },
        { mapping: req.query.mapping, dryRun: req.query.dryRun },
      );
      const run = await service.getRun(req.ctx(), out.id);
      return reply.status(201).header('Location', `${base}/${out.id}`).send(run);
    },
  );

  r.get(
    base,
    {
      config: { access: { permission: 'imports:read' }, processing: { none: 'tellingen per import, geen gegevens van inwoners' } },
      schema: { tags, summary: 'De laatste 50 imports', operationId: 'listImports', response: { 200: importRunListSchema } },
    },
    async (req) => service.listRuns(req.ctx()),
  );

  r.get(
    `${base}/:importId`,
    {
      config: { access: { permission: 'imports:read' }, processing: { none: 'tellingen en het rapport per regel, zonder de waarden zelf' } },
      schema: { tags, summary: 'Eén import met het rapport per regel', operationId: 'getImport', params: importParams, response: { 200: importRunDetailSchema } },
    },
    async (req) => service.getRun(req.ctx(), req.params.importId),
  );

  r.get(
    `${base}/:importId/report`,
    {
      config: { access: { permission: 'imports:read' }, processing: { none: 'het rapport per regel, zonder de waarden zelf' } },
      schema: {
        tags,
        summary: 'Het rapport per regel als CSV (puntkomma, UTF-8)',
        operationId: 'getImportReport',
        params: importParams,
        produces: ['text/csv'],
        response: { 200: z.string().meta({ format: 'binary', description: 'CSV: regel;kolom;code;melding' }) },
      },
    },
    async (req, reply) => {
      const run = await service.getRun(req.ctx(), req.params.importId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="importrapport-${run.id.slice(0, 8)}.csv"`)
        .header('Cache-Control', 'no-store')
        .send(service.reportCsv(run.report));
    },
  );
};
