import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { registerFileName } from './algorithm-register.ts';
import { algorithmRegisterEntrySchema, fairnessMonitorSchema, monitorQuerySchema, registerQuerySchema } from './fairness.schema.ts';
import * as service from './fairness.service.ts';

// The beleidsmedewerker's fairness monitor (fairness:read, aggregates only) and the Algoritmeregister entry
// (algorithmRegister:read: beleidsmedewerker and privacy officer). Both are collections for the preHandler:
// another role gets 403. The register entry holds no personal data, but it is not public: it names the municipality
// as it is configured, and it is published by the municipality, not served to anyone who asks.
export const registerFairnessRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${API_PREFIX}/fairness/monitor`,
    {
      config: { access: { permission: 'fairness:read' }, processing: { activity: 'PA-016', action: 'fairness.monitor', subject: 'aggregate' } },
      schema: {
        tags: ['Eerlijkheidsmonitor'],
        summary: 'Eerlijkheidsmonitor: per groep hoeveel inwoners vacatures zagen, een voorstel, gesprek en plaatsing kregen',
        operationId: 'getFairnessMonitor',
        querystring: monitorQuerySchema,
        response: { 200: fairnessMonitorSchema },
      },
    },
    async (req) => service.fairnessMonitor(req.ctx(), req.query),
  );

  r.get(
    `${API_PREFIX}/algorithm-register/matcher`,
    {
      config: { access: { permission: 'algorithmRegister:read' }, processing: { none: 'de beschrijving van het algoritme voor het Algoritmeregister' } },
      schema: {
        tags: ['Algoritmeregister'],
        summary: 'Vermelding van de matcher voor het Algoritmeregister (JSON)',
        operationId: 'getMatcherAlgorithmRegisterEntry',
        querystring: registerQuerySchema,
        response: { 200: algorithmRegisterEntrySchema },
      },
    },
    async (req, reply) => {
      const entry = service.algorithmRegister(req.ctx());
      if (req.query.download === 'true') reply.header('Content-Disposition', `attachment; filename="${registerFileName(entry.version)}"`);
      return entry;
    },
  );
};
