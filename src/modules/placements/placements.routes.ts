import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  followUpBodySchema,
  followUpParams,
  ifMatchHeaders,
  placementCreateSchema,
  placementListQuerySchema,
  placementListSchema,
  placementParams,
  placementSchema,
  residentParams,
} from './placements.schema.ts';
import * as service from './placements.service.ts';

const tags = ['Plaatsingen'];
const base = `${API_PREFIX}/placements`;

// Thin routes (PA-015). placements:read/write: werkmatcher and teamleider for residents in their scope, the
// werkgeversadviseur only for a placement from a proposal revealed to him. Outside that: 404 on single records.
export const registerPlacementRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'placements:read' as const } };
  const write = { access: { permission: 'placements:write' as const } };

  r.post(
    base,
    {
      // A placement that ends the benefit registers the outflow in the same transaction (issue 12, PA-025).
      config: { ...write, processing: { activity: 'PA-015', action: 'placements.create', also: [{ activity: 'PA-025', action: 'outflow.register' }] } },
      schema: {
        tags,
        summary: 'Een plaatsing vastleggen: nazorg, uitstroom (de uitkering stopt, de zaak sluit), voorstel en vacature in één keer',
        operationId: 'createPlacement',
        body: placementCreateSchema,
        response: { 201: placementSchema },
      },
    },
    async (req, reply) => {
      const { placement, etag } = await service.createPlacement(req.ctx(), req.body);
      return reply.status(201).header('ETag', etag).header('Location', `${base}/${placement.id}`).send(placement);
    },
  );

  r.get(
    base,
    {
      config: { ...read, processing: { activity: 'PA-015', action: 'placements.list' } },
      schema: { tags, summary: 'Plaatsingen binnen uw bereik (optioneel: nazorg binnenkort of te laat)', operationId: 'listPlacements', querystring: placementListQuerySchema, response: { 200: placementListSchema } },
    },
    async (req) => service.listPlacements(req.ctx(), req.query),
  );

  r.get(
    `${base}/:id`,
    { config: { ...read, processing: { activity: 'PA-015', action: 'placements.read' } }, schema: { tags, summary: 'Eén plaatsing met nazorg (met ETag)', operationId: 'getPlacement', params: placementParams, response: { 200: placementSchema } } },
    async (req, reply) => {
      const { placement, etag } = await service.getPlacement(req.ctx(), req.params.id);
      return reply.header('ETag', etag).send(placement);
    },
  );

  r.get(
    `${API_PREFIX}/residents/:id/placements`,
    { config: { ...read, processing: { activity: 'PA-015', action: 'placements.list', subjectParam: 'id' } }, schema: { tags, summary: 'Plaatsingen van een inwoner', operationId: 'listResidentPlacements', params: residentParams, response: { 200: placementListSchema } } },
    async (req) => service.residentPlacements(req.ctx(), req.params.id),
  );

  r.put(
    `${base}/:id/follow-ups/:months`,
    {
      config: { ...write, processing: { activity: 'PA-015', action: 'placements.followUp.record' } },
      schema: {
        tags,
        summary: 'Nazorg vastleggen: werkt de inwoner er nog? (If-Match verplicht)',
        operationId: 'recordPlacementFollowUp',
        params: followUpParams,
        headers: ifMatchHeaders,
        body: followUpBodySchema,
        response: { 200: placementSchema },
      },
    },
    async (req, reply) => {
      const { placement, etag } = await service.recordFollowUp(req.ctx(), req.params.id, Number(req.params.months), req.headers['if-match'], req.body);
      return reply.header('ETag', etag).send(placement);
    },
  );
};
