import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { partnerWorklistSchema } from './partner-worklist.schema.ts';
import { getPartnerWorklist } from './partner-worklist.service.ts';

// The buurtteam professional's landing page (partnerWorklist:read). Other roles: 403 (a collection).
export const registerPartnerWorklistRoutes: RouteRegistrar = (app) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    `${API_PREFIX}/partner-worklist`,
    {
      config: { access: { permission: 'partnerWorklist:read' }, processing: { activity: 'PA-018', action: 'partnerWorklist.read' } },
      schema: {
        tags: ['Werklijst'],
        summary: 'Werklijst van de buurtteamprofessional: open acties, 3-gesprekken, toestemmingen die aflopen',
        operationId: 'getPartnerWorklist',
        response: { 200: partnerWorklistSchema },
      },
    },
    async (req) => getPartnerWorklist(req.ctx()),
  );
};
