import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  benefitReturnBodySchema,
  benefitReturnSchema,
  outflowCreateSchema,
  outflowListSchema,
  outflowSchema,
  partialWorkBodySchema,
  partialWorkListSchema,
  partialWorkParams,
  partialWorkSchema,
  residentParams,
} from './outflow.schema.ts';
import * as service from './outflow.service.ts';

const tags = ['Uitstroom'];
const base = `${API_PREFIX}/residents/:id`;

// Thin routes (PA-025). outflow:read/write: werkmatcher and teamleider for residents of their team's areas; anyone
// else (another area, the buurtteam, the policy officer) gets 404 for the resident or 403 for the permission.
export const registerOutflowRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'outflow:read' as const } };
  const write = { access: { permission: 'outflow:write' as const } };
  const pa = (action: string) => ({ activity: 'PA-025' as const, action, subjectParam: 'id' });

  r.post(
    `${base}/outflows`,
    {
      config: { ...write, processing: pa('outflow.register') },
      schema: {
        tags,
        summary: 'Uitstroom registreren: reden en datum; de uitkering stopt en de zaak sluit in één keer',
        operationId: 'registerOutflow',
        params: residentParams,
        body: outflowCreateSchema,
        response: { 201: outflowSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerOutflow(req.ctx(), req.params.id, req.body)),
  );

  r.get(
    `${base}/outflows`,
    { config: { ...read, processing: pa('outflow.list') }, schema: { tags, summary: 'Uitstroom van een inwoner (ook ongedaan gemaakte)', operationId: 'listResidentOutflows', params: residentParams, response: { 200: outflowListSchema } } },
    async (req) => service.listOutflows(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/benefit-returns`,
    {
      config: { ...write, processing: pa('outflow.return') },
      schema: {
        tags,
        summary: 'Terug in de bijstand: nieuwe uitkering en zaak; binnen 12 maanden telt de vorige uitstroom niet meer',
        operationId: 'registerBenefitReturn',
        params: residentParams,
        body: benefitReturnBodySchema,
        response: { 201: benefitReturnSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.returnToBenefit(req.ctx(), req.params.id, req.body.startDate)),
  );

  r.get(
    `${base}/partial-work`,
    { config: { ...read, processing: pa('partialWork.list') }, schema: { tags, summary: 'Parttime werk naast de uitkering, per maand', operationId: 'listPartialWork', params: residentParams, response: { 200: partialWorkListSchema } } },
    async (req) => service.listPartialWork(req.ctx(), req.params.id),
  );

  r.put(
    `${base}/partial-work/:month`,
    {
      config: { ...write, processing: pa('partialWork.record') },
      schema: {
        tags,
        summary: 'Uren en inkomsten (in centen) van een maand vastleggen of wijzigen',
        operationId: 'recordPartialWork',
        params: partialWorkParams,
        body: partialWorkBodySchema,
        response: { 200: partialWorkSchema },
      },
    },
    async (req) => service.recordPartialWork(req.ctx(), req.params.id, req.params.month, req.body),
  );
};
