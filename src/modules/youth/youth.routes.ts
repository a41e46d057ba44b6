import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import * as exemptions from './exemptions.service.ts';
import * as periods from './search-periods.service.ts';
import * as referrals from './referrals.service.ts';
import * as provisions from './provisions.service.ts';
import * as caseReviews from './case-reviews.service.ts';
import { caseReviewCreateSchema, caseReviewItemCreateSchema, caseReviewItemParams, caseReviewItemSchema, caseReviewListQuery, caseReviewListSchema, caseReviewOutcomeSchema, caseReviewParams, caseReviewSchema, caseReviewSummarySchema, councilLetterQuery, councilLetterSchema, transitionListSchema } from './case-reviews.schema.ts';
import * as council from './council-letter.service.ts';
import { z } from 'zod';
import * as transitions from './transitions.service.ts';
import { budgetListSchema, budgetQuery, provisionCreateSchema, provisionDecisionSchema, provisionListQuery, provisionListSchema, provisionParams, provisionPaySchema, provisionRejectSchema, provisionSchema } from './provisions.schema.ts';
import { intakeCreateSchema, referralCreateSchema, referralListQuery, referralListSchema, referralParams, referralSchema } from './referrals.schema.ts';
import {
  exemptionCreateSchema,
  exemptionListQuery,
  exemptionListSchema,
  exemptionParams,
  exemptionRateQuery,
  exemptionRateSchema,
  exemptionRejectSchema,
  exemptionReviewSchema,
  exemptionSchema,
  handleEarlySchema,
  periodParams,
  residentParams,
  searchActivityCreateSchema,
  searchPeriodCreateSchema,
  searchPeriodListQuery,
  searchPeriodListSchema,
  searchPeriodSchema,
  withdrawSchema,
} from './youth.schema.ts';

const tags = ['Jongeren'];
const base = `${API_PREFIX}/youth`;

