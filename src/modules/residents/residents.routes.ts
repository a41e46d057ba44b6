import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  consentCreateSchema,
  consentParams,
  consentSchema,
  contactMomentCreateSchema,
  contactMomentSchema,
  contactPersonChangeSchema,
  idParams,
  residentCreateSchema,
  residentListQuerySchema,
  residentListSchema,
  residentSchema,
  residentUpdateSchema,
  consentListSchema,
  contactMomentListSchema,
  contactPersonHistorySchema,
  processingLogEntryListSchema,
} from './residents.schema.ts';
import * as service from './residents.service.ts';
import { processingLogForResident } from './residents-log.service.ts';

const tags = ['Inwoners'];
const base = `${API_PREFIX}/residents`;

// Thin routes: parse (zod) → service → present. Access is declared per route; scope lives in the stores.
export const registerResidentRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    base,
    {
      config: { access: { permission: 'residents:list' }, processing: { activity: 'PA-002', action: ['residents.list', 'residents.search'] } },
      schema: {
        tags,
        summary: 'Inwoners binnen uw bereik (caseload, zoeken op naam of BSN)',
        operationId: 'listResidents',
        querystring: residentListQuerySchema,
        response: { 200: residentListSchema },
      },
    },
    async (req) => service.listResidents(req.ctx(), req.query),
  );

  r.post(
    base,
    {
      config: { access: { permission: 'residents:create' }, processing: { activity: 'PA-001', action: 'residents.create' } },
      schema: { tags, summary: 'Inwoner toevoegen', operationId: 'createResident', body: residentCreateSchema, response: { 201: residentSchema } },
    },
    async (req, reply) => {
      const { resident, etag } = await service.createResident(req.ctx(), req.body);
      return reply.status(201).header('ETag', etag).header('Location', `${base}/${resident.id}`).send(resident);
    },
  );

  r.get(
    `${base}/:id`,
    {
      config: { access: { permission: 'residents:read' }, processing: { activity: ['PA-001', 'PA-005'], action: 'residents.read', subjectParam: 'id' } },
      schema: { tags, summary: 'Eén inwoner', operationId: 'getResident', params: idParams, response: { 200: residentSchema } },
    },
    async (req, reply) => {
      const { resident, etag } = await service.getResident(req.ctx(), req.params.id);
      reply.header('ETag', etag);
      return resident;
    },
  );

  r.patch(
    `${base}/:id`,
    {
      config: { access: { permission: 'residents:update' }, processing: { activity: 'PA-001', action: 'residents.update', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Gegevens van een inwoner wijzigen (If-Match verplicht)',
        operationId: 'updateResident',
        params: idParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: residentUpdateSchema,
        response: { 200: residentSchema },
      },
    },
    async (req, reply) => {
      const { resident, etag } = await service.updateResident(req.ctx(), req.params.id, req.headers['if-match'], req.body);
      reply.header('ETag', etag);
      return resident;
    },
  );

  r.get(
    `${base}/:id/bsn`,
    {
      config: { access: { permission: 'residents:readBsn' }, processing: { activity: 'PA-006', action: 'residents.bsn.reveal', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Het volledige BSN tonen (wordt gelogd)',
        operationId: 'getResidentBsn',
        params: idParams,
        response: { 200: z.object({ bsn: z.string() }) },
      },
    },
    async (req) => service.revealBsn(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/:id/contact-person-history`,
    {
      config: { access: { permission: 'residents:read' }, processing: { activity: 'PA-003', action: 'residents.contactPerson.history', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Geschiedenis van het vaste aanspreekpunt, met overdrachtsnotities',
        operationId: 'listContactPersonHistory',
        params: idParams,
        response: { 200: contactPersonHistorySchema },
      },
    },
    async (req) => service.contactPersonHistory(req.ctx(), req.params.id),
  );

  r.put(
    `${base}/:id/contact-person`,
    {
      config: { access: { permission: 'residents:assignContactPerson' }, processing: { activity: 'PA-003', action: 'residents.contactPerson.change', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Vast aanspreekpunt wijzigen, met warme overdracht',
        operationId: 'changeContactPerson',
        params: idParams,
        body: contactPersonChangeSchema,
        response: { 200: contactPersonHistorySchema },
      },
    },
    async (req) => service.changeContactPerson(req.ctx(), req.params.id, req.body),
  );

  r.get(
    `${base}/:id/consents`,
    {
      config: { access: { permission: 'residents:read' }, processing: { activity: 'PA-004', action: 'residents.consents.list', subjectParam: 'id' } },
      schema: { tags, summary: 'Toestemmingen om te delen', operationId: 'listConsents', params: idParams, response: { 200: consentListSchema } },
    },
    async (req) => service.listConsents(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/:id/consents`,
    {
      config: { access: { permission: 'residents:manageConsents' }, processing: { activity: 'PA-004', action: 'residents.consents.grant', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Toestemming vastleggen',
        operationId: 'createConsent',
        params: idParams,
        body: consentCreateSchema,
        response: { 201: consentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.grantConsent(req.ctx(), req.params.id, req.body)),
  );

  r.post(
    `${base}/:id/consents/:consentId/withdraw`,
    {
      config: { access: { permission: 'residents:manageConsents' }, processing: { activity: 'PA-004', action: 'residents.consents.withdraw', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Toestemming intrekken (toegang stopt meteen)',
        operationId: 'withdrawConsent',
        params: consentParams,
        response: { 200: consentSchema },
      },
    },
    async (req) => service.withdrawConsent(req.ctx(), req.params.id, req.params.consentId),
  );

  r.get(
    `${base}/:id/contact-moments`,
    {
      config: { access: { permission: 'residents:read' }, processing: { activity: 'PA-001', action: 'residents.contactMoments.list', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Contactmomenten',
        operationId: 'listContactMoments',
        params: idParams,
        response: { 200: contactMomentListSchema },
      },
    },
    async (req) => service.listContactMoments(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/:id/contact-moments`,
    {
      config: { access: { permission: 'residents:recordContact' }, processing: { activity: 'PA-001', action: 'residents.contactMoments.create', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Contactmoment vastleggen',
        operationId: 'createContactMoment',
        params: idParams,
        body: contactMomentCreateSchema,
        response: { 201: contactMomentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordContactMoment(req.ctx(), req.params.id, req.body)),
  );

  r.get(
    `${base}/:id/processing-log`,
    {
      config: { access: { permission: 'processingLog:read' }, processing: { activity: 'PA-007', action: 'processingLog.inspect', subjectParam: 'id' } },
      schema: {
        tags: ['Logboek'],
        summary: 'Wie heeft de gegevens van deze inwoner verwerkt, wanneer en waarom',
        operationId: 'listResidentProcessingLog',
        params: idParams,
        response: { 200: processingLogEntryListSchema },
      },
    },
    async (req) => processingLogForResident(req.ctx(), req.params.id),
  );
};
