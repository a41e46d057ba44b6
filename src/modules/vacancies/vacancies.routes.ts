import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  ifMatchHeaders,
  vacancyCreateSchema,
  vacancyListQuerySchema,
  vacancyListSchema,
  vacancyParams,
  vacancySchema,
  vacancyUpdateSchema,
} from './vacancies.schema.ts';
import * as service from './vacancies.service.ts';

const tags = ['Vacatures'];
const base = `${API_PREFIX}/vacancies`;

// Thin routes. Reading needs vacancies:read; creating and changing needs vacancies:write (werkgeversadviseur).
// The list answers 403 to a role without the permission; a single vacancy (also of another municipality) 404.
export const registerVacancyRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'vacancies:read' as const } };
  const write = { access: { permission: 'vacancies:write' as const } };

  r.get(
    base,
    {
      config: { ...read, processing: { none: 'vacatures: geen persoonsgegevens' } },
      schema: { tags, summary: 'Vacatures zoeken (status, werkgever, tekst, binnen schooltijden)', operationId: 'listVacancies', querystring: vacancyListQuerySchema, response: { 200: vacancyListSchema } },
    },
    async (req) => service.listVacancies(req.ctx(), req.query),
  );

  r.post(
    base,
    { config: { ...write, processing: { none: 'vacatures: geen persoonsgegevens' } }, schema: { tags, summary: 'Een vacature toevoegen', operationId: 'createVacancy', body: vacancyCreateSchema, response: { 201: vacancySchema } } },
    async (req, reply) => {
      const { vacancy, etag } = await service.createVacancy(req.ctx(), req.body);
      return reply.status(201).header('ETag', etag).header('Location', `${base}/${vacancy.id}`).send(vacancy);
    },
  );

  r.get(
    `${base}/:id`,
    { config: { ...read, processing: { none: 'vacatures: geen persoonsgegevens' } }, schema: { tags, summary: 'Eén vacature (met ETag)', operationId: 'getVacancy', params: vacancyParams, response: { 200: vacancySchema } } },
    async (req, reply) => {
      const { vacancy, etag } = await service.getVacancy(req.ctx(), req.params.id);
      return reply.header('ETag', etag).send(vacancy);
    },
  );

  r.patch(
    `${base}/:id`,
    {
      config: { ...write, processing: { none: 'vacatures: geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Een vacature wijzigen of sluiten (If-Match verplicht)',
        operationId: 'updateVacancy',
        params: vacancyParams,
        headers: ifMatchHeaders,
        body: vacancyUpdateSchema,
        response: { 200: vacancySchema },
      },
    },
    async (req, reply) => {
      const { vacancy, etag } = await service.updateVacancy(req.ctx(), req.params.id, req.headers['if-match'], req.body);
      return reply.header('ETag', etag).send(vacancy);
    },
  );
};
