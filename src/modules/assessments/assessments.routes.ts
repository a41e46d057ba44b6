import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  assessmentCreateSchema,
  assessmentHistorySchema,
  assessmentScalesSchema,
  assessmentSchema,
  barrierCreateSchema,
  barrierListSchema,
  barrierParams,
  barrierSchema,
  barrierUpdateSchema,
  idParams,
} from './assessments.schema.ts';
import * as service from './assessments.service.ts';

const tags = ['Situatie'];
const base = `${API_PREFIX}/residents/:id`;

// Thin routes: parse (zod) → service → present. Scope (area team or buurtteam with consent) lives in the
// residents store; a resident out of scope, or a barrier of another resident, is 404.
export const registerAssessmentRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${API_PREFIX}/assessment-scales`,
    {
      config: { access: { permission: 'assessments:read' }, processing: { none: 'de schalen van de Zelfredzaamheid-Matrix en de participatieladder' } },
      schema: {
        tags,
        summary: 'Domeinen en schaal van de Zelfredzaamheid-Matrix, de participatieladder en de statussen van belemmeringen',
        operationId: 'getAssessmentScales',
        response: { 200: assessmentScalesSchema },
      },
    },
    async () => service.assessmentScales(),
  );

  r.get(
    `${base}/assessments`,
    {
      config: { access: { permission: 'assessments:read' }, processing: { activity: 'PA-008', action: 'assessments.list', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Zelfredzaamheid-Matrix en participatieladder door de tijd, met trend per domein',
        operationId: 'listAssessments',
        params: idParams,
        response: { 200: assessmentHistorySchema },
      },
    },
    async (req) => service.listAssessments(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/assessments`,
    {
      config: { access: { permission: 'assessments:write' }, processing: { activity: 'PA-008', action: 'assessments.create', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Scores vastleggen (een of meer domeinen en/of de trede op de participatieladder)',
        operationId: 'createAssessment',
        params: idParams,
        body: assessmentCreateSchema,
        response: { 201: assessmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.recordAssessment(req.ctx(), req.params.id, req.body)),
  );

  r.get(
    `${base}/barriers`,
    {
      config: { access: { permission: 'assessments:read' }, processing: { activity: 'PA-008', action: 'barriers.list', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Belemmeringen per leefgebied, open eerst',
        operationId: 'listBarriers',
        params: idParams,
        response: { 200: barrierListSchema },
      },
    },
    async (req) => service.listBarriers(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/barriers`,
    {
      config: { access: { permission: 'assessments:write' }, processing: { activity: 'PA-008', action: 'barriers.create', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Belemmering vastleggen',
        operationId: 'createBarrier',
        params: idParams,
        body: barrierCreateSchema,
        response: { 201: barrierSchema },
      },
    },
    async (req, reply) => {
      const { barrier, etag } = await service.createBarrier(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('ETag', etag).send(barrier);
    },
  );

  r.patch(
    `${base}/barriers/:barrierId`,
    {
      config: { access: { permission: 'assessments:write' }, processing: { activity: 'PA-008', action: 'barriers.update', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Status of beschrijving van een belemmering wijzigen (If-Match verplicht)',
        operationId: 'updateBarrier',
        params: barrierParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: barrierUpdateSchema,
        response: { 200: barrierSchema },
      },
    },
    async (req, reply) => {
      const { barrier, etag } = await service.updateBarrier(req.ctx(), req.params.id, req.params.barrierId, req.headers['if-match'], req.body);
      reply.header('ETag', etag);
      return barrier;
    },
  );
};
