import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  activityListSchema,
  erasureAssessmentSchema,
  erasureBodySchema,
  erasureListQuery,
  erasureRequestListSchema,
  erasureResultSchema,
  actorListSchema,
  exportParams,
  exportQuery,
  logQuerySchema,
  lookupBodySchema,
  lookupResultSchema,
  privacyLogEntryListSchema,
} from './privacy.schema.ts';
import * as service from './privacy.service.ts';
import { z } from 'zod';

// The privacy officer's pages (privacy:inspect): a resident's processing by BSN (with a reason, logged), the log
// filtered by actor, activity and period, the register of processing activities, and the export that answers a
// subject access request (PA-019). Collections answer 403 to other roles, the export (one resident) 404.
export const registerPrivacyRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Privacy'];
  const base = `${API_PREFIX}/privacy`;

  r.post(
    `${base}/lookups`,
    {
      config: { access: { permission: 'privacy:inspect' }, processing: { activity: 'PA-007', action: 'privacy.lookup' } },
      schema: {
        tags,
        summary: 'Verwerkingen van een inwoner opzoeken op BSN, met een reden (de opzoeking komt zelf in het logboek)',
        operationId: 'lookupResidentProcessing',
        body: lookupBodySchema,
        response: { 200: lookupResultSchema },
      },
    },
    async (req) => service.lookupResident(req.ctx(), req.body),
  );

  // Issue 16: an erasure request (AVG art. 17), decided at once: erased, or refused with the legal reason.
  r.post(
    `${base}/erasure-requests`,
    {
      config: { access: { permission: 'privacy:erase' }, processing: { activity: 'PA-042', action: 'privacy.erasure' } },
      schema: {
        tags,
        summary: 'Een verzoek om gegevenswissing (art. 17 AVG) afhandelen: gewist, of geweigerd met de wettelijke reden',
        operationId: 'createErasureRequest',
        body: erasureBodySchema,
        response: { 201: erasureResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.decideErasure(req.ctx(), req.body)),
  );

  // Issue 16: what the law says before the privacy officer decides (nothing changes), and the decisions taken.
  r.post(
    `${base}/erasure-assessments`,
    {
      config: { access: { permission: 'privacy:erase' }, processing: { activity: 'PA-042', action: 'privacy.erasureAssessment' } },
      schema: {
        tags,
        summary: 'Vooraf nagaan wat de wet zegt over een verzoek om gegevenswissing (er verandert niets)',
        operationId: 'assessErasureRequest',
        body: erasureBodySchema,
        response: { 200: erasureAssessmentSchema },
      },
    },
    async (req) => service.assessErasureRequest(req.ctx(), req.body),
  );

  r.get(
    `${base}/erasure-requests`,
    {
      config: { access: { permission: 'privacy:erase' }, processing: { activity: 'PA-042', action: 'privacy.erasureList', subject: 'aggregate' } },
      schema: {
        tags,
        summary: 'De besluiten op verzoeken om gegevenswissing, nieuwste eerst (onder pseudoniem: zonder namen van inwoners)',
        operationId: 'listErasureRequests',
        querystring: erasureListQuery,
        response: { 200: erasureRequestListSchema },
      },
    },
    async (req) => service.listErasureRequests(req.ctx(), req.query),
  );

  r.get(
    `${base}/processing-log`,
    {
      config: { access: { permission: 'privacy:inspect' }, processing: { activity: 'PA-007', action: 'privacy.searchLog', subject: 'aggregate' } },
      schema: {
        tags,
        summary: 'Het logboek van verwerkingen, te filteren op medewerker, verwerkingsactiviteit en periode',
        operationId: 'searchProcessingLog',
        querystring: logQuerySchema,
        response: { 200: privacyLogEntryListSchema },
      },
    },
    async (req) => service.searchLog(req.ctx(), req.query),
  );

  r.get(
    `${base}/actors`,
    {
      config: { access: { permission: 'privacy:inspect' }, processing: { none: 'medewerkers van de gemeente die in het logboek staan, geen gegevens van inwoners' } },
      schema: {
        tags,
        summary: 'Medewerkers die in het logboek voorkomen (keuzes voor het filter)',
        operationId: 'listProcessingLogActors',
        response: { 200: actorListSchema },
      },
    },
    async (req) => service.listActors(req.ctx()),
  );

  r.get(
    `${base}/processing-activities`,
    {
      config: { access: { permission: 'privacy:inspect' }, processing: { none: 'het register van verwerkingsactiviteiten zelf, zonder persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Het register van verwerkingsactiviteiten (art. 30 AVG)',
        operationId: 'listProcessingActivities',
        response: { 200: activityListSchema },
      },
    },
    async () => service.listActivities(),
  );

  r.get(
    `${base}/residents/:id/subject-access-export`,
    {
      config: {
        access: { permission: 'privacy:inspect' },
        processing: { activity: 'PA-019', action: 'privacy.subjectAccessExport', subjectParam: 'id' },
      },
      schema: {
        tags,
        summary: 'Inzageverzoek: alles wat het logboek over een inwoner zegt, als getagde pdf, csv of json',
        operationId: 'exportSubjectAccess',
        params: exportParams,
        querystring: exportQuery,
        produces: ['application/pdf', 'text/csv', 'application/json'],
        response: { 200: z.string().meta({ format: 'binary', description: 'Getagde pdf (nl-NL), csv (puntkomma, UTF-8) of json' }) },
      },
    },
    async (req, reply) => {
      const file = await service.subjectAccessExport(req.ctx(), req.params.id, req.query.format);
      return reply
        .type(file.type)
        .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .header('Cache-Control', 'no-store')
        // Bytes are sent as they are (no serializer); the string schema above only documents the body.
        .send(file.body as unknown as string);
    },
  );
};
