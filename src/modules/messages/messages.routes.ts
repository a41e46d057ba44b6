import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import { messageBody, messageListSchema, messageSchema, residentParams, unreadMessagesSchema } from './messages.schema.ts';
import * as service from './messages.service.ts';

// The area team's side of the conversation with a resident (issue 11, PA-022): read and answer on the resident page,
// and the werklijst's count of unread messages. Out of scope (another area, the buurtteam): 404. The resident's own
// side is in the portal's routes (/portal/messages).

const tags = ['Berichten'];

export const registerMessageRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${API_PREFIX}/residents/:id/messages`,
    {
      config: { access: { permission: 'messages:read' }, processing: { activity: 'PA-022', action: 'messages.read', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'Het gesprek met de inwoner (oudste eerst); wat de inwoner schreef, staat daarna op gelezen',
        operationId: 'listResidentMessages',
        params: residentParams,
        response: { 200: messageListSchema },
      },
    },
    async (req) => service.residentMessages(req.ctx(), req.params.id),
  );

  r.post(
    `${API_PREFIX}/residents/:id/messages`,
    {
      config: { access: { permission: 'messages:write' }, processing: { activity: 'PA-022', action: 'messages.send', subjectParam: 'id' } },
      schema: {
        tags,
        summary: 'De inwoner een bericht sturen (hij krijgt een e-mail dát er een bericht is, zonder de tekst)',
        operationId: 'sendResidentMessage',
        params: residentParams,
        body: messageBody,
        response: { 201: messageSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.sendResidentMessage(req.ctx(), req.params.id, req.body.body)),
  );

  r.get(
    `${API_PREFIX}/unread-messages`,
    {
      config: { access: { permission: 'messages:read' }, processing: { activity: 'PA-022', action: 'messages.unread' } },
      schema: {
        tags,
        summary: 'Ongelezen berichten van inwoners van wie u contactpersoon bent (voor de werklijst)',
        operationId: 'listUnreadMessages',
        response: { 200: unreadMessagesSchema },
      },
    },
    async (req) => service.unreadForMe(req.ctx()),
  );
};
