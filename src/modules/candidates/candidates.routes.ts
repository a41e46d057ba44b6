import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  candidateListQuerySchema,
  candidateListSchema,
  candidateParams,
  candidateSchema,
  emptyBodySchema,
  interviewCommitmentSchema,
  rejectionSchema,
} from './candidates.schema.ts';
import * as service from './candidates.service.ts';

const tags = ['Kandidaten'];
const base = `${API_PREFIX}/candidates`;

// Thin routes for the werkgeversadviseur (candidates:present). Werkmatchers and teamleiders may read proposals
// (proposals:read) in their own module, but not these routes: the list answers them 403, a single candidate 404
// (app.ts preHandler). A proposal the resident has not agreed to, or of another municipality, is 404 as well.
export const registerCandidateRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: { permission: 'candidates:present' as const } };
  const step = (action: string) => ({ ...access, processing: { activity: 'PA-014' as const, action } });

  r.get(
    base,
    {
      config: step('candidates.list'),
      schema: {
        tags,
        summary: 'Kandidaten voor vacatures, anoniem tot de identiteit is vrijgegeven',
        operationId: 'listCandidates',
        querystring: candidateListQuerySchema,
        response: { 200: candidateListSchema },
      },
    },
    async (req) => service.listCandidates(req.ctx(), req.query),
  );

  r.get(
    `${base}/:proposalId`,
    {
      config: step('candidates.read'),
      schema: {
        tags,
        summary: 'Eén kandidaat (anoniem tot de identiteit is vrijgegeven)',
        operationId: 'getCandidate',
        params: candidateParams,
        response: { 200: candidateSchema },
      },
    },
    async (req) => service.getCandidate(req.ctx(), req.params.proposalId),
  );

  r.get(
    `${base}/:proposalId/anonymous-profile/pdf`,
    {
      config: step('candidates.profilePdf'),
      schema: {
        tags,
        summary: 'Het anonieme profiel als toegankelijke pdf voor de werkgever (na het anoniem voorstellen)',
        operationId: 'downloadCandidateProfilePdf',
        params: candidateParams,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ format: 'binary', description: 'Getagde pdf, taal nl-NL; zonder naam, BSN, geboortedatum, adres of contactgegevens' }) },
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await service.anonymousProfilePdf(req.ctx(), req.params.proposalId);
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`)
        // Bytes are sent as they are (no serializer); the string schema above only documents the binary body.
        .send(pdf as unknown as string);
    },
  );

  r.post(
    `${base}/:proposalId/presentation`,
    {
      config: step('candidates.present'),
      schema: {
        tags,
        summary: 'Kandidaat anoniem voorstellen aan de werkgever (het getoonde profiel wordt bewaard)',
        operationId: 'presentCandidate',
        params: candidateParams,
        body: emptyBodySchema,
        response: { 200: candidateSchema },
      },
    },
    async (req) => service.presentToEmployer(req.ctx(), req.params.proposalId),
  );

  r.post(
    `${base}/:proposalId/interview-commitment`,
    {
      config: step('candidates.interviewCommitment'),
      schema: {
        tags,
        summary: 'Vastleggen dat de werkgever een sollicitatiegesprek toezegt',
        operationId: 'commitCandidateInterview',
        params: candidateParams,
        body: interviewCommitmentSchema,
        response: { 200: candidateSchema },
      },
    },
    async (req) => service.commitInterview(req.ctx(), req.params.proposalId, req.body),
  );

  r.post(
    `${base}/:proposalId/rejection`,
    {
      config: step('candidates.reject'),
      schema: {
        tags,
        summary: 'Vastleggen dat de werkgever afziet van deze kandidaat',
        operationId: 'rejectCandidate',
        params: candidateParams,
        body: rejectionSchema,
        response: { 200: candidateSchema },
      },
    },
    async (req) => service.reject(req.ctx(), req.params.proposalId, req.body),
  );

  r.post(
    `${base}/:proposalId/reveal`,
    {
      config: step('candidates.reveal'),
      schema: {
        tags,
        summary: 'Identiteit vrijgeven (alleen na instemming van de inwoner en een toegezegd gesprek)',
        operationId: 'revealCandidate',
        params: candidateParams,
        body: emptyBodySchema,
        response: { 200: candidateSchema },
      },
    },
    async (req) => service.reveal(req.ctx(), req.params.proposalId),
  );
};
