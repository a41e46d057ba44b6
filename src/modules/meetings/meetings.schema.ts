import { z } from 'zod';
import { isoDate, isoInstant } from '../../platform/http/dates.ts';
import { actionOwnerInputSchema } from '../plans/plans.schema.ts';
import { MEETING_MODES, MEETING_STATUSES, MEETING_TYPES, PARTICIPANT_KINDS } from './meeting-rules.ts';
import { listSchema } from '../../platform/http/list.ts';
import { ownerTypes } from '../plans/plans.schema.ts';

// Request and response schemas of the meetings API (section "Gesprekken" of the resident page, the 3-gesprek page,
// "my meetings" on the worklist): validation, response shape and OpenAPI from one source. Rules that need a message
// per field (times, consent, place) are checked in the service and answer 400.

const instant = isoInstant('Gebruik datum en tijd, bijvoorbeeld 2026-12-01T10:00:00+01:00');
const date = isoDate();
const personRef = z.object({ id: z.uuid(), displayName: z.string() });
const uuid = z.uuid({ message: 'Dit is geen geldig id' });

export const meetingTypeSchema = z
  .enum(MEETING_TYPES)
  .meta({
    id: 'MeetingType',
    description:
      'intake, threeWay (3-gesprek: inwoner, buurtteam en werkmatcher), followUp (vervolggesprek), homeVisit (huisbezoek)',
  });
export const meetingModeSchema = z
  .enum(MEETING_MODES)
  .meta({ id: 'MeetingMode', description: 'inPerson (op locatie), video of phone (telefonisch)' });
export const meetingStatusSchema = z
  .enum(MEETING_STATUSES)
  .meta({
    id: 'MeetingStatus',
    description:
      'planned (gepland), held (gehouden), noShow (inwoner niet verschenen), cancelled (geannuleerd)',
  });

export const meetingParticipantSchema = z
  .object({
    id: z.uuid(),
    kind: z
      .enum(PARTICIPANT_KINDS)
      .describe('resident (de inwoner), staff (gemeente), partnerProfessional (buurtteam)'),
    name: z.string().describe('Naam om te tonen'),
    staffUser: personRef.nullable(),
    partnerOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    organiser: z.boolean(),
    attended: z.boolean().nullable().describe('Was erbij; null zolang er geen verslag is'),
  })
  .meta({ id: 'MeetingParticipant' });

export const agreedActionSchema = z
  .object({
    description: z.string(),
    goalTitle: z.string().nullable(),
    owner: z.object({ type: z.enum(ownerTypes), name: z.string() }),
    dueDate: date,
  })
  .meta({
    id: 'MeetingAgreedAction',
    description: 'Een afspraak uit het gesprek, zoals vastgelegd in het verslag (de actie staat in het plan)',
  });

export const meetingSchema = z
  .object({
    id: z.uuid(),
    resident: z.object({ id: z.uuid(), name: z.string() }),
    type: meetingTypeSchema,
    typeLabel: z.string().describe('Bijvoorbeeld 3-gesprek'),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    mode: meetingModeSchema,
    location: z.string().nullable(),
    videoUrl: z.string().nullable(),
    agenda: z.string().nullable(),
    status: meetingStatusSchema,
    statusLabel: z.string(),
    cancelledAt: z.iso.datetime({ offset: true }).nullable(),
    cancelReason: z.string().nullable(),
    organiser: personRef,
    participants: z.array(meetingParticipantSchema),
    report: z
      .object({
        text: z.string().nullable(),
        recordedBy: personRef,
        recordedAt: z.iso.datetime({ offset: true }),
        agreedActions: z.array(agreedActionSchema),
      })
      .nullable()
      .describe('Het gespreksverslag; null zolang het niet is vastgelegd'),
    version: z.number().int().describe('Voor If-Match: de ETag is "meeting-{id}-v{version}"'),
    icsSequence: z.number().int().describe('SEQUENCE van de agenda-uitnodiging; hoger na elke verplaatsing'),
    createdAt: z.iso.datetime({ offset: true }),
    permissions: z.object({
      edit: z.boolean().describe('Verplaatsen of annuleren'),
      recordReport: z
        .boolean()
        .describe('Verslag vastleggen (het gesprek is begonnen en nog niet verslagen)'),
    }),
  })
  .meta({ id: 'Meeting' });

export const meetingListSchema = listSchema(meetingSchema, 'MeetingList');

