import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { listCaseloads, reassign } from './caseload.service.ts';
import { closeCampaign, createCampaign, getCampaign, listCampaigns, previewCampaign } from './catch-up.service.ts';
import {
  campaignParams,
  caseloadsSchema,
  catchUpCampaignDetailSchema,
  catchUpCreateBodySchema,
  catchUpListSchema,
  catchUpPreviewBodySchema,
  catchUpPreviewSchema,
  reassignmentResultSchema,
  reassignmentSchema,
} from './team.schema.ts';

const tags = ['Team'];
const campaigns = `${API_PREFIX}/catch-up-campaigns`;

// Thin routes for the teamleider (team:manage). Collections a role may not use answer 403; a campaign of another
// team, or any single record the role may not see, answers 404 (app.ts preHandler and the services).
export const registerTeamRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: { permission: 'team:manage' as const } };

  r.get(
    `${API_PREFIX}/team/caseloads`,
    { config: { ...access, processing: { activity: 'PA-012', action: 'team.caseloads', subject: 'aggregate' } }, schema: { tags, summary: 'Caseload per werkmatcher van uw team(s)', operationId: 'listTeamCaseloads', response: { 200: caseloadsSchema } } },
    async (req) => listCaseloads(req.ctx()),
  );

  r.post(
    `${API_PREFIX}/team/reassignments`,
    {
      config: { ...access, processing: {
          activity: 'PA-012',
          action: 'team.reassign',
          // Each handover goes through the residents module (its history and note).
          also: [{ activity: 'PA-003', action: 'residents.contactPerson.change' }],
        },
      },
      schema: {
        tags,
        summary: 'Inwoners overdragen aan een werkmatcher, met overdrachtsnotitie (alles of niets)',
        operationId: 'createReassignment',
        body: reassignmentSchema,
        response: { 200: reassignmentResultSchema },
      },
    },
    async (req) => reassign(req.ctx(), req.body),
  );

  r.post(
    `${campaigns}/preview`,
    {
      config: { ...access, processing: { activity: 'PA-012', action: 'team.catchUp.preview' } },
      schema: {
        tags,
        summary: 'Inhaalslag: hoeveel inwoners vallen onder deze criteria (met voorbeeld)',
        operationId: 'previewCatchUpCampaign',
        body: catchUpPreviewBodySchema,
        response: { 200: catchUpPreviewSchema },
      },
    },
    async (req) => previewCampaign(req.ctx(), req.body),
  );

  r.post(
    campaigns,
    {
      config: {
        ...access,
        processing: {
          activity: 'PA-012',
          action: 'team.catchUp.create',
          // Dividing the residents hands them over through the residents module (its history and note).
          also: [{ activity: 'PA-003', action: 'residents.contactPerson.change' }],
        },
      },
      schema: {
        tags,
        summary: 'Inhaalslag starten: selecteren en verdelen over werkmatchers',
        operationId: 'createCatchUpCampaign',
        body: catchUpCreateBodySchema,
        response: { 201: catchUpCampaignDetailSchema },
      },
    },
    async (req, reply) => {
      const campaign = await createCampaign(req.ctx(), req.body);
      return reply.status(201).header('Location', `${campaigns}/${campaign.id}`).send(campaign);
    },
  );

  r.get(
    campaigns,
    { config: { ...access, processing: { activity: 'PA-012', action: 'team.catchUp.list', subject: 'aggregate' } }, schema: { tags, summary: 'Inhaalslagen van uw team(s)', operationId: 'listCatchUpCampaigns', response: { 200: catchUpListSchema } } },
    async (req) => listCampaigns(req.ctx()),
  );

  r.get(
    `${campaigns}/:id`,
    {
      config: { ...access, processing: { activity: 'PA-012', action: 'team.catchUp.read' } },
      schema: {
        tags,
        summary: 'Eén inhaalslag met bereik per week en per werkmatcher',
        operationId: 'getCatchUpCampaign',
        params: campaignParams,
        response: { 200: catchUpCampaignDetailSchema },
      },
    },
    async (req) => getCampaign(req.ctx(), req.params.id),
  );

  r.post(
    `${campaigns}/:id/close`,
    {
      // Closing reads the campaign's residents (its coverage) and ends their follow-up in it; assignments stay.
      config: { ...access, processing: { activity: 'PA-012', action: 'team.catchUp.close' } },
      schema: {
        tags,
        summary: 'Inhaalslag afsluiten: de opvolging stopt, de inwoners blijven bij hun nieuwe werkmatcher',
        operationId: 'closeCatchUpCampaign',
        params: campaignParams,
        response: { 200: catchUpCampaignDetailSchema },
      },
    },
    async (req) => closeCampaign(req.ctx(), req.params.id),
  );
};
