import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { PlanConflictError } from './plan-state.ts';
import {
  actionCreateSchema,
  actionParams,
  actionUpdateSchema,
  goalCreateSchema,
  goalParams,
  goalUpdateSchema,
  ifMatchHeaders,
  planConflictSchema,
  planCreateSchema,
  planHistorySchema,
  planSchema,
  planUpdateSchema,
  residentParams,
} from './plans.schema.ts';
import * as edit from './plans-edit.service.ts';
import * as service from './plans.service.ts';

const tags = ['Plan'];
const base = `${API_PREFIX}/residents/:id/plan`;
const path = (id: string) => `${API_PREFIX}/residents/${id}/plan`;

/** A stale write answers 412 problem+json carrying the current plan and what changed since the client's version. */
async function orConflict<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof PlanConflictError)) throw err;
    return reply.status(412).type('application/problem+json').header('ETag', err.etag).send(err.body());
  }
}

// Thin routes: parse (zod) → service → present. Reads need plans:read. Plan and goal changes need plans:write; action
// routes need plans:updateOwnActions (held by the area team and the buurtteam) and the service narrows it to 'own'.
// As everywhere in the API, a single-record route the role lacks the permission for answers 404, not 403
// (app.ts preHandler): the answer must not reveal whether the resident or the plan exists.
export const registerPlanRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writeResponses = { 200: planSchema, 412: planConflictSchema };

  r.get(
    base,
    {
      config: { access: { permission: 'plans:read' }, processing: { activity: 'PA-009', action: 'plans.read', subjectParam: 'id' } },
      schema: { tags, summary: 'Het actieve plan van een inwoner (met ETag)', operationId: 'getPlan', params: residentParams, response: { 200: planSchema } },
    },
    async (req, reply) => {
      const { plan, etag } = await service.getPlan(req.ctx(), req.params.id);
      return reply.header('ETag', etag).send(plan);
    },
  );

  r.post(
    base,
    {
      config: { access: { permission: 'plans:write' }, processing: { activity: 'PA-009', action: 'plans.create', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een plan maken (één actief plan per inwoner; 409 als er al een is)',
        operationId: 'createPlan',
        params: residentParams,
        body: planCreateSchema,
        response: { 201: planSchema },
      },
    },
    async (req, reply) => {
      const { plan, etag } = await service.createPlan(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('ETag', etag).header('Location', path(req.params.id)).send(plan);
    },
  );

  r.patch(
    base,
    {
      config: { access: { permission: 'plans:write' }, processing: { activity: 'PA-009', action: ['plans.update', 'plans.conflict'], subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Akkoord van de inwoner vastleggen of het plan afsluiten (If-Match verplicht)',
        operationId: 'updatePlan',
        params: residentParams,
        headers: ifMatchHeaders,
        body: planUpdateSchema,
        response: writeResponses,
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag } = await edit.updatePlan(req.ctx(), req.params.id, req.headers['if-match'], req.body);
        return reply.header('ETag', etag).send(plan);
      }),
  );

  r.post(
    `${base}/goals`,
    {
      config: { access: { permission: 'plans:write' }, processing: { activity: 'PA-009', action: ['plans.goals.create', 'plans.conflict'], subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een doel toevoegen (If-Match verplicht)',
        operationId: 'createPlanGoal',
        params: residentParams,
        headers: ifMatchHeaders,
        body: goalCreateSchema,
        response: { 201: planSchema, 412: planConflictSchema },
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag, createdId } = await edit.addGoal(req.ctx(), req.params.id, req.headers['if-match'], req.body);
        return reply.status(201).header('ETag', etag).header('Location', `${path(req.params.id)}/goals/${createdId}`).send(plan);
      }),
  );

  r.patch(
    `${base}/goals/:goalId`,
    {
      config: { access: { permission: 'plans:write' }, processing: { activity: 'PA-009', action: ['plans.goals.update', 'plans.conflict'], subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een doel wijzigen (If-Match verplicht)',
        operationId: 'updatePlanGoal',
        params: goalParams,
        headers: ifMatchHeaders,
        body: goalUpdateSchema,
        response: writeResponses,
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag } = await edit.updateGoal(req.ctx(), req.params.id, req.params.goalId, req.headers['if-match'], req.body);
        return reply.header('ETag', etag).send(plan);
      }),
  );

  r.post(
    `${base}/goals/:goalId/actions`,
    {
      config: { access: { permission: 'plans:updateOwnActions' }, processing: { activity: 'PA-009', action: ['plans.actions.create', 'plans.conflict'], subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een actie toevoegen aan een doel (buurtteam: alleen eigen acties; If-Match verplicht)',
        operationId: 'createPlanAction',
        params: goalParams,
        headers: ifMatchHeaders,
        body: actionCreateSchema,
        response: { 201: planSchema, 412: planConflictSchema },
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag, createdId } = await edit.addAction(req.ctx(), req.params.id, req.params.goalId, req.headers['if-match'], req.body);
        return reply.status(201).header('ETag', etag).header('Location', `${path(req.params.id)}/actions/${createdId}`).send(plan);
      }),
  );

  r.patch(
    `${base}/actions/:actionId`,
    {
      config: { access: { permission: 'plans:updateOwnActions' }, processing: { activity: 'PA-009', action: ['plans.actions.update', 'plans.conflict'], subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een actie bijwerken: status, datum, omschrijving, uitvoerder (buurtteam: eigen acties; If-Match verplicht)',
        operationId: 'updatePlanAction',
        params: actionParams,
        headers: ifMatchHeaders,
        body: actionUpdateSchema,
        response: writeResponses,
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag } = await edit.updateAction(req.ctx(), req.params.id, req.params.actionId, req.headers['if-match'], req.body);
        return reply.header('ETag', etag).send(plan);
      }),
  );

  r.get(
    `${base}/history`,
    {
      config: { access: { permission: 'plans:read' }, processing: { activity: 'PA-009', action: 'plans.history.read', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Geschiedenis van het plan: wie wat wanneer wijzigde',
        operationId: 'listPlanVersions',
        params: residentParams,
        response: { 200: planHistorySchema },
      },
    },
    async (req) => service.planHistory(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/pdf`,
    {
      config: { access: { permission: 'plans:read' }, processing: { activity: 'PA-009', action: 'plans.pdf', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Het plan voor de inwoner als toegankelijke pdf, in eenvoudig Nederlands',
        operationId: 'downloadPlanPdf',
        params: residentParams,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ format: 'binary', description: 'Getagde pdf (PDF/UA-opbouw), taal nl-NL' }) },
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await service.planPdf(req.ctx(), req.params.id);
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`)
        // Bytes are sent as they are (no serializer); the string schema above only documents the binary body.
        .send(pdf as unknown as string);
    },
  );
};
