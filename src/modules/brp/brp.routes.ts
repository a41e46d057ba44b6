import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { brpLookupBodySchema, brpPersonSchema } from './brp.schema.ts';
import * as service from './brp.service.ts';

// The BRP lookup (brp:lookup, werkmatchers and teamleiders): a POST, so the BSN is never in a URL or access log.
export const registerBrpRoutes: RouteRegistrar = (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    `${API_PREFIX}/brp/person-lookups`,
    {
      config: { access: { permission: 'brp:lookup' }, processing: { activity: 'PA-038', action: 'brp.lookup' } },
      schema: {
        tags: ['BRP'],
        summary: 'Een persoon opzoeken in de BRP (Haal Centraal) op BSN: naam, adres en gezinssamenstelling om het inschrijfformulier te vullen',
        operationId: 'lookupBrpPerson',
        body: brpLookupBodySchema,
        response: { 200: brpPersonSchema },
      },
    },
    async (req) => service.lookup(req.ctx(), deps.config.brp, req.body.bsn),
  );
};