/** Oldest first; at most 200. */
export const myMeetingListSchema = listSchema(meetingSchema, 'MyMeetingList', {
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

const place = {
  location: z
    .string()
    .trim()
    .max(300)
    .nullable()
    .optional()
    .describe('Adres of ruimte; voor een huisbezoek standaard “Bij de inwoner thuis”'),
  videoUrl: z
    .url({ message: 'Vul een volledige link in, beginnend met https://' })
    .max(500)
    .nullable()
    .optional(),
};

export const meetingCreateSchema = z
  .object({
    type: meetingTypeSchema,
    startsAt: instant,
    endsAt: instant,
    mode: meetingModeSchema,
    ...place,
    agenda: z
      .string()
      .trim()
      .max(4000)
      .nullable()
      .optional()
      .describe('Zonder agenda: open belemmeringen en open acties uit het plan'),
    participants: z
      .array(z.object({ staffUserId: uuid }))
      .max(10)
      .default([])
      .describe(
        'Werkmatchers, teamleiders en buurtteamprofessionals; de inwoner en de organisator doen altijd mee',
      ),
  })
  .meta({ id: 'MeetingCreate' });

export const meetingUpdateSchema = z
  .object({
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    mode: meetingModeSchema.optional(),
    ...place,
    agenda: z.string().trim().max(4000).nullable().optional(),
    status: z.literal('cancelled').optional().describe('cancelled annuleert het gesprek'),
    cancelReason: z.string().trim().max(500).optional(),
  })
  .meta({
    id: 'MeetingUpdate',
    description: 'Verplaatsen (tijd of plaats), de agenda aanpassen of annuleren',
  });

export const agreedActionInputSchema = z
  .object({
    goalId: uuid.optional().describe('Een doel in het plan'),
    goalTitle: z.string().trim().max(200).optional().describe('Of: de titel van een (nieuw) doel'),
    description: z.string().trim().max(1000),
    owner: actionOwnerInputSchema,
    dueDate: date,
  })
  .meta({ id: 'MeetingAgreedActionCreate' });

export const meetingReportCreateSchema = z
  .object({
    report: z
      .string()
      .trim()
      .max(10000)
      .nullable()
      .optional()
      .describe('Het gespreksverslag; verplicht als het gesprek is gehouden'),
    attendance: z
      .array(z.object({ participantId: uuid, attended: z.boolean() }))
      .max(20)
      .describe('Per deelnemer of hij erbij was; de inwoner is verplicht (niet verschenen: status noShow)'),
    agreedActions: z
      .array(agreedActionInputSchema)
      .max(20)
      .default([])
      .describe('Afspraken: gaan als acties in het plan van de inwoner'),
  })
  .meta({ id: 'MeetingReportCreate' });

export const meetingReportResultSchema = z
  .object({
    meeting: meetingSchema,
    contactMomentRecorded: z.boolean().describe('Het gesprek telt als contact met de inwoner'),
    plan: z
      .object({
        id: z.uuid().nullable().describe('null als het plan niet bereikt kon worden'),
        version: z.number().int().nullable(),
        addedActionIds: z.array(z.uuid()),
        failed: z
          .array(z.object({ index: z.number().int(), reason: z.string() }))
          .describe('Afspraken die niet in het plan konden; zet ze er zelf in'),
      })
      .nullable()
      .describe('Het plan na de afspraken; null als er geen afspraken waren'),
  })
  .meta({ id: 'MeetingReportResult' });

export const myMeetingsQuerySchema = z.object({
  from: instant.optional().describe('Standaard: nu'),
  to: instant.optional().describe('Standaard: 7 dagen na from; hoogstens 92 dagen na from'),
  status: meetingStatusSchema.optional(),
});

export const residentParams = z.object({ id: uuid });
export const meetingParams = z.object({ meetingId: uuid });
export const ifMatchHeaders = z.object({
  'if-match': z.string().optional().describe('De ETag van de versie die u bewerkt'),
});

export type MeetingCreate = z.infer<typeof meetingCreateSchema>;
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;
export type MeetingReportCreate = z.infer<typeof meetingReportCreateSchema>;
export type AgreedActionInput = z.infer<typeof agreedActionInputSchema>;
export type MyMeetingsQuery = z.infer<typeof myMeetingsQuerySchema>;
export type MeetingJson = z.infer<typeof meetingSchema>;
export type AgreedActionJson = z.infer<typeof agreedActionSchema>;
