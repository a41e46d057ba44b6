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
  contactPersonAssignmentSchema,
  contactPersonChangeSchema,
  idParams,
  processingLogEntrySchema,
  residentCreateSchema,
  residentListQuerySchema,
  residentListSchema,
  residentSchema,
  residentUpdateSchema,
} from './residents.schema.ts';
import * as service from './residents.service.ts';
import { processingLogForResident } from './residents-log.service.ts';

const tags = ['Inwoners'];
const base = `${API_PREFIX}/residents`;
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

// Thin routes: parse (zod) → service → present. Access is declared per route; scope lives in the stores.
export const registerResidentRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    base,
    {
      config: { access: { permission: 'residents:list' } },
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
      config: { access: { permission: 'residents:create' } },
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
      config: { access: { permission: 'residents:read' } },
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
      config: { access: { permission: 'residents:update' } },
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
      config: { access: { permission: 'residents:readBsn' } },
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
      config: { access: { permission: 'residents:read' } },
      schema: {
        tags,
        summary: 'Geschiedenis van het vaste aanspreekpunt, met overdrachtsnotities',
        operationId: 'listContactPersonHistory',
        params: idParams,
        response: { 200: list(contactPersonAssignmentSchema) },
      },
    },
    async (req) => service.contactPersonHistory(req.ctx(), req.params.id),
  );

  r.put(
    `${base}/:id/contact-person`,
    {
      config: { access: { permission: 'residents:assignContactPerson' } },
      schema: {
        tags,
        summary: 'Vast aanspreekpunt wijzigen, met warme overdracht',
        operationId: 'changeContactPerson',
        params: idParams,
        body: contactPersonChangeSchema,
        response: { 200: list(contactPersonAssignmentSchema) },
      },
    },
    async (req) => service.changeContactPerson(req.ctx(), req.params.id, req.body),
  );

  r.get(
    `${base}/:id/consents`,
    {
      config: { access: { permission: 'residents:read' } },
      schema: { tags, summary: 'Toestemmingen om te delen', operationId: 'listConsents', params: idParams, response: { 200: list(consentSchema) } },
    },
    async (req) => service.listConsents(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/:id/consents`,
    {
      config: { access: { permission: 'residents:manageConsents' } },
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
      config: { access: { permission: 'residents:manageConsents' } },
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
      config: { access: { permission: 'residents:read' } },
      schema: {
        tags,
        summary: 'Contactmomenten',
        operationId: 'listContactMoments',
        params: idParams,
        response: { 200: list(contactMomentSchema) },
      },
    },
    async (req) => service.listContactMoments(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/:id/contact-moments`,
    {
      config: { access: { permission: 'residents:recordContact' } },
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
      config: { access: { permission: 'processingLog:read' } },
      schema: {
        tags: ['Logboek'],
        summary: 'Wie heeft de gegevens van deze inwoner verwerkt, wanneer en waarom',
        operationId: 'listResidentProcessingLog',
        params: idParams,
        response: { 200: list(processingLogEntrySchema) },
      },
    },
    async (req) => processingLogForResident(req.ctx(), req.params.id),
  );
};
