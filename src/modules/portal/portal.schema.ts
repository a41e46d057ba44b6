import { z } from 'zod';
import { planSchema } from '../plans/plans.schema.ts';
import { MEETING_TYPES } from '../meetings/meeting-rules.ts';

// Mijn Samenplan (issue 11): what the resident's own portal sends and receives. B1 Dutch in every message.

export const GOAL_TITLE_MAX = 200;
export const GOAL_DESCRIPTION_MAX = 2000;
export const MOVE_NOTE_MAX = 500;

export const appointmentSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(MEETING_TYPES),
    typeLabel: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    mode: z.enum(['inPerson', 'video', 'phone']),
    location: z.string().nullable(),
    videoUrl: z.string().nullable(),
    withWhom: z.array(z.string()).describe('Wie er bij de afspraak zijn (namen)'),
    confirmedAt: z.iso.datetime({ offset: true }).nullable().describe('Wanneer de inwoner liet weten dat hij komt'),
    moveRequestedAt: z.iso.datetime({ offset: true }).nullable().describe('Wanneer de inwoner vroeg de afspraak te verzetten'),
    moveRequestNote: z.string().nullable(),
  })
  .meta({ id: 'PortalAppointment' });

export const portalHomeSchema = z
  .object({
    firstName: z.string(),
    contactPerson: z
      .object({
        name: z.string(),
        email: z.string().nullable(),
        since: z.iso.datetime({ offset: true }).nullable(),
        organisation: z.string().describe('De organisatie van de contactpersoon (de gemeente)'),
      })
      .nullable()
      .describe('Wie u helpt: uw vaste contactpersoon (geen foto)'),
    appointments: z.array(appointmentSchema),
    plan: z
      .object({ myOpenActions: z.number().int(), agreed: z.boolean(), version: z.number().int() })
      .nullable()
      .describe('Kort: uw plan (null als er nog geen plan is)'),
    unreadMessages: z.number().int().describe('Berichten van uw contactpersoon die u nog niet las'),
  })
  .meta({ id: 'PortalHome' });

export const appointmentParams = z.object({ meetingId: z.uuid() });

export const appointmentReplyBody = z
  .union([
    z.object({ confirm: z.literal(true) }).strict(),
    z
      .object({
        moveNote: z
          .string()
          .trim()
          .min(1, 'Schrijf kort waarom u de afspraak wilt verzetten, en wanneer u wel kunt.')
          .max(MOVE_NOTE_MAX, `Maak uw bericht korter: hoogstens ${MOVE_NOTE_MAX} tekens.`),
      })
      .strict(),
  ])
  .meta({ id: 'PortalAppointmentReply' });

export const appointmentReplySchema = z.object({
  confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  moveRequestedAt: z.iso.datetime({ offset: true }).nullable(),
  moveRequestNote: z.string().nullable(),
});

export const portalPlanSchema = planSchema;

export const actionParams = z.object({ actionId: z.uuid() });
export const actionDoneBody = z.object({ status: z.enum(['open', 'done']).describe('done: klaar; open: toch nog niet klaar') }).strict();

export const goalProposalBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'Schrijf op wat uw doel is.')
      .max(GOAL_TITLE_MAX, `Maak uw doel korter: hoogstens ${GOAL_TITLE_MAX} tekens. U kunt meer vertellen bij "Uitleg".`),
    description: z.string().trim().max(GOAL_DESCRIPTION_MAX, `Maak de uitleg korter: hoogstens ${GOAL_DESCRIPTION_MAX} tekens.`).optional(),
  })
  .strict();

