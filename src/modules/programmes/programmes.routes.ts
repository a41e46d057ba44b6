import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  dashboardQuerySchema,
  dashboardSchema,
  expenditureCreateSchema,
  expenditureListSchema,
  expenditureSchema,
  exportQuerySchema,
  programmeCreateSchema,
  programmeListSchema,
  programmeParams,
  programmeSchema,
  reportQuerySchema,
  snapshotListSchema,
} from './programmes.schema.ts';
import * as service from './programmes.service.ts';
import * as output from './programmes.output.ts';

const tags = ["Programma's"];
const base = `${API_PREFIX}/programmes`;
const NONE = { none: "een programma (doel, budget, actielijnen) bevat geen persoonsgegevens" };

// Thin routes (issue 12). programmes:read/write: the policy officer. The dashboard, its exports and the council report
// are aggregates only (PA-026, PA-027): one log entry with the subject 'aggregate', no resident named.
export const registerProgrammeRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'programmes:read' as const } };
  const write = { access: { permission: 'programmes:write' as const } };
  const binary = (description: string) => z.string().meta({ format: 'binary', description });

  r.get(base, { config: { ...read, processing: NONE }, schema: { tags, summary: "Programma's van de gemeente", operationId: 'listProgrammes', response: { 200: programmeListSchema } } }, async (req) =>
    service.listProgrammes(req.ctx()),
  );

  r.post(
    base,
    {
      config: { ...write, processing: NONE },
      schema: { tags, summary: 'Een programma vastleggen: doelgroep, doel boven de basislijn, periode, actielijnen met budget', operationId: 'createProgramme', body: programmeCreateSchema, response: { 201: programmeSchema } },
    },
    async (req, reply) => {
      const p = await service.createProgramme(req.ctx(), req.body);
      return reply.status(201).header('Location', `${base}/${p.id}`).send(p);
    },
  );

  r.get(`${base}/:id`, { config: { ...read, processing: NONE }, schema: { tags, summary: 'Eén programma met budget en uitgaven per actielijn', operationId: 'getProgramme', params: programmeParams, response: { 200: programmeSchema } } }, async (req) =>
    service.getProgramme(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/:id/expenditures`,
    { config: { ...read, processing: NONE }, schema: { tags, summary: 'Uitgaven van een programma', operationId: 'listProgrammeExpenditures', params: programmeParams, response: { 200: expenditureListSchema } } },
    async (req) => service.listExpenditures(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/:id/expenditures`,
    {
      config: { ...write, processing: NONE },
      schema: { tags, summary: 'Een uitgave vastleggen op een actielijn (in centen)', operationId: 'addProgrammeExpenditure', params: programmeParams, body: expenditureCreateSchema, response: { 201: expenditureSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addExpenditure(req.ctx(), req.params.id, req.body)),
  );

  r.get(
    `${base}/:id/dashboard`,
    {
      config: { ...read, processing: { activity: 'PA-026', action: 'programmes.dashboard', subject: 'aggregate' } },
      schema: {
        tags,
        summary: 'Voortgang: uitstroom tegen de basislijn, per wijk en groep, contact, kosten en KPI’s (kleine aantallen onderdrukt)',
        operationId: 'getProgrammeDashboard',
        params: programmeParams,
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => service.dashboard(req.ctx(), req.params.id, req.query),
  );

  r.get(
    `${base}/:id/snapshots`,
    { config: { ...read, processing: NONE }, schema: { tags, summary: 'Bevroren maandstanden', operationId: 'listProgrammeSnapshots', params: programmeParams, response: { 200: snapshotListSchema } } },
    async (req) => service.listSnapshots(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/:id/dashboard/csv`,
    {
      config: { ...read, processing: { activity: 'PA-026', action: 'programmes.export', subject: 'aggregate' } },
      schema: { tags, summary: 'Alle tabellen van het dashboard als CSV', operationId: 'exportProgrammeDashboardCsv', params: programmeParams, querystring: exportQuerySchema, produces: ['text/csv'], response: { 200: binary('CSV (puntkomma, UTF-8)') } },
    },
    async (req, reply) => {
      const { body, fileName } = await output.csv(req.ctx(), req.params.id, req.query);
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${fileName}"`).send(body);
    },
  );

  r.get(
    `${base}/:id/dashboard/xlsx`,
    {
      config: { ...read, processing: { activity: 'PA-026', action: 'programmes.export', subject: 'aggregate' } },
      schema: {
        tags,
        summary: 'Alle tabellen van het dashboard als Excel-bestand (XLSX)',
        operationId: 'exportProgrammeDashboardXlsx',
        params: programmeParams,
        querystring: exportQuerySchema,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: binary('XLSX, één werkblad per tabel') },
      },
    },
    async (req, reply) => {
      const { body, fileName } = await output.xlsx(req.ctx(), req.params.id, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .send(body as unknown as string);
    },
  );

  r.get(
    `${base}/:id/report/pdf`,
    {
      config: { ...read, processing: { activity: 'PA-027', action: 'programmes.report', subject: 'aggregate' } },
      schema: {
        tags,
        summary: 'Raadsrapportage als toegankelijke pdf (bevroren maandstand als die er is)',
        operationId: 'downloadProgrammeReportPdf',
        params: programmeParams,
        querystring: reportQuerySchema,
        produces: ['application/pdf'],
        response: { 200: binary('Getagde pdf, taal nl-NL, grafieken met alternatieve tekst') },
      },
    },
    async (req, reply) => {
      const { body, fileName } = await output.report(req.ctx(), req.params.id, req.query.month);
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(body as unknown as string);
    },
  );
};
