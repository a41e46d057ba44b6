import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  ifMatchHeaders,
  meetingCreateSchema,
  meetingListSchema,
  meetingParams,
  meetingReportCreateSchema,
  meetingReportResultSchema,
  meetingSchema,
  meetingUpdateSchema,
  myMeetingListSchema,
  myMeetingsQuerySchema,
  residentParams,
} from './meetings.schema.ts';
import * as calendar from './meetings-calendar.service.ts';
import * as report from './meetings-report.service.ts';
import * as service from './meetings.service.ts';

const tags = ['Gesprekken'];
const base = `${API_PREFIX}/meetings`;

// Thin routes: parse (zod) → service → present. Reads need meetings:read (area team and buurtteam), changes
// meetings:write (area team). A meeting the caller may not see, like a resident out of scope, is 404
// (meetings.policy.ts: the buurtteam sees only the meetings he takes part in).
export const registerMeetingRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    base,
    {
      config: { access: { permission: 'meetings:read' }, processing: { activity: 'PA-010', action: 'meetings.mine' } },
      schema: {
        tags,
        summary: 'Mijn gesprekken in een periode (als organisator of deelnemer), voor de werklijst',
        operationId: 'listMyMeetings',
        querystring: myMeetingsQuerySchema,
        response: { 200: myMeetingListSchema },
      },
    },
    async (req) => calendar.myMeetings(req.ctx(), req.query),
  );

  r.get(
    `${API_PREFIX}/residents/:id/meetings`,
    {
      config: { access: { permission: 'meetings:read' }, processing: { activity: 'PA-010', action: 'meetings.list', subjectParam: 'id' } },
      schema: {
        tags,
        summary:
          'Gesprekken van een inwoner, nieuwste eerst (buurtteam: alleen de gesprekken waar hij bij is)',
        operationId: 'listResidentMeetings',
        params: residentParams,
        response: { 200: meetingListSchema },
      },
    },
    async (req) => service.listForResident(req.ctx(), req.params.id),
  );

  r.post(
    `${API_PREFIX}/residents/:id/meetings`,
    {
      config: { access: { permission: 'meetings:write' }, processing: {
          activity: 'PA-010',
          action: 'meetings.create',
          subjectParam: 'id',
          // The agenda is prefilled from the open barriers (assessments module).
          also: [{ activity: 'PA-008', action: 'barriers.list' }],
        },
      },
      schema: {
        tags,
        summary:
          'Een gesprek plannen (een 3-gesprek vraagt een buurtteamprofessional met toestemming van de inwoner)',
        operationId: 'createMeeting',
        params: residentParams,
        body: meetingCreateSchema,
        response: { 201: meetingSchema },
      },
    },
    async (req, reply) => {
      const { meeting, etag } = await service.scheduleMeeting(req.ctx(), req.params.id, req.body);
      return reply.status(201).header('ETag', etag).header('Location', `${base}/${meeting.id}`).send(meeting);
    },
  );

  r.get(
    `${base}/:meetingId`,
    {
      config: { access: { permission: 'meetings:read' }, processing: { activity: 'PA-010', action: 'meetings.read' } },
      schema: {
        tags,
        summary: 'Eén gesprek met deelnemers en verslag (met ETag)',
        operationId: 'getMeeting',
        params: meetingParams,
        response: { 200: meetingSchema },
      },
    },
    async (req, reply) => {
      const { meeting, etag } = await service.getMeeting(req.ctx(), req.params.meetingId);
      return reply.header('ETag', etag).send(meeting);
    },
  );

  r.patch(
    `${base}/:meetingId`,
    {
      config: { access: { permission: 'meetings:write' }, processing: { activity: 'PA-010', action: ['meetings.update', 'meetings.cancel'] } },
      schema: {
        tags,
        summary: 'Een gesprek verplaatsen, de agenda aanpassen of annuleren (If-Match verplicht)',
        operationId: 'updateMeeting',
        params: meetingParams,
        headers: ifMatchHeaders,
        body: meetingUpdateSchema,
        response: { 200: meetingSchema },
      },
    },
    async (req, reply) => {
      const { meeting, etag } = await service.updateMeeting(
        req.ctx(),
        req.params.meetingId,
        req.headers['if-match'],
        req.body,
      );
      return reply.header('ETag', etag).send(meeting);
    },
  );

  r.get(
    `${base}/:meetingId/invitation.ics`,
    {
      config: { access: { permission: 'meetings:read' }, processing: { activity: 'PA-010', action: 'meetings.invitation' } },
      schema: {
        tags,
        summary: 'Uitnodiging voor de agenda (iCalendar); na annuleren een afzegging',
        operationId: 'downloadMeetingInvitation',
        params: meetingParams,
        produces: ['text/calendar'],
        response: {
          200: z
            .string()
            .meta({
              description:
                'iCalendar (RFC 5545) met één VEVENT; METHOD:REQUEST, of METHOD:CANCEL voor een geannuleerd gesprek',
            }),
        },
      },
    },
    async (req, reply) => {
      const ics = await calendar.invitation(req.ctx(), req.params.meetingId);
      return reply
        .type(ics.contentType)
        .header('Content-Disposition', `attachment; filename="${ics.fileName}"`)
        .send(ics.text);
    },
  );

  r.post(
    `${base}/:meetingId/report`,
    {
      config: { access: { permission: 'meetings:write' }, processing: {
          activity: 'PA-010',
          action: 'meetings.report',
          // The report moves the last contact (residents) and puts the agreed actions into the plan (plans).
          also: [
            { activity: 'PA-001', action: 'residents.contactMoments.create' },
            { activity: 'PA-009', action: 'plans.read' },
            { activity: 'PA-009', action: 'plans.create' },
            { activity: 'PA-009', action: 'plans.goals.create' },
            { activity: 'PA-009', action: 'plans.actions.create' },
            { activity: 'PA-009', action: 'plans.conflict' },
          ],
        },
      },
      schema: {
        tags,
        summary:
          'Het gespreksverslag vastleggen: aanwezigheid, verslag en afspraken (die als acties in het plan komen)',
        operationId: 'createMeetingReport',
        params: meetingParams,
        body: meetingReportCreateSchema,
        response: { 201: meetingReportResultSchema },
      },
    },
    async (req, reply) => {
      const { etag, ...result } = await report.recordReport(req.ctx(), req.params.meetingId, req.body);
      return reply
        .status(201)
        .header('ETag', etag)
        .header('Location', `${base}/${req.params.meetingId}`)
        .send(result);
    },
  );
};
