import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  deliveryListSchema,
  deliveryParams,
  deliveryQuerySchema,
  deliverySchema,
  subscriptionCreateSchema,
  subscriptionCreatedSchema,
  subscriptionListSchema,
  subscriptionParams,
  subscriptionSchema,
  subscriptionUpdateSchema,
} from './webhooks.schema.ts';
import * as service from './webhooks.service.ts';

// The functional administrator's webhook subscriptions for partner systems and the delivery log with its dead
// letters (webhooks:manage). No personal data: a subscription is an address and event types, a delivery the ids of
// a plan, placement or outflow and how the attempts went.
export const registerWebhookRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Webhooks'];
  const access = { permission: 'webhooks:manage' } as const;

  r.get(
    `${API_PREFIX}/webhook-subscriptions`,
    {
      config: { access, processing: { none: 'adressen en soorten gebeurtenissen van partnersystemen, geen persoonsgegevens' } },
      schema: { tags, summary: 'De abonnementen van partnersystemen op gebeurtenissen', operationId: 'listWebhookSubscriptions', response: { 200: subscriptionListSchema } },
    },
    async (req) => service.listSubscriptions(req.ctx()),
  );

  r.post(
    `${API_PREFIX}/webhook-subscriptions`,
    {
      config: { access, processing: { none: 'een adres en soorten gebeurtenissen van een partnersysteem, geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Een partnersysteem abonneren op gebeurtenissen (CloudEvents, ondertekend); de sleutel is alleen in dit antwoord te zien',
        operationId: 'createWebhookSubscription',
        body: subscriptionCreateSchema,
        response: { 201: subscriptionCreatedSchema },
      },
    },
    async (req, reply) => {
      const created = await service.createSubscription(req.ctx(), req.body);
      return reply.status(201).header('Location', `${API_PREFIX}/webhook-subscriptions/${created.id}`).send(created);
    },
  );

  r.patch(
    `${API_PREFIX}/webhook-subscriptions/:subscriptionId`,
    {
      config: { access, processing: { none: 'een abonnement aan- of uitzetten, geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Een abonnement aan- of uitzetten',
        operationId: 'updateWebhookSubscription',
        params: subscriptionParams,
        body: subscriptionUpdateSchema,
        response: { 200: subscriptionSchema },
      },
    },
    async (req) => service.setSubscriptionActive(req.ctx(), req.params.subscriptionId, req.body.active),
  );

  r.get(
    `${API_PREFIX}/webhook-deliveries`,
    {
      config: { access, processing: { none: 'afleveringen van gebeurtenissen: kenmerken en statussen, geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'De laatste 200 afleveringen aan partnersystemen (status=dead: de opgegeven afleveringen)',
        operationId: 'listWebhookDeliveries',
        querystring: deliveryQuerySchema,
        response: { 200: deliveryListSchema },
      },
    },
    async (req) => service.listDeliveries(req.ctx(), req.query.status),
  );

  r.post(
    `${API_PREFIX}/webhook-deliveries/:deliveryId/redeliveries`,
    {
      config: { access, processing: { none: 'een opgegeven aflevering opnieuw versturen, geen persoonsgegevens' } },
      schema: {
        tags,
        summary: 'Een opgegeven aflevering opnieuw versturen (de pogingen beginnen opnieuw)',
        operationId: 'redeliverWebhookDelivery',
        params: deliveryParams,
        response: { 202: deliverySchema },
      },
    },
    async (req, reply) => reply.status(202).send(await service.redeliver(req.ctx(), req.params.deliveryId)),
  );
};
