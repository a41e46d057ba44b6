import { z } from 'zod';
import { OUTFLOW_REASONS } from '../../domain/outflow-rules.ts';
import { isoDate } from '../../platform/http/dates.ts';
import { contractTypes, instruments } from '../vacancies/vacancies.schema.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of placements and follow-up (nazorg).

const date = isoDate();

export const followUpSchema = z
  .object({
    months: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
    dueOn: date,
    doneOn: date.nullable(),
    stillEmployed: z.boolean().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'PlacementFollowUp' });

export const placementSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string().nullable().describe('Alleen als u de identiteit mag zien (gebiedsteam, of werkgeversadviseur na vrijgave)'),
    employer: z.object({ id: z.uuid(), name: z.string() }),
    vacancy: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    agreement: z.object({ id: z.uuid(), title: z.string() }).nullable().describe('null: de plaatsing telt voor geen afspraak van de werkgever'),
    startDate: date,
    endDate: date.nullable(),
    contractType: z.enum(contractTypes),
    hoursPerWeek: z.number(),
    hourlyWage: z.number().nullable(),
    instrument: z.enum(instruments).nullable(),
    outflow: z.enum(['full', 'partial']),
    outflowRegistration: z
      .object({
        id: z.uuid(),
        reason: z.enum(OUTFLOW_REASONS),
        outflowOn: date,
        returnedOn: date.nullable(),
      })
      .nullable()
      .describe(
        'De uitstroom die bij deze plaatsing is geregistreerd (null: nog niet, of u mag haar niet zien). Een plaatsing met outflow full van de werkmatcher registreert haar zelf op de startdatum (werk voltijds vanaf 36 uur per week, anders deeltijds), als de uitkering loopt en de start hoogstens 92 dagen vooruit ligt.',
      ),
    status: z.enum(['active', 'ended']),
    followUps: z.array(followUpSchema),
  })
  .meta({ id: 'Placement' });

export const placementListSchema = listSchema(placementSchema, 'PlacementList');

export const placementCreateSchema = z.object({
  residentId: z.uuid(),
  employerId: z.uuid(),
  vacancyId: z.uuid().optional(),
  proposalId: z.uuid().optional().describe('Verplicht voor de werkgeversadviseur: het voorstel waarvan de identiteit is vrijgegeven'),
  agreementId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      'De afspraak (intentieverklaring) waarvoor de plaatsing telt. Weggelaten: de afspraak van de werkgever die op de startdatum loopt; lopen er meerdere, dan 400 (kies er een); loopt er geen, dan telt de plaatsing voor geen afspraak (agreement: null in het antwoord). null: bewust geen afspraak.',
    ),
  startDate: date,
  contractType: z.enum(contractTypes),
  hoursPerWeek: z.number().positive('Het aantal uren moet meer dan 0 zijn').max(60, 'Hoogstens 60 uur per week'),
  hourlyWage: z.number().positive().lt(1000).optional(),
  instrument: z.enum(instruments).optional(),
  outflow: z.enum(['full', 'partial']).describe('full: de uitkering stopt; partial: aanvullende uitkering blijft'),
});
export type PlacementCreate = z.infer<typeof placementCreateSchema>;

export const placementListQuerySchema = z.object({
  followUpDue: z.enum(['true', 'false']).optional().describe('true: alleen plaatsingen met nazorg binnen 14 dagen of te laat'),
});

export const followUpBodySchema = z.object({
  doneOn: date,
  stillEmployed: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});
export type FollowUpBody = z.infer<typeof followUpBodySchema>;

export const placementParams = z.object({ id: z.uuid() });
export const residentParams = z.object({ id: z.uuid() });
export const followUpParams = z.object({ id: z.uuid(), months: z.enum(['1', '3', '6', '12']) });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional().describe('De ETag van de plaatsing die u bewerkt') });
