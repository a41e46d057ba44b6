import { z } from 'zod';
import { listSchema } from '../../platform/http/list.ts';
import { meetingTypeSchema } from '../meetings/meetings.schema.ts';

// Response and request schemas of the worklist and notification API (validation, response shape, OpenAPI).

const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });
const personRef = z.object({ id: z.uuid(), displayName: z.string() });

const worklistResident = z
  .object({ id: z.uuid(), name: z.string(), area: z.object({ id: z.uuid(), name: z.string() }) })
  .meta({ id: 'WorklistResident' });

const worklistLink = z
  .object({
    residentId: z.uuid(),
    section: z.enum(['plan', 'meetings', 'contactMoments', 'history', 'youth']).describe('Het deel van de inwonerpagina waar de rij naartoe leidt'),
  })
  .meta({ id: 'WorklistLink' });

export const worklistSchema = z
  .object({
    today: date,
    contactNormDays: z.number().int().describe('Contactnorm van de gemeente in dagen'),
    newInCaseload: z
      .array(
        z.object({
          resident: worklistResident,
          handoverNote: z.string().nullable().describe('De overdrachtsnotitie: als eerste tonen'),
          assignedAt: dateTime,
          assignedBy: personRef.nullable(),
          previousContactPerson: personRef.nullable(),
          link: worklistLink,
        }),
      )
      .describe('Nieuw in uw caseload (laatste 30 dagen overgedragen door een ander), nieuwste eerst'),
    dueActions: z
      .array(
        z.object({
          id: z.uuid(),
          resident: worklistResident,
          description: z.string(),
          goalTitle: z.string(),
          dueDate: date,
          status: z.enum(['open', 'inProgress']),
          ownerType: z.enum(['jobCoach', 'resident']).describe('jobCoach: uw eigen actie; resident: actie van de inwoner in uw caseload'),
          state: z.enum(['overdue', 'dueToday']),
          daysOverdue: z.number().int(),
          link: worklistLink,
        }),
      )
      .describe('Acties voor vandaag of verlopen, oudste eerst'),
    overContactNorm: z
      .array(
        z.object({
          resident: worklistResident,
          lastContactAt: dateTime.nullable(),
          daysSinceContact: z.number().int().nullable().describe('null: nog nooit contact'),
          daysSinceOpened: z.number().int().nullable().describe('Dagen sinds het dossier werd geopend'),
          norm: z.number().int(),
          daysOver: z.number().int().nullable().describe('Dagen boven de norm, geteld vanaf het laatste contact of de opening van het dossier (het laatste van de twee)'),
          link: worklistLink,
        }),
      )
      .describe('Inwoners boven de contactnorm: meeste dagen boven de norm eerst'),
    upcomingMeetings: z
      .array(z.object({ id: z.uuid(), resident: worklistResident, type: meetingTypeSchema, startsAt: dateTime, endsAt: dateTime.nullable(), link: worklistLink }))
      .describe('Gesprekken waar u aan deelneemt in deze kalenderweek (maandag tot en met zondag), vanaf het begin van vandaag'),
    newWithoutPlan: z
      .array(z.object({ resident: worklistResident, caseOpenedOn: date, contactPersonSince: dateTime.nullable(), link: worklistLink }))
      .describe('Nieuwe inwoners (≤ 30 dagen) zonder actief plan'),
    searchPeriodsEnding: z
      .array(
        z.object({
          searchPeriodId: z.uuid(),
          resident: worklistResident,
          endDate: date,
          daysLeft: z.number().int().describe('Dagen tot het einde van de zoektermijn (1 of meer)'),
          countdown: z.string().describe('"Zoektermijn eindigt over 3 dagen"'),
          exemptionPending: z.boolean().describe('Er wacht een ontheffing op de controle van een senior'),
          link: worklistLink,
        }),
      )
      .describe('Lopende zoektermijnen van jongeren in uw caseload (Team Jongeren), eerst de kortste'),
    counts: z
      .object({
        searchPeriodsEnding: z.number().int(),
        newInCaseload: z.number().int(),
        dueActions: z.number().int(),
        overdueActions: z.number().int(),
        dueToday: z.number().int(),
        overContactNorm: z.number().int(),
        upcomingMeetings: z.number().int(),
        newWithoutPlan: z.number().int(),
      })
      .describe('Totalen; de lijsten tonen er ten hoogste 50'),
  })
  .meta({ id: 'Worklist' });

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['worklistReminder', 'newInCaseload', 'residentRequest', 'searchPeriodEnding']),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().describe('Pad in de webapp'),
    createdAt: dateTime,
    readAt: dateTime.nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationListSchema = listSchema(notificationSchema, 'NotificationList', { unreadCount: z.number().int() });

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).default('false').describe('true: alleen ongelezen meldingen'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const notificationParams = z.object({ id: z.uuid() });
