import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  agreementCreateSchema,
  agreementSchema,
  contactCreateSchema,
  employerContactSchema,
  employerCreateSchema,
  employerListQuerySchema,
  employerListSchema,
  employerLocationSchema,
  employerParams,
  employerSchema,
  employerUpdateSchema,
  ifMatchHeaders,
  locationCreateSchema,
} from './employers.schema.ts';
import * as service from './employers.service.ts';

const tags = ['Werkgevers'];
const base = `${API_PREFIX}/employers`;

// Thin routes. Reading needs employers:read (werkmatcher, teamleider, werkgeversadviseur, beleidsmedewerker);
// changes need employers:write (werkgeversadviseur). The list answers 403 to a role without the permission; a single
// employer (also of another municipality) answers 404.
export const registerEmployerRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'employers:read' as const } };
  const write = { access: { permission: 'employers:write' as const } };

  r.get(
    base,
    { config: { ...read, processing: { none: 'werkgevers en hun afspraken, zonder contactpersonen' } }, schema: { tags, summary: 'Werkgevers zoeken (op naam), met open vacatures en afspraken', operationId: 'listEmployers', querystring: employerListQuerySchema, response: { 200: employerListSchema } } },
    async (req) => service.listEmployers(req.ctx(), req.query),
  );

  r.post(
    base,
    { config: { ...write, processing: { none: 'een werkgever (organisatie)' } }, schema: { tags, summary: 'Een werkgever toevoegen', operationId: 'createEmployer', body: employerCreateSchema, response: { 201: employerSchema } } },
    async (req, reply) => {
      const { employer, etag } = await service.createEmployer(req.ctx(), req.body);
      return reply.status(201).header('ETag', etag).header('Location', `${base}/${employer.id}`).send(employer);
    },
  );

  r.get(
    `${base}/:id`,
    { config: { ...read, processing: { activity: 'PA-017', action: 'employers.contacts.read', subject: 'employerContact' } }, schema: { tags, summary: 'Eén werkgever met vestigingen, contactpersonen, afspraken en vacatures', operationId: 'getEmployer', params: employerParams, response: { 200: employerSchema } } },
    async (req, reply) => {
      const { employer, etag } = await service.getEmployer(req.ctx(), req.params.id);
      return reply.header('ETag', etag).send(employer);
    },
  );

  r.patch(
    `${base}/:id`,
    {
      // The answer is the whole employer, with its business contacts (as getEmployer): a read of their data.
      config: { ...write, processing: { activity: 'PA-017', action: 'employers.contacts.read', subject: 'employerContact' } },
      schema: {
        tags,
        summary: 'Een werkgever wijzigen (If-Match verplicht)',
        operationId: 'updateEmployer',
        params: employerParams,
        headers: ifMatchHeaders,
        body: employerUpdateSchema,
        response: { 200: employerSchema },
      },
    },
    async (req, reply) => {
      const { employer, etag } = await service.updateEmployer(req.ctx(), req.params.id, req.headers['if-match'], req.body);
      return reply.header('ETag', etag).send(employer);
    },
  );

  r.post(
    `${base}/:id/locations`,
    { config: { ...write, processing: { none: 'een vestiging van een werkgever' } }, schema: { tags, summary: 'Een vestiging toevoegen', operationId: 'createEmployerLocation', params: employerParams, body: locationCreateSchema, response: { 201: employerLocationSchema } } },
    async (req, reply) => {
      const location = await service.addLocation(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('Location', `${base}/${req.params.id}`).send(location);
    },
  );

  r.post(
    `${base}/:id/contacts`,
    { config: { ...write, processing: { activity: 'PA-017', action: 'employers.contacts.create', subject: 'employerContact' } }, schema: { tags, summary: 'Een contactpersoon toevoegen', operationId: 'createEmployerContact', params: employerParams, body: contactCreateSchema, response: { 201: employerContactSchema } } },
    async (req, reply) => {
      const contact = await service.addContact(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('Location', `${base}/${req.params.id}`).send(contact);
    },
  );

  r.post(
    `${base}/:id/agreements`,
    {
      config: { ...write, processing: { none: 'een afspraak met een werkgever' } },
      schema: {
        tags,
        summary: 'Een afspraak vastleggen (intentieverklaring of akkoord tegen discriminatie)',
        operationId: 'createEmployerAgreement',
        params: employerParams,
        body: agreementCreateSchema,
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) => {
      const agreement = await service.addAgreement(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('Location', `${base}/${req.params.id}`).send(agreement);
    },
  );
};