export const portalConsentSchema = z
  .object({
    id: z.uuid(),
    partnerOrganisation: z.object({ id: z.uuid(), name: z.string() }),
    purpose: z.string(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
    active: z.boolean().describe('Deze organisatie mag nu meekijken'),
    withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
    givenAt: z.iso.datetime({ offset: true }),
    givenByYou: z.boolean().describe('U gaf deze toestemming zelf, in Mijn Samenplan'),
  })
  .meta({ id: 'PortalConsent' });

export const portalConsentListSchema = z
  .object({
    items: z.array(portalConsentSchema),
    total: z.number().int(),
    next: z.string().nullable(),
    organisations: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Organisaties die u toestemming kunt geven'),
  })
  .meta({ id: 'PortalConsentList' });

export const consentGiveBody = z
  .object({
    partnerOrganisationId: z.uuid({ message: 'Kies een organisatie uit de lijst.' }),
    validTo: z.iso.date({ message: 'Vul een datum in als dag-maand-jaar.' }).nullable().optional(),
  })
  .strict();

export const consentParams = z.object({ consentId: z.uuid() });

export const portalAccessLogSchema = z
  .object({
    items: z.array(
      z.object({
        at: z.iso.datetime({ offset: true }),
        organisation: z.string(),
        role: z.string().describe('De rol, in gewone woorden (werkmatcher, buurtteamprofessional …)'),
        staffName: z.string().nullable().describe('Alleen als de gemeente namen van medewerkers laat zien'),
        activity: z.string().describe('Wat er gebeurde: de naam van de verwerking in gewoon Nederlands'),
        purpose: z.string().describe('Waarom'),
      }),
    ),
    total: z.number().int(),
    next: z.string().nullable(),
    namesHidden: z.boolean(),
  })
  .meta({ id: 'PortalAccessLog' });

export const workPaysBody = z
  .object({
    hoursPerWeek: z
      .number({ message: 'Vul het aantal uren per week in, bijvoorbeeld 16.' })
      .min(0, 'Het aantal uren kan niet minder dan 0 zijn. Vul bijvoorbeeld 16 in.')
      .max(80, 'Vul hoogstens 80 uur per week in.'),
    hourlyWage: z
      .number({ message: 'Vul uw loon per uur in euro in, bijvoorbeeld 14.' })
      .min(0, 'Het loon per uur kan niet minder dan 0 zijn.')
      .max(200, 'Vul een loon per uur van hoogstens € 200 in.'),
    household: z.enum(['single', 'singleParent', 'couple'], { message: 'Kies of u alleen woont, alleenstaande ouder bent of samenwoont.' }),
    age27OrOlder: z.boolean({ message: 'Zeg of u 27 jaar of ouder bent.' }),
    youngestChildUnder12: z.boolean().optional(),
    monthsUsed: z.number().int().min(0, 'Het aantal maanden kan niet minder dan 0 zijn.').max(120).optional().describe('Hoeveel maanden u de vrijlating al had'),
    date: z.iso.date({ message: 'Vul een datum in.' }).optional().describe('De maand waarover het gaat (standaard vandaag)'),
    variant: z.enum(['werkenLoont']).optional().describe('Een onderzoeksarm (de module studies kiest die)'),
  })
  .strict();

export const workPaysResultSchema = z
  .object({
    estimate: z.literal(true).describe('Altijd een schatting: de gemeente rekent uw echte bijstand uit'),
    earningsCents: z.number().int(),
    normCents: z.number().int(),
    disregardCents: z.number().int(),
    benefitCents: z.number().int(),
    totalCents: z.number().int(),
    withoutWorkCents: z.number().int(),
    rule: z.enum(['n', 'r', 'variant', 'underAge', 'used', 'noEarnings']),
    share: z.number(),
    capCents: z.number().int(),
    explanation: z.string().describe('De regel die gold, in gewone woorden'),
    sources: z.array(z.string()),
  })
  .meta({ id: 'WorkPaysResult' });

export const proposalParams = z.object({ proposalId: z.uuid() });
export const proposalAnswerBody = z
  .object({ agreed: z.boolean({ message: 'Kies ja of nee.' }).describe('true: ja, ik wil graag; false: nee, liever niet') })
  .strict()
  .meta({ id: 'PortalProposalAnswer' });
