import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of the employer API: employers, locations, business contacts and agreements.

const date = isoDate();
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const agreementKinds = ['intention', 'antiDiscrimination'] as const;

export const agreementSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(agreementKinds).describe('intention: intentieverklaring; antiDiscrimination: akkoord tegen discriminatie bij werving'),
    title: z.string(),
    targetGroup: z.string().nullable(),
    pledgedPlacements: z.number().int().nullable(),
    realisedPlacements: z.number().int().describe('Plaatsingen gekoppeld aan deze afspraak met een startdatum binnen de looptijd'),
    periodStart: date,
    periodEnd: date,
    signedOn: date.nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'EmployerAgreement' });

export const agreementSummarySchema = agreementSchema
  .pick({ id: true, kind: true, title: true, pledgedPlacements: true, realisedPlacements: true, periodStart: true, periodEnd: true })
  .meta({ id: 'EmployerAgreementSummary' });

export const employerLocationSchema = z
  .object({ id: z.uuid(), name: z.string(), street: z.string().nullable(), houseNumber: z.string().nullable(), postcode: z.string(), city: z.string() })
  .meta({ id: 'EmployerLocation' });

export const employerContactSchema = z
  .object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
  .meta({ id: 'EmployerContact' });

export const employerVacancyRefSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(['draft', 'open', 'filled', 'closed']),
    hoursPerWeek: z.number(),
    closingDate: date.nullable(),
    fitsSchoolHours: z.boolean(),
  })
  .meta({ id: 'EmployerVacancyRef' });

export const employerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sector: z.string(),
    kvkNumber: z.string().nullable(),
    website: z.string().nullable(),
    notes: z.string().nullable(),
    version: z.number().int(),
    locations: z.array(employerLocationSchema),
    contacts: z.array(employerContactSchema).describe('Alleen voor werkgeversadviseurs (employers:write); anderen krijgen een lege lijst'),
    agreements: z.array(agreementSchema),
    vacancies: z.array(employerVacancyRefSchema),
  })
  .meta({ id: 'Employer' });

export const employerSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sector: z.string(),
    openVacancies: z.number().int(),
    agreements: z.array(agreementSummarySchema),
  })
  .meta({ id: 'EmployerSummary' });

export const employerListSchema = listSchema(employerSummarySchema, 'EmployerList');

export const employerListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Zoeken op (een deel van) de naam'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const kvk = z.string().regex(/^[0-9]{8}$/, 'Een KvK-nummer heeft 8 cijfers');

export const employerCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  sector: z.string().trim().min(1).max(100),
  kvkNumber: kvk.optional(),
  website: optionalText(300),
  notes: optionalText(2000),
});
export type EmployerCreate = z.infer<typeof employerCreateSchema>;

export const employerUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  sector: z.string().trim().min(1).max(100).optional(),
  kvkNumber: kvk.nullable().optional(),
  website: z.string().trim().max(300).nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type EmployerUpdate = z.infer<typeof employerUpdateSchema>;

export const locationCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  street: optionalText(200),
  houseNumber: optionalText(20),
  postcode: z.string().max(10),
  city: z.string().trim().min(1).max(100),
});
export type LocationCreate = z.infer<typeof locationCreateSchema>;

export const contactCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  jobTitle: optionalText(200),
  email: z.email().max(200).optional(),
  phone: optionalText(40),
});
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const agreementCreateSchema = z.object({
  kind: z.enum(agreementKinds),
  title: z.string().trim().min(1).max(200),
  targetGroup: optionalText(500),
  pledgedPlacements: z.number().int().min(1).max(100000).optional().describe('Verplicht bij een intentieverklaring'),
  periodStart: date,
  periodEnd: date,
  signedOn: date.optional(),
  notes: optionalText(2000),
});
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;

export const employerParams = z.object({ id: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional().describe('De ETag van de versie die u bewerkt') });
