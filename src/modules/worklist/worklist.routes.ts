import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { listNotifications, markNotificationRead } from './notifications.service.ts';
import { notificationListQuery, notificationListSchema, notificationParams, notificationSchema, worklistSchema } from './worklist.schema.ts';
import { getWorklist } from './worklist.service.ts';

// Thin routes: parse (zod) → service → present. Access is declared per route; scope lives in the stores.
export const registerWorklistRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${API_PREFIX}/worklist`,
    {
      config: { access: { permission: 'worklist:read' }, processing: { activity: 'PA-011', action: 'worklist.read' } },
      schema: {
        tags: ['Werklijst'],
        summary: 'Mijn werklijst: acties, contactnorm, gesprekken, nieuwe inwoners',
        operationId: 'getWorklist',
        response: { 200: worklistSchema },
      },
    },
    async (req) => getWorklist(req.ctx()),
  );

  r.get(
    `${API_PREFIX}/notifications`,
    {
      config: { access: { permission: 'notifications:read' }, processing: { none: 'meldingen aan de medewerker zelf, zonder gegevens van inwoners' } },
      schema: {
        tags: ['Meldingen'],
        summary: 'Mijn meldingen, nieuwste eerst',
        operationId: 'listNotifications',
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
    },
    async (req) => listNotifications(req.ctx(), req.query),
  );

  r.post(
    `${API_PREFIX}/notifications/:id/read`,
    {
      config: { access: { permission: 'notifications:read' }, processing: { none: 'meldingen aan de medewerker zelf, zonder gegevens van inwoners' } },
      schema: {
        tags: ['Meldingen'],
        summary: 'Een melding als gelezen markeren',
        operationId: 'markNotificationRead',
        params: notificationParams,
        response: { 200: notificationSchema },
      },
    },
    async (req) => markNotificationRead(req.ctx(), req.params.id),
  );
};