// Thin routes of Team Jongeren. Search periods (PA-028) and exemptions (PA-029): werkmatcher and teamleider for
// young people in their scope (youth:read/write); the senior werkmatcher confirms or sends back an exemption
// (youth:confirmExemption, never her own); the exemption rate is aggregates only (youth:figures).
export const registerYouthRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'youth:read' as const } };
  const write = { access: { permission: 'youth:write' as const } };
  const senior = { access: { permission: 'youth:confirmExemption' as const } };

  r.post(
    `${API_PREFIX}/residents/:id/search-periods`,
    {
      config: { ...write, processing: { activity: 'PA-028', action: 'youth.searchPeriods.create', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een melding vastleggen: de zoektermijn van 4 weken start (jongeren van 18 tot 27 jaar)',
        operationId: 'createSearchPeriod',
        params: residentParams,
        body: searchPeriodCreateSchema,
        response: { 201: searchPeriodSchema },
      },
    },
    async (req, reply) => {
      const period = await periods.createSearchPeriod(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('Location', `${base}/search-periods/${period.id}`).send(period);
    },
  );

  r.get(
    `${API_PREFIX}/residents/:id/search-periods`,
    {
      config: { ...read, processing: { activity: 'PA-028', action: 'youth.searchPeriods.list', subjectParam: 'id' } },
      schema: { tags, summary: 'Zoektermijnen van een jongere, met zoekactiviteiten en ontheffingen', operationId: 'listResidentSearchPeriods', params: residentParams, response: { 200: searchPeriodListSchema } },
    },
    async (req) => periods.residentSearchPeriods(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/search-periods`,
    {
      config: { ...read, processing: { activity: 'PA-028', action: 'youth.searchPeriods.list' } },
      schema: { tags, summary: 'Lopende zoektermijnen (standaard: van uw eigen jongeren), eerst de kortste', operationId: 'listSearchPeriods', querystring: searchPeriodListQuery, response: { 200: searchPeriodListSchema } },
    },
    async (req) => periods.listSearchPeriods(req.ctx(), req.query),
  );

  r.get(
    `${base}/search-periods/:periodId`,
    {
      config: { ...read, processing: { activity: 'PA-028', action: 'youth.searchPeriods.read' } },
      schema: { tags, summary: 'Eén zoektermijn', operationId: 'getSearchPeriod', params: periodParams, response: { 200: searchPeriodSchema } },
    },
    async (req) => periods.getSearchPeriod(req.ctx(), req.params.periodId),
  );

  r.post(
    `${base}/search-periods/:periodId/activities`,
    {
      config: { ...write, processing: { activity: 'PA-028', action: 'youth.searchActivities.create' } },
      schema: { tags, summary: 'Vastleggen wat de jongere in de zoektermijn deed', operationId: 'recordSearchActivity', params: periodParams, body: searchActivityCreateSchema, response: { 200: searchPeriodSchema } },
    },
    async (req) => periods.recordSearchActivity(req.ctx(), req.params.periodId, req.body),
  );

  r.post(
    `${base}/search-periods/:periodId/handle-early`,
    {
      config: { ...write, processing: { activity: 'PA-028', action: 'youth.searchPeriods.handleEarly' } },
      schema: {
        tags,
        summary: 'Besluit de aanvraag eerder te behandelen (art. 41 lid 11 Participatiewet), met de reden',
        operationId: 'handleSearchPeriodEarly',
        params: periodParams,
        body: handleEarlySchema,
        response: { 200: searchPeriodSchema },
      },
    },
    async (req) => periods.handleEarly(req.ctx(), req.params.periodId, req.body),
  );

  r.post(
    `${base}/search-periods/:periodId/withdraw`,
    {
      config: { ...write, processing: { activity: 'PA-028', action: 'youth.searchPeriods.withdraw' } },
      schema: { tags, summary: 'De melding intrekken', operationId: 'withdrawSearchPeriod', params: periodParams, body: withdrawSchema, response: { 200: searchPeriodSchema } },
    },
    async (req) => periods.withdrawSearchPeriod(req.ctx(), req.params.periodId, req.body),
  );

  r.post(
    `${base}/search-periods/:periodId/exemptions`,
    {
      config: { ...write, processing: { activity: 'PA-029', action: 'youth.exemptions.propose' } },
      schema: {
        tags,
        summary: 'Ontheffing van de zoektermijn voorstellen (telt pas na bevestiging door een senior werkmatcher)',
        operationId: 'proposeExemption',
        params: periodParams,
        body: exemptionCreateSchema,
        response: { 201: exemptionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await exemptions.proposeExemption(req.ctx(), req.params.periodId, req.body)),
  );

  r.get(
    `${base}/exemptions`,
    {
      config: { ...read, processing: { activity: 'PA-029', action: 'youth.exemptions.list' } },
      schema: { tags, summary: 'Ontheffingen (standaard: die wachten op de controle van een senior)', operationId: 'listExemptions', querystring: exemptionListQuery, response: { 200: exemptionListSchema } },
    },
    async (req) => exemptions.listExemptions(req.ctx(), req.query),
  );

  r.post(
    `${base}/exemptions/:exemptionId/confirm`,
    {
      config: { ...senior, processing: { activity: 'PA-029', action: 'youth.exemptions.confirm' } },
      schema: { tags, summary: 'Een ontheffing bevestigen (senior werkmatcher, niet degene die haar voorstelde)', operationId: 'confirmExemption', params: exemptionParams, body: exemptionReviewSchema, response: { 200: exemptionSchema } },
    },
    async (req) => exemptions.confirmExemption(req.ctx(), req.params.exemptionId, req.body),
  );

  r.post(
    `${base}/exemptions/:exemptionId/reject`,
    {
      config: { ...senior, processing: { activity: 'PA-029', action: 'youth.exemptions.reject' } },
      schema: { tags, summary: 'Een ontheffing terugsturen met een toelichting (senior werkmatcher)', operationId: 'rejectExemption', params: exemptionParams, body: exemptionRejectSchema, response: { 200: exemptionSchema } },
    },
    async (req) => exemptions.rejectExemption(req.ctx(), req.params.exemptionId, req.body),
  );

  // Warm handovers and the individual intake (PA-030).
  r.post(
    `${API_PREFIX}/residents/:id/referrals`,
    {
      config: { ...write, processing: { activity: 'PA-030', action: 'youth.referrals.create', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Een warme overdracht van een partner vastleggen (context, toestemming van de jongere, urgentie, begeleider)',
        operationId: 'createYouthReferral',
        params: residentParams,
        body: referralCreateSchema,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await referrals.createReferral(req.ctx(), req.params.id, req.body)),
  );

  r.get(
    `${API_PREFIX}/residents/:id/referrals`,
    {
      config: { ...read, processing: { activity: 'PA-030', action: 'youth.referrals.list', subjectParam: 'id' } },
      schema: { tags, summary: 'Warme overdrachten van een jongere', operationId: 'listResidentYouthReferrals', params: residentParams, response: { 200: referralListSchema } },
    },
    async (req) => referrals.residentReferrals(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/referrals`,
    {
      config: { ...read, processing: { activity: 'PA-030', action: 'youth.referrals.list' } },
      schema: { tags, summary: 'Warme overdrachten (standaard: nog open), de urgentste eerst', operationId: 'listYouthReferrals', querystring: referralListQuery, response: { 200: referralListSchema } },
    },
    async (req) => referrals.listReferrals(req.ctx(), req.query),
  );

  r.post(
    `${base}/referrals/:referralId/intake`,
    {
      config: {
        ...write,
        processing: { activity: 'PA-030', action: 'youth.referrals.intake', also: [{ activity: 'PA-010', action: 'meetings.create' }] },
      },
      schema: {
        tags,
        summary: 'De individuele intake plannen, met de begeleider uitgenodigd (gesprek "Intake jongere" met .ics)',
        operationId: 'planYouthIntake',
        params: referralParams,
        body: intakeCreateSchema,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await referrals.planIntake(req.ctx(), req.params.referralId, req.body)),
  );

  // Custom provisions (maatwerk) and the team's budget (PA-031).
  const approver = { access: { permission: 'youth:approveProvision' as const } };
  const pa031 = (action: string, subjectParam?: string) => ({ activity: 'PA-031' as const, action, ...(subjectParam ? { subjectParam } : {}) });
  r.post(
    `${API_PREFIX}/residents/:id/provisions`,
    {
      config: { ...write, processing: pa031('youth.provisions.request', 'id') },
      schema: {
        tags,
        summary: 'Een maatwerkvoorziening aanvragen (regelruimte en waarom het helpt); boven de drempel keurt een tweede persoon goed; over het budget: 400',
        operationId: 'requestCustomProvision',
        params: residentParams,
        body: provisionCreateSchema,
        response: { 201: provisionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await provisions.requestProvision(req.ctx(), req.params.id, req.body)),
  );
  r.get(
    `${API_PREFIX}/residents/:id/provisions`,
    {
      config: { ...read, processing: pa031('youth.provisions.list', 'id') },
      schema: { tags, summary: 'Maatwerkvoorzieningen van een jongere', operationId: 'listResidentCustomProvisions', params: residentParams, response: { 200: provisionListSchema } },
    },
    async (req) => provisions.residentProvisions(req.ctx(), req.params.id),
  );
  r.get(
    `${base}/provisions`,
    {
      config: { ...read, processing: pa031('youth.provisions.list') },
      schema: { tags, summary: 'Maatwerkvoorzieningen (standaard: aangevraagd of goedgekeurd)', operationId: 'listCustomProvisions', querystring: provisionListQuery, response: { 200: provisionListSchema } },
    },
    async (req) => provisions.listProvisions(req.ctx(), req.query),
  );
  r.post(
    `${base}/provisions/:provisionId/approve`,
    {
      config: { ...approver, processing: pa031('youth.provisions.approve') },
      schema: { tags, summary: 'Een aanvraag boven de drempel goedkeuren (een tweede persoon)', operationId: 'approveCustomProvision', params: provisionParams, body: provisionDecisionSchema, response: { 200: provisionSchema } },
    },
    async (req) => provisions.approveProvision(req.ctx(), req.params.provisionId, req.body),
  );
  r.post(
    `${base}/provisions/:provisionId/reject`,
    {
      config: { ...approver, processing: pa031('youth.provisions.reject') },
      schema: { tags, summary: 'Een aanvraag afwijzen met de reden', operationId: 'rejectCustomProvision', params: provisionParams, body: provisionRejectSchema, response: { 200: provisionSchema } },
    },
    async (req) => provisions.rejectProvision(req.ctx(), req.params.provisionId, req.body),
  );
  r.post(
    `${base}/provisions/:provisionId/pay`,
    {
      config: { ...write, processing: pa031('youth.provisions.pay') },
      schema: { tags, summary: 'De betaling van een goedgekeurde voorziening vastleggen', operationId: 'payCustomProvision', params: provisionParams, body: provisionPaySchema, response: { 200: provisionSchema } },
    },
    async (req) => provisions.payProvision(req.ctx(), req.params.provisionId, req.body),
  );
  r.get(
    `${base}/provision-budgets`,
    {
      config: { ...read, processing: { activity: 'PA-031', action: 'youth.provisions.budget', subject: 'aggregate' } },
      schema: { tags, summary: 'Budget maatwerk per team en jaar: vastgelegd, betaald, beschikbaar, per soort', operationId: 'listCustomProvisionBudgets', querystring: budgetQuery, response: { 200: budgetListSchema } },
    },
    async (req) => provisions.provisionBudgets(req.ctx(), req.query.year),
  );

  r.get(
    `${base}/figures/exemption-rate`,
    {
      config: { access: { permission: 'youth:figures' }, processing: { activity: 'PA-029', action: 'youth.exemptions.rate', subject: 'aggregate' } },
      schema: { tags, summary: 'Ontheffingspercentage per maand en team, tegen de bandbreedte van 20–30% (cellen onder 10 onderdrukt)', operationId: 'getExemptionRate', querystring: exemptionRateQuery, response: { 200: exemptionRateSchema } },
    },
    async (req) => exemptions.exemptionRate(req.ctx(), req.query.year),
  );

  // Case reviews (casuïstiekoverleg, afstemmingsoverleg), PA-048 (ADR 0030).
  r.post(
    `${base}/case-reviews`,
    {
      config: { ...write, processing: { none: 'Een overleg van het team op een datum; het noemt geen jongere' } },
      schema: { tags, summary: 'Een casuïstiekoverleg (elke 2 weken) of afstemmingsoverleg (elke 3 weken) van uw team plannen', operationId: 'createYouthCaseReview', body: caseReviewCreateSchema, response: { 201: caseReviewSummarySchema } },
    },
    async (req, reply) => {
      const review = await caseReviews.createCaseReview(req.ctx(), req.body);
      return reply.status(201).header('Location', `${base}/case-reviews/${review.id}`).send(review);
    },
  );
  r.get(
    `${base}/case-reviews`,
    {
      config: { ...read, processing: { none: 'De overleggen van uw team met het aantal agendapunten, zonder wie' } },
      schema: { tags, summary: 'De overleggen van uw team (standaard vanaf 4 weken geleden)', operationId: 'listYouthCaseReviews', querystring: caseReviewListQuery, response: { 200: caseReviewListSchema } },
    },
    async (req) => caseReviews.listCaseReviews(req.ctx(), req.query),
  );
  r.get(
    `${base}/case-reviews/:reviewId`,
    {
      config: { ...read, processing: { activity: 'PA-048', action: 'youth.caseReviews.read' } },
      schema: { tags, summary: 'Eén overleg met de agendapunten van de jongeren die u mag zien', operationId: 'getYouthCaseReview', params: caseReviewParams, response: { 200: caseReviewSchema } },
    },
    async (req) => caseReviews.getCaseReview(req.ctx(), req.params.reviewId),
  );
  r.post(
    `${base}/case-reviews/:reviewId/items`,
    {
      config: { ...write, processing: { activity: 'PA-048', action: 'youth.caseReviews.addItem' } },
      schema: {
        tags,
        summary: 'Een jongere op de agenda zetten met een vraag en de deelnemende partners (een partnerorganisatie alleen met actieve toestemming)',
        operationId: 'addYouthCaseReviewItem',
        params: caseReviewParams,
        body: caseReviewItemCreateSchema,
        response: { 201: caseReviewItemSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await caseReviews.addCaseReviewItem(req.ctx(), req.params.reviewId, req.body)),
  );
  r.post(
    `${base}/case-review-items/:itemId/outcome`,
    {
      config: {
        ...write,
        processing: {
          activity: 'PA-048',
          action: 'youth.caseReviews.outcome',
          // The agreed actions go into the one plan (plans service).
          also: [
            { activity: 'PA-009', action: 'plans.read' },
            { activity: 'PA-009', action: 'plans.create' },
            { activity: 'PA-009', action: 'plans.goals.create' },
            { activity: 'PA-009', action: 'plans.actions.create' },
          ],
        },
      },
      schema: { tags, summary: 'De bespreking, het besluit en de afgesproken acties vastleggen (de acties komen in het plan)', operationId: 'recordYouthCaseReviewOutcome', params: caseReviewItemParams, body: caseReviewOutcomeSchema, response: { 200: caseReviewItemSchema } },
    },
    async (req) => caseReviews.recordCaseReviewOutcome(req.ctx(), req.params.itemId, req.body),
  );

  // Transition moments (PA-049): turning 18 after youth care, leaving school without startkwalificatie, turning 27.
  r.get(
    `${API_PREFIX}/residents/:id/transition-moments`,
    {
      config: { ...read, processing: { activity: 'PA-049', action: 'youth.transitions.read', subjectParam: 'id' } },
      schema: { tags, summary: 'Overgangsmomenten van een jongere, met de partner om te betrekken (afgeleid uit geboortedatum en overdrachten)', operationId: 'listResidentTransitionMoments', params: residentParams, response: { 200: transitionListSchema } },
    },
    async (req) => transitions.residentTransitions(req.ctx(), req.params.id),
  );
  r.get(
    `${base}/transition-moments`,
    {
      config: { ...read, processing: { activity: 'PA-049', action: 'youth.transitions.list' } },
      schema: { tags, summary: 'Overgangsmomenten van uw eigen jongeren, de dichtstbijzijnde eerst (voor de werklijst)', operationId: 'listYouthTransitionMoments', response: { 200: transitionListSchema } },
    },
    async (req) => transitions.myTransitions(req.ctx()),
  );
  // The yearly council letter (opgave jongvolwassenen), PA-032: aggregates only (youth:figures, also beleid).
  const figures = { access: { permission: 'youth:figures' as const } };
  r.get(
    `${base}/council-letter`,
    {
      config: { ...figures, processing: { activity: 'PA-032', action: 'youth.councilLetter', subject: 'aggregate' } },
      schema: { tags, summary: 'De jaarlijkse opgave jongvolwassenen aan de raad: cijfers per wijk (cellen onder 10 onderdrukt, ook tegen terugrekenen) en de tekst', operationId: 'getYouthCouncilLetter', querystring: councilLetterQuery, response: { 200: councilLetterSchema } },
    },
    async (req) => council.councilLetter(req.ctx(), req.query.year),
  );
  r.get(
    `${base}/council-letter/pdf`,
    {
      config: { ...figures, processing: { activity: 'PA-032', action: 'youth.councilLetter', subject: 'aggregate' } },
      schema: {
        tags,
        summary: 'De jaarlijkse opgave jongvolwassenen als toegankelijke (getagde) pdf',
        operationId: 'downloadYouthCouncilLetterPdf',
        querystring: councilLetterQuery,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ format: 'binary', description: 'Getagde pdf, taal nl-NL' }) },
      },
    },
    async (req, reply) => {
      const { body, fileName } = await council.councilLetterPdf(req.ctx(), req.query.year);
      return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(body as unknown as string);
    },
  );
};
