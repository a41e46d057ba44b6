import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { candidateMatches, vacancyMatches } from './matching.service.ts';
import {
  candidateMatchesQuery,
  candidateMatchesSchema,
  idParams,
  ifMatchHeaders,
  proposalCreateSchema,
  proposalListSchema,
  proposalSchema,
  residentResponseSchema,
  vacancyMatchesQuery,
  vacancyMatchesSchema,
  workProfileBodySchema,
  workProfileSchema,
} from './matching.schema.ts';
import { createProposal, listProposals, recordResidentResponse, withdrawProposal } from './proposals.service.ts';
import { getWorkProfile, putWorkProfile } from './work-profiles.service.ts';

// Thin routes for the werkmatcher and teamleider: work profile, matching in both directions, proposals.
// Every route is a single-record route (it names a resident, vacancy or proposal): a role without the permission,
// or a record out of the caller's scope, answers 404 (app.ts preHandler and the services).

const residents = `${API_PREFIX}/residents/:id`;

export const registerMatchingRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${residents}/work-profile`,
    {
      config: { access: { permission: 'workProfiles:read' }, processing: { activity: 'PA-013', action: 'workProfiles.read', subjectParam: 'id' } },
      schema: { tags: ['Werkprofiel'], summary: 'Het werkprofiel van een inwoner (met ETag)', operationId: 'getWorkProfile', params: idParams, response: { 200: workProfileSchema } },
    },
    async (req, reply) => {
      const { profile, etag } = await getWorkProfile(req.ctx(), req.params.id);
      return reply.header('ETag', etag).send(profile);
    },
  );

  r.put(
    `${residents}/work-profile`,
    {
      config: { access: { permission: 'workProfiles:write' }, processing: { activity: 'PA-013', action: ['workProfiles.create', 'workProfiles.update'], subjectParam: 'id' } },
      schema: {
        tags: ['Werkprofiel'],
        summary: 'Het werkprofiel vastleggen (If-Match verplicht als er al een werkprofiel is)',
        operationId: 'putWorkProfile',
        params: idParams,
        headers: ifMatchHeaders,
        body: workProfileBodySchema,
        response: { 200: workProfileSchema, 201: workProfileSchema },
      },
    },
    async (req, reply) => {
      const { profile, etag, created } = await putWorkProfile(req.ctx(), req.params.id, req.headers['if-match'], req.body);
      return reply.status(created ? 201 : 200).header('ETag', etag).send(profile);
    },
  );

  r.get(
    `${residents}/vacancy-matches`,
    {
      config: { access: { permission: 'matching:run' }, processing: { activity: 'PA-013', action: 'matching.vacanciesForResident', subjectParam: 'id' } },
      schema: {
        tags: ['Matching'],
        summary: 'Passende vacatures voor een inwoner, met uitlegbare score',
        operationId: 'listVacancyMatches',
        params: idParams,
        querystring: vacancyMatchesQuery,
        response: { 200: vacancyMatchesSchema },
      },
    },
    async (req) => vacancyMatches(req.ctx(), req.params.id, { limit: req.query.limit, schoolHoursOnly: req.query.schoolHoursOnly === 'true' }),
  );

  r.get(
    `${API_PREFIX}/vacancies/:id/candidate-matches`,
    {
      config: { access: { permission: 'matching:run' }, processing: { activity: 'PA-013', action: 'matching.residentsForVacancy' } },
      schema: {
        tags: ['Matching'],
        summary: 'Passende inwoners (uit uw eigen caseload-gebied) voor een vacature',
        operationId: 'listCandidateMatches',
        params: idParams,
        querystring: candidateMatchesQuery,
        response: { 200: candidateMatchesSchema },
      },
    },
    async (req) => candidateMatches(req.ctx(), req.params.id, { limit: req.query.limit }),
  );

  r.post(
    `${residents}/proposals`,
    {
      config: { access: { permission: 'proposals:write' }, processing: { activity: 'PA-013', action: 'proposals.create', subjectParam: 'id' } },
      schema: {
        tags: ['Voorstellen'],
        summary: 'Een vacature voorstellen aan een inwoner (score en uitleg worden nu vastgelegd)',
        operationId: 'createProposal',
        params: idParams,
        body: proposalCreateSchema,
        response: { 201: proposalSchema },
      },
    },
    async (req, reply) => {
      const proposal = await createProposal(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('Location', `${API_PREFIX}/residents/${req.params.id}/proposals`).send(proposal);
    },
  );

  r.get(
    `${residents}/proposals`,
    {
      config: { access: { permission: 'proposals:read' }, processing: { activity: 'PA-013', action: 'proposals.list', subjectParam: 'id' } },
      schema: { tags: ['Voorstellen'], summary: 'Voorstellen aan een inwoner', operationId: 'listResidentProposals', params: idParams, response: { 200: proposalListSchema } },
    },
    async (req) => listProposals(req.ctx(), req.params.id),
  );

  r.post(
    `${API_PREFIX}/proposals/:id/resident-response`,
    {
      config: { access: { permission: 'proposals:write' }, processing: { activity: 'PA-013', action: 'proposals.residentResponse' } },
      schema: {
        tags: ['Voorstellen'],
        summary: 'De reactie van de inwoner vastleggen (akkoord of niet)',
        operationId: 'recordProposalResidentResponse',
        params: idParams,
        body: residentResponseSchema,
        response: { 200: proposalSchema },
      },
    },
    async (req) => recordResidentResponse(req.ctx(), req.params.id, req.body),
  );

  r.post(
    `${API_PREFIX}/proposals/:id/withdrawal`,
    {
      config: { access: { permission: 'proposals:write' }, processing: { activity: 'PA-013', action: 'proposals.withdraw' } },
      schema: { tags: ['Voorstellen'], summary: 'Een voorstel intrekken', operationId: 'withdrawProposal', params: idParams, response: { 200: proposalSchema } },
    },
    async (req) => withdrawProposal(req.ctx(), req.params.id),
  );
};
