import { z } from 'zod';
import { isoDate, isoInstant } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Warm handovers (warme overdracht) to Team Jongeren and the individual intake.

export const PARTNER_KINDS = ['youthCare', 'schoolRmc', 'buurtteam', 'healthCare', 'housing', 'youthProbation'] as const;
export const URGENCIES = ['normal', 'soon', 'urgent'] as const;
const date = isoDate();
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Hoogstens ${max} tekens`);

export const referralSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string(),
    partnerKind: z.enum(PARTNER_KINDS),
    organisationName: z.string(),
    professional: z.object({
      name: z.string(),
      email: z.string().nullable(),
      staffUserId: z.uuid().nullable().describe('Als de begeleider in Samenplan werkt: zij wordt deelnemer van de intake'),
    }),
    contextSummary: z.string(),
    consentOn: date.describe('De dag waarop de jongere toestemming gaf voor de overdracht'),
    urgency: z.enum(URGENCIES),
    status: z.enum(['received', 'intakePlanned', 'closed']),
    receivedOn: date,
    intake: z
      .object({ meetingId: z.uuid(), startsAt: z.iso.datetime({ offset: true }), invitationPath: z.string().describe('De .ics-uitnodiging (ook voor de begeleider)') })
      .nullable(),
    createdBy: z.object({ id: z.uuid(), displayName: z.string() }),
  })
  .meta({ id: 'YouthReferral' });

export const referralListSchema = listSchema(referralSchema, 'YouthReferralList');

export const referralCreateSchema = z.object({
  partnerKind: z.enum(PARTNER_KINDS, { error: 'Kies van welke partner de overdracht komt' }),
  organisationName: text(200, 'Vul de naam van de organisatie in'),
  partnerOrganisationId: z.uuid().optional().describe('De partnerorganisatie in Samenplan, als die er is'),
  professionalName: text(200, 'Vul de naam van de begeleider in'),
  professionalEmail: z.email('Vul een geldig e-mailadres in').max(200).optional(),
  professionalStaffUserId: z.uuid().optional().describe('De begeleider als medewerker in Samenplan (buurtteamprofessional)'),
  contextSummary: text(4000, 'Vat de context samen: wat speelt er, welke hulp loopt er'),
  consent: z.object({
    given: z.boolean().describe('De jongere gaf toestemming voor de warme overdracht'),
    on: date,
  }),
  urgency: z.enum(URGENCIES, { error: 'Kies de urgentie' }),
});
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

export const intakeCreateSchema = z.object({
  startsAt: isoInstant(),
  endsAt: isoInstant(),
  mode: z.enum(['inPerson', 'video', 'phone']),
  location: z.string().trim().max(300).optional(),
  videoUrl: z.url().max(500).optional(),
});
export type IntakeCreate = z.infer<typeof intakeCreateSchema>;

export const referralListQuery = z.object({ status: z.enum(['open', 'all']).default('open').describe('open: nog niet afgesloten') });
export const referralParams = z.object({ referralId: z.uuid() });
