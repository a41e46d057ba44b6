import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { PlanConflictError } from '../plans/plan-state.ts';
import { ifMatchHeaders, planConflictSchema } from '../plans/plans.schema.ts';
import {
  actionDoneBody,
  actionParams,
  appointmentParams,
  appointmentReplyBody,
  appointmentReplySchema,
  consentGiveBody,
  consentParams,
  goalProposalBody,
  portalAccessLogSchema,
  workPaysBody,
  workPaysResultSchema,
  portalConsentListSchema,
  portalConsentSchema,
  portalHomeSchema,
  portalPlanSchema,
  proposalAnswerBody,
  proposalParams,
} from './portal.schema.ts';
import * as service from './portal.service.ts';
import { ESCO_ATTRIBUTION, searchOccupationsPage } from '../esco/esco.data.ts';
import { escoSearchQuerySchema, escoSearchResultSchema } from '../esco/esco.schema.ts';
import * as consents from '../residents/residents-own.service.ts';
import { exportOwnData, ownDataPdf } from './portal-export.service.ts';
import * as messages from '../messages/messages.service.ts';
import { ifMatchHeaders as workProfileIfMatch, proposalListSchema, proposalSchema, workProfileBodySchema, workProfileSchema } from '../matching/matching.schema.ts';
import { messageBody, messageSchema, portalMessageListSchema } from '../messages/messages.schema.ts';

// Mijn Samenplan (issue 11): the resident's own routes. Every one is `access: { resident: true }`: only a resident's
// session reaches them (a staff session gets 404), and a resident's session reaches nothing else (ADR 0016). No id of
// a resident in any path: it is always the resident of the session.

const tags = ['Mijn Samenplan'];
const base = `${API_PREFIX}/portal`;
const resident = { resident: true } as const;

async function orConflict<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof PlanConflictError)) throw err;
    return reply.status(412).type('application/problem+json').header('ETag', err.etag).send(err.body());
  }
}

