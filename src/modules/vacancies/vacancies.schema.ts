import { z } from 'zod';
import { dateInput, isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of the vacancy API. VacancySummary is shared with matching, proposals and candidates.

const date = isoDate();
const closingDateInput = dateInput('JJJJ-MM-DD; vandaag of later, binnen 2 jaar');

export const contractTypes = ['permanent', 'temporary', 'agency'] as const;
export const instruments = ['wageCostSubsidy', 'trialPlacement', 'jobCoaching', 'noRiskPolicy'] as const;
export const vacancyStatuses = ['draft', 'open', 'filled', 'closed'] as const;

export const timeWindowSchema = z
  .object({
    day: z.number().int().describe('1 = maandag … 7 = zondag'),
    from: z.string().max(5).describe('UU:MM op een heel of half uur, bijv. 09:00'),
    to: z.string().max(5).describe('UU:MM op een heel of half uur, na from; 24:00 is het eind van de dag'),
  })
  .meta({ id: 'TimeWindow' });

export const vacancySummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    employer: z.object({ id: z.uuid(), name: z.string() }),
    occupation: z.object({ code: z.string(), label: z.string(), iscoGroup: z.string() }).describe('ESCO-beroep (ESCO-classificatie van de Europese Commissie)'),
    hoursPerWeek: z.number(),
    fitsSchoolHours: z.boolean().describe('Het rooster valt helemaal binnen schooltijden (werkdagen 09:00–14:30)'),
    postcode: z.string(),
    city: z.string().nullable().describe('Plaats van de gekozen vestiging'),
    contractType: z.enum(contractTypes),
    status: z.enum(vacancyStatuses),
    closingDate: date.nullable(),
  })
  .meta({ id: 'VacancySummary' });

export const vacancySchema = vacancySummarySchema
  .extend({
    description: z.string().nullable(),
    requiredSkills: z.array(z.string()),
    niceToHaveSkills: z.array(z.string()),
    schedule: z.array(timeWindowSchema),
    instruments: z.array(z.enum(instruments)),
    drivingLicenceRequired: z.boolean(),
    jobCarvingNotes: z.string().nullable(),
    locationId: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Vacancy' });

export const vacancyListSchema = listSchema(vacancySummarySchema, 'VacancyList');

export const vacancyListQuerySchema = z.object({
  status: z.enum(vacancyStatuses).optional(),
  employerId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('Zoeken in titel, beroep en werkgever'),
  schoolHours: z.enum(['true', 'false']).optional().describe('true: alleen vacatures die binnen schooltijden vallen'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type VacancyListQuery = z.infer<typeof vacancyListQuerySchema>;

const skills = z.array(z.string().trim().min(1).max(100)).max(30);

export const vacancyCreateSchema = z.object({
  employerId: z.uuid(),
  locationId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).optional(),
  escoCode: z.string().trim().min(1).max(40),
  requiredSkills: skills,
  niceToHaveSkills: skills,
  hoursPerWeek: z.number().positive('Het aantal uren moet meer dan 0 zijn').max(60, 'Hoogstens 60 uur per week'),
  schedule: z.array(timeWindowSchema).max(50),
  postcode: z.string().max(10),
  contractType: z.enum(contractTypes),
  instruments: z.array(z.enum(instruments)).max(4),
  drivingLicenceRequired: z.boolean(),
  jobCarvingNotes: z.string().trim().max(2000).optional(),
  status: z.enum(['draft', 'open']),
  // Checked in the service with the shared date rules, so the form gets this message with all the others at once.
  closingDate: closingDateInput.optional(),
});
export type VacancyCreate = z.infer<typeof vacancyCreateSchema>;

export const vacancyUpdateSchema = vacancyCreateSchema
  .omit({ employerId: true, status: true })
  .extend({
    locationId: z.uuid().nullable(),
    description: z.string().trim().max(5000).nullable(),
    jobCarvingNotes: z.string().trim().max(2000).nullable(),
    closingDate: closingDateInput.nullable(),
    status: z.enum(vacancyStatuses),
  })
  .partial();
export type VacancyUpdate = z.infer<typeof vacancyUpdateSchema>;

export const vacancyParams = z.object({ id: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional().describe('De ETag van de versie die u bewerkt') });
