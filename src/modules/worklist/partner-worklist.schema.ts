import { z } from 'zod';
import { meetingTypeSchema } from '../meetings/meetings.schema.ts';

// The buurtteam professional's werklijst (GET /partner-worklist): response shape and OpenAPI.

const date = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

const resident = z
  .object({ id: z.uuid(), name: z.string(), area: z.object({ id: z.uuid(), name: z.string() }) })
  .meta({ id: 'PartnerWorklistResident' });

const link = z
  .object({
    residentId: z.uuid(),
    section: z.enum(['plan', 'meetings', 'consents']).describe('Het deel van de inwonerpagina waar de rij naartoe leidt'),
  })
  .meta({ id: 'PartnerWorklistLink' });

export const partnerWorklistSchema = z
  .object({
    today: date,
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    consentWindowDays: z.number().int().describe('Toestemmingen die binnen zoveel dagen aflopen'),
    openActions: z
      .array(
        z.object({
          id: z.uuid(),
          resident,
          description: z.string(),
          goalTitle: z.string(),
          dueDate: date.nullable(),
          status: z.enum(['open', 'inProgress']),
          mine: z.boolean().describe('true: uw eigen actie; false: een actie van uw organisatie'),
          ownerName: z.string().nullable().describe('De collega die de actie draagt, als het niet u bent'),
          state: z.enum(['overdue', 'dueToday', 'later', 'noDueDate']),
          daysOverdue: z.number().int(),
          link,
        }),
      )
      .describe('Open acties van u of uw organisatie in gedeelde plannen: verlopen eerst, zonder datum als laatste'),
    meetings: z
      .array(
        z.object({
          id: z.uuid(),
          resident,
          type: meetingTypeSchema,
          startsAt: dateTime,
          endsAt: dateTime,
          mode: z.enum(['inPerson', 'video', 'phone']),
          location: z.string().nullable(),
          invited: z.boolean().describe('true: u bent zelf uitgenodigd; false: een collega van uw organisatie'),
          when: z.enum(['today', 'thisWeek', 'later']).describe('Vandaag, de komende 7 dagen, of later (tot 4 weken)'),
          link,
        }),
      )
      .describe('Gesprekken waaraan u of uw organisatie deelneemt, vanaf vandaag, vroegste eerst'),
    consentsEndingSoon: z
      .array(
        z.object({ id: z.uuid(), resident, purpose: z.string(), validTo: date, daysLeft: z.number().int(), link }),
      )
      .describe('Toestemmingen voor uw organisatie die binnenkort aflopen, eerste eerst'),
    counts: z.object({
      openActions: z.number().int(),
      overdueActions: z.number().int(),
      meetingsToday: z.number().int(),
      meetingsThisWeek: z.number().int().describe('Vandaag en de komende 7 dagen samen'),
      meetings: z.number().int(),
      consentsEndingSoon: z.number().int(),
    }),
  })
  .meta({ id: 'PartnerWorklist' });
