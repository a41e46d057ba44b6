import { z } from 'zod';
import { listSchema } from '../../platform/http/list.ts';
import { EVENT_TYPES } from './webhooks.service.ts';

// Request and response schemas of webhook subscriptions and deliveries (issue 15, ADR 0025).

export const subscriptionParams = z.object({ subscriptionId: z.uuid().describe('Id van het abonnement') });
export const deliveryParams = z.object({ deliveryId: z.uuid().describe('Id van de aflevering') });

export const subscriptionCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(120).describe('Naam van het partnersysteem, bijvoorbeeld "Re-integratiebedrijf Werkt"'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .describe('Adres waar het partnersysteem de gebeurtenissen ontvangt (POST)'),
    eventTypes: z.array(z.enum(EVENT_TYPES)).min(1).max(20).describe('De soorten gebeurtenissen die het partnersysteem wil ontvangen'),
    partnerOrganisationId: z.uuid().nullish().describe('De partnerorganisatie van dit systeem (optioneel)'),
  })
  .meta({ id: 'WebhookSubscriptionCreate' });

const subscriptionFields = {
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  partnerOrganisationId: z.uuid().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
};
export const subscriptionSchema = z.object(subscriptionFields).meta({ id: 'WebhookSubscription' });
export const subscriptionCreatedSchema = z
  .object({ ...subscriptionFields, secret: z.string().describe('De sleutel voor de handtekening (webhook-signature). Alleen nu zichtbaar: bewaar hem bij het partnersysteem.') })
  .meta({ id: 'WebhookSubscriptionCreated' });
export const subscriptionListSchema = listSchema(subscriptionSchema, 'WebhookSubscriptionList');
export const subscriptionUpdateSchema = z.object({ active: z.boolean().describe('false: er wordt niets meer afgeleverd') }).meta({ id: 'WebhookSubscriptionUpdate' });

export const deliverySchema = z
  .object({
    id: z.uuid(),
    subscription: z.object({ id: z.uuid(), name: z.string() }),
    eventId: z.uuid().describe('Het id van de CloudEvent (gelijk bij elke nieuwe poging)'),
    eventType: z.string(),
    subject: z.string().describe('Id van het plan, de plaatsing of de uitstroom'),
    status: z.enum(['pending', 'delivered', 'dead']).describe('pending: wordt (opnieuw) geprobeerd; delivered: afgeleverd; dead: opgegeven'),
    attempts: z.number().int().min(0),
    lastStatus: z.number().int().nullable().describe('HTTP-status van de laatste poging'),
    lastError: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export const deliveryListSchema = listSchema(deliverySchema, 'WebhookDeliveryList');
export const deliveryQuerySchema = z.object({
  status: z.enum(['pending', 'delivered', 'dead']).optional().describe('Alleen afleveringen met deze status (dead: de lijst van opgegeven afleveringen)'),
});
