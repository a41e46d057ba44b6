import { z } from 'zod';
import { OUTFLOW_REASONS } from '../../domain/outflow-rules.ts';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of outflow (uitstroom), partial work and the return to benefit (issue 12, PA-025).

const date = isoDate();

export const outflowReasonSchema = z.enum(OUTFLOW_REASONS).describe('Reden van uitstroom');

export const outflowSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    reason: outflowReasonSchema,
    outflowOn: date,
    placement: z.object({ id: z.uuid(), employerName: z.string(), startDate: date }).nullable().describe('De plaatsing waarmee de inwoner uitstroomde, als die er is'),
    note: z.string().nullable(),
    returnedOn: date.nullable().describe('Terug in de bijstand binnen 12 maanden: deze uitstroom telt niet meer mee'),
    registeredAt: z.string(),
  })
  .meta({ id: 'ResidentOutflow' });
export const outflowListSchema = listSchema(outflowSchema, 'ResidentOutflowList');

export const outflowCreateSchema = z.object({
  reason: outflowReasonSchema,
  outflowOn: date.describe('De dag waarop de uitkering stopt'),
  placementId: z.uuid().optional().describe('Weggelaten bij werk: de lopende plaatsing van de inwoner, als die er is'),
  note: z.string().trim().max(1000).optional(),
});
export type OutflowCreate = z.infer<typeof outflowCreateSchema>;

export const partialWorkSchema = z
  .object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    hours: z.number(),
    earningsCents: z.number().int(),
  })
  .meta({ id: 'PartialWorkMonth' });
export const partialWorkListSchema = listSchema(partialWorkSchema, 'PartialWorkList');

export const partialWorkBodySchema = z.object({
  hours: z.number().min(0.1, 'Vul het aantal uren in (minstens 0,1)').max(744, 'Een maand heeft hoogstens 744 uur'),
  earningsCents: z.number().int('Vul de inkomsten in centen in').min(0, 'De inkomsten kunnen niet negatief zijn').max(100_000_000),
});
export type PartialWorkBody = z.infer<typeof partialWorkBodySchema>;

export const benefitReturnBodySchema = z.object({ startDate: date.describe('De dag waarop de nieuwe uitkering begint') });
export const benefitReturnSchema = z
  .object({ residentId: z.uuid(), startDate: date, undoneOutflow: outflowSchema.nullable().describe('De uitstroom die hiermee ongedaan is (terug binnen 12 maanden), of null') })
  .meta({ id: 'BenefitReturn' });

export const residentParams = z.object({ id: z.uuid() });
export const partialWorkParams = z.object({ id: z.uuid(), month: z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM') });