export const registerPortalRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const planWrite = { 200: portalPlanSchema, 412: planConflictSchema };

  r.get(
    `${base}/home`,
    {
      config: { access: resident, processing: { activity: 'PA-020', action: ['portal.home', 'meetings.list', 'plans.read'], also: [{ activity: 'PA-022', action: 'messages.unread' }] } },
      schema: { tags, summary: 'Uw plan en wie u helpt: contactpersoon, volgende afspraken, plan in het kort', operationId: 'getPortalHome', response: { 200: portalHomeSchema } },
    },
    async (req) => service.home(req.ctx()),
  );

  r.post(
    `${base}/appointments/:meetingId/reply`,
    {
      config: { access: resident, processing: { activity: 'PA-021', action: ['meetings.confirm', 'meetings.moveRequest'] } },
      schema: {
        tags,
        summary: 'Een afspraak bevestigen, of vragen om die te verzetten (uw contactpersoon ziet de vraag op haar werklijst)',
        operationId: 'replyToPortalAppointment',
        params: appointmentParams,
        body: appointmentReplyBody,
        response: { 200: appointmentReplySchema },
      },
    },
    async (req) => service.answerAppointment(req.ctx(), req.params.meetingId, req.body),
  );

  r.get(
    `${base}/appointments/:meetingId/calendar.ics`,
    {
      config: { access: resident, processing: { activity: 'PA-020', action: 'meetings.invitation' } },
      schema: {
        tags,
        summary: 'De afspraak voor uw agenda (.ics)',
        operationId: 'downloadPortalAppointmentIcs',
        params: appointmentParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('iCalendar (RFC 5545)') },
      },
    },
    async (req, reply) => {
      const ics = await service.appointmentCalendar(req.ctx(), req.params.meetingId);
      return reply.type(ics.contentType).header('Content-Disposition', `attachment; filename="${ics.fileName}"`).send(ics.text);
    },
  );

  r.get(
    `${base}/plan`,
    {
      config: { access: resident, processing: { activity: 'PA-020', action: 'plans.read' } },
      schema: { tags, summary: 'Uw plan: wat u doet en wat anderen doen (met ETag)', operationId: 'getPortalPlan', response: { 200: portalPlanSchema } },
    },
    async (req, reply) => {
      const { plan, etag } = await service.myPlan(req.ctx());
      return reply.header('ETag', etag).send(plan);
    },
  );

  r.patch(
    `${base}/plan/actions/:actionId`,
    {
      config: { access: resident, processing: { activity: 'PA-021', action: ['plans.actions.update', 'plans.conflict'] } },
      schema: {
        tags,
        summary: 'Uw eigen actie op klaar zetten (of toch weer open)',
        operationId: 'updatePortalPlanAction',
        params: actionParams,
        headers: ifMatchHeaders,
        body: actionDoneBody,
        response: planWrite,
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag } = await service.markAction(req.ctx(), req.params.actionId, req.headers['if-match'], req.body.status);
        return reply.header('ETag', etag).send(plan);
      }),
  );

  r.post(
    `${base}/plan/goals`,
    {
      config: { access: resident, processing: { activity: 'PA-021', action: ['plans.goals.create', 'plans.conflict'] } },
      schema: {
        tags,
        summary: 'Zelf een doel voorstellen (uw werkmatcher ziet het als voorstel van u)',
        operationId: 'proposePortalPlanGoal',
        headers: ifMatchHeaders,
        body: goalProposalBody,
        response: { 201: portalPlanSchema, 412: planConflictSchema },
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag } = await service.proposeGoal(req.ctx(), req.headers['if-match'], req.body);
        return reply.status(201).header('ETag', etag).send(plan);
      }),
  );

  r.post(
    `${base}/plan/agreement`,
    {
      config: { access: resident, processing: { activity: 'PA-021', action: ['plans.agree', 'plans.conflict'] } },
      schema: {
        tags,
        summary: 'Akkoord gaan met uw plan (vastgelegd met kanaal portal)',
        operationId: 'agreePortalPlan',
        headers: ifMatchHeaders,
        response: planWrite,
      },
    },
    async (req, reply) =>
      orConflict(reply, async () => {
        const { plan, etag } = await service.agree(req.ctx(), req.headers['if-match']);
        return reply.header('ETag', etag).send(plan);
      }),
  );

  r.get(
    `${base}/plan/pdf`,
    {
      config: { access: resident, processing: { activity: 'PA-020', action: 'plans.pdf' } },
      schema: {
        tags,
        summary: 'Uw plan als toegankelijke pdf',
        operationId: 'downloadPortalPlanPdf',
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ format: 'binary', description: 'Getagde pdf, taal nl-NL' }) },
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await service.myPlanPdf(req.ctx());
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(pdf as unknown as string);
    },
  );

  r.get(
    `${base}/work-profile`,
    {
      config: { access: resident, processing: { activity: 'PA-044', action: 'workProfiles.read' } },
      schema: { tags, summary: 'Mijn werkwensen: uw werkprofiel (met ETag; 404 als het er nog niet is)', operationId: 'getPortalWorkProfile', response: { 200: workProfileSchema } },
    },
    async (req, reply) => {
      const { profile, etag } = await service.myWorkProfile(req.ctx());
      return reply.header('ETag', etag).send(profile);
    },
  );

  r.put(
    `${base}/work-profile`,
    {
      config: { access: resident, processing: { activity: 'PA-044', action: ['workProfiles.create', 'workProfiles.update'] } },
      schema: {
        tags,
        summary: 'Uw werkwensen invullen of veranderen (dezelfde regels als bij uw werkmatcher; If-Match als het er al is)',
        operationId: 'putPortalWorkProfile',
        headers: workProfileIfMatch,
        body: workProfileBodySchema,
        response: { 200: workProfileSchema, 201: workProfileSchema },
      },
    },
    async (req, reply) => {
      const { profile, etag, created } = await service.saveMyWorkProfile(req.ctx(), req.headers['if-match'], req.body);
      return reply.status(created ? 201 : 200).header('ETag', etag).send(profile);
    },
  );

  r.get(
    `${base}/proposals`,
    {
      config: { access: resident, processing: { activity: 'PA-044', action: 'proposals.list' } },
      schema: { tags, summary: 'Vacatures die uw werkmatcher u voorstelt', operationId: 'listPortalProposals', response: { 200: proposalListSchema } },
    },
    async (req) => service.myProposals(req.ctx()),
  );

  r.post(
    `${base}/proposals/:proposalId/answer`,
    {
      config: { access: resident, processing: { activity: 'PA-044', action: 'proposals.residentResponse' } },
      schema: {
        tags,
        summary: 'Zelf ja of nee zeggen tegen een voorstel (uw werkmatcher ziet uw antwoord)',
        operationId: 'answerPortalProposal',
        params: proposalParams,
        body: proposalAnswerBody,
        response: { 200: proposalSchema },
      },
    },
    async (req) => service.answerProposal(req.ctx(), req.params.proposalId, req.body.agreed),
  );

  r.get(
    `${base}/messages`,
    {
      config: { access: resident, processing: { activity: 'PA-022', action: 'messages.read' } },
      schema: {
        tags,
        summary: 'Uw berichten met uw contactpersoon (oudste eerst); wat zij schreef, staat daarna op gelezen',
        operationId: 'listPortalMessages',
        response: { 200: portalMessageListSchema },
      },
    },
    async (req) => messages.ownMessages(req.ctx()),
  );

  r.post(
    `${base}/messages`,
    {
      config: { access: resident, processing: { activity: 'PA-022', action: 'messages.send' } },
      schema: {
        tags,
        summary: 'Een bericht sturen aan uw contactpersoon (veilig, binnen Samenplan)',
        operationId: 'sendPortalMessage',
        body: messageBody,
        response: { 201: messageSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await messages.sendOwnMessage(req.ctx(), req.body.body)),
  );

  r.get(
    `${base}/consents`,
    {
      config: { access: resident, processing: { activity: 'PA-023', action: 'residents.consents.list' } },
      schema: { tags, summary: 'Wie mag meekijken: uw toestemmingen', operationId: 'listPortalConsents', response: { 200: portalConsentListSchema } },
    },
    async (req) => consents.ownConsents(req.ctx()),
  );

  r.post(
    `${base}/consents`,
    {
      config: { access: resident, processing: { activity: 'PA-023', action: 'residents.consents.grant' } },
      schema: {
        tags,
        summary: 'Een organisatie toestemming geven om mee te kijken in uw plan',
        operationId: 'givePortalConsent',
        body: consentGiveBody,
        response: { 201: portalConsentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await consents.giveOwnConsent(req.ctx(), req.body)),
  );

  r.post(
    `${base}/consents/:consentId/withdraw`,
    {
      config: { access: resident, processing: { activity: 'PA-023', action: 'residents.consents.withdraw' } },
      schema: {
        tags,
        summary: 'Toestemming intrekken: de organisatie kan meteen niet meer meekijken',
        operationId: 'withdrawPortalConsent',
        params: consentParams,
        response: { 200: portalConsentSchema },
      },
    },
    async (req) => consents.withdrawOwnConsent(req.ctx(), req.params.consentId),
  );

  r.get(
    `${base}/access-log`,
    {
      config: { access: resident, processing: { activity: 'PA-024', action: 'portal.accessLog' } },
      schema: {
        tags,
        summary: 'Wie bekeek mijn dossier? Organisatie, rol, waarvoor en wanneer (uit het logboek)',
        operationId: 'getPortalAccessLog',
        response: { 200: portalAccessLogSchema },
      },
    },
    async (req) => service.accessLog(req.ctx()),
  );

  // The occupations for Mijn werk's wishes: ESCO, reference data (the staff route is for staff only, ADR 0016).
  r.get(
    `${base}/occupations`,
    {
      config: { access: resident, processing: { none: 'ESCO-beroepen: naslaggegevens, geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Beroepen zoeken voor uw werkwensen (ESCO)',
        operationId: 'searchPortalOccupations',
        querystring: escoSearchQuerySchema,
        response: { 200: escoSearchResultSchema },
      },
    },
    async (req) => ({ ...searchOccupationsPage(req.query.q, req.query.limit), attribution: ESCO_ATTRIBUTION }),
  );

  r.post(
    `${base}/work-pays`,
    {
      config: { access: resident, processing: { none: 'een berekening met wat de inwoner zelf invult; niets wordt bewaard of met zijn dossier verbonden' } },
      schema: {
        tags,
        summary: '"Werkt het loont?": een schatting van uw inkomen per maand met werk en bijstand',
        operationId: 'calculatePortalWorkPays',
        body: workPaysBody,
        response: { 200: workPaysResultSchema },
      },
    },
    async (req) => service.calculateWorkPays(req.body),
  );

  r.get(
    `${base}/my-data`,
    {
      config: {
        access: resident,
        processing: {
          activity: 'PA-024',
          action: ['portal.export', 'plans.read', 'plans.history.read', 'meetings.list', 'residents.consents.list', 'portal.accessLog', 'assessments.list', 'barriers.list', 'workProfiles.read', 'proposals.list', 'placements.list', 'messages.export'],
        },
      },
      schema: {
        tags,
        summary: 'Download al uw gegevens (AVG artikel 15): JSON of een toegankelijke pdf',
        operationId: 'downloadPortalMyData',
        querystring: z.object({ format: z.enum(['json', 'pdf'], { message: 'Kies json of pdf.' }).default('json') }),
        produces: ['application/json', 'application/pdf'],
        response: { 200: z.string().meta({ format: 'binary', description: 'JSON-bestand of getagde pdf' }) },
      },
    },
    async (req, reply) => {
      const data = await exportOwnData(req.ctx());
      const stem = `mijn-gegevens-${data.generatedAt.slice(0, 10)}`;
      if (req.query.format === 'pdf') {
        const pdf = await ownDataPdf(data);
        return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${stem}.pdf"`).send(pdf as unknown as string);
      }
      return reply.type('application/json').header('Content-Disposition', `attachment; filename="${stem}.json"`).send(JSON.stringify(data, null, 2));
    },
  );
};
