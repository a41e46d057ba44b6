import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { problems } from '../../platform/http/problem.ts';
import { ESCO_ATTRIBUTION, getOccupation, searchOccupationsPage } from './esco.data.ts';
import { escoCodeParams, escoOccupationSchema, escoSearchQuerySchema, escoSearchResultSchema } from './esco.schema.ts';

const tags = ['ESCO'];

// ESCO is reference data (no personal data, nothing logged). Any staff member who works with vacancies or work
// profiles may search it: the collection answers 403 to others, a single occupation 404 (as everywhere).
export const registerEscoRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: { authenticated: true as const } };

  r.get(
    `${API_PREFIX}/esco/occupations`,
    {
      config: { ...access, processing: { none: 'ESCO-beroepen: geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Beroepen zoeken in ESCO (naam en synoniemen; begint-met eerst)',
        operationId: 'searchEscoOccupations',
        querystring: escoSearchQuerySchema,
        response: { 200: escoSearchResultSchema },
      },
    },
    async (req) => {
      const ctx = req.ctx();
      if (!ctx.can('vacancies:read') && !ctx.can('workProfiles:read')) throw problems.forbidden();
      return { ...searchOccupationsPage(req.query.q, req.query.limit), attribution: ESCO_ATTRIBUTION };
    },
  );

  r.get(
    `${API_PREFIX}/esco/occupations/:code`,
    {
      config: { ...access, processing: { none: 'ESCO-beroepen: geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Eén ESCO-beroep met omschrijving en synoniemen',
        operationId: 'getEscoOccupation',
        params: escoCodeParams,
        response: { 200: escoOccupationSchema },
      },
    },
    async (req) => {
      const ctx = req.ctx();
      const o = getOccupation(req.params.code);
      if (!o || (!ctx.can('vacancies:read') && !ctx.can('workProfiles:read'))) throw problems.notFound('Dit beroep');
      return { ...o, attribution: ESCO_ATTRIBUTION };
    },
  );
};
