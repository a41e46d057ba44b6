import { z } from 'zod';
import { timeWindowSchema as vacancyTimeWindowSchema } from '../vacancies/vacancies.schema.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of work profiles, matching and proposals (werkmatcher side).

export const contractTypes = ['permanent', 'temporary', 'agency'] as const;
export const proposalStatuses = [
  'proposed',
  'residentAgreed',
  'residentDeclined',
  'presented',
  'interviewAgreed',
  'revealed',
  'placed',
  'rejected',
  'withdrawn',
] as const;
export const responseChannels = ['inPerson', 'phone', 'video', 'letter', 'portal'] as const;
export const criteria = [
  'hours',
  'schedule',
  'travel',
  'drivingLicence',
  'occupation',
  'requiredSkills',
  'niceToHaveSkills',
  'contractType',
  'sector',
] as const;

const instant = z.iso.datetime({ offset: true });
const personRef = z.object({ id: z.uuid(), displayName: z.string() });

/** Validated in the service (windowProblem) so that each problem names its field, e.g. availability[2].from. */
export const timeWindowSchema = z.object({
  day: z.number().int().describe('1 = maandag … 7 = zondag'),
  from: z.string().max(5).describe('HH:MM op een heel of half uur'),
  to: z.string().max(5).describe('HH:MM op een heel of half uur, na from; 24:00 is het eind van de dag'),
});

export const workProfileBodySchema = z.object({
  desiredOccupations: z.array(z.object({ escoCode: z.string().trim().min(1).max(40) })).max(10).describe('Gewenste beroepen (ESCO-code)'),
  skills: z.array(z.string().max(100)).max(50),
  experience: z.array(z.object({ description: z.string().trim().min(1).max(500), years: z.number().min(0).max(60) })).max(20),
  education: z.string().max(500).nullable().optional(),
  hoursMin: z.number().min(0).max(60).multipleOf(0.5),
  hoursMax: z.number().gt(0).max(60).multipleOf(0.5),
  availability: z.array(timeWindowSchema).max(50).describe('Wanneer de inwoner kan werken (halve uren)'),
  maxTravelKm: z.number().int().min(1).max(300).nullable().optional().describe('Maximale reisafstand in km (leeg: geen maximum)'),
  hasDrivingLicence: z.boolean(),
  preferredContractTypes: z.array(z.enum(contractTypes)).max(3),
  preferredSectors: z.array(z.string().trim().min(1).max(100)).max(10),
  preferencesNote: z.string().max(1000).nullable().optional(),
});
export type WorkProfileBody = z.infer<typeof workProfileBodySchema>;

export const workProfileSchema = z
  .object({
    residentId: z.uuid(),
    desiredOccupations: z.array(z.object({ escoCode: z.string(), label: z.string(), iscoGroup: z.string() })),
    skills: z.array(z.string()),
    experience: z.array(z.object({ description: z.string(), years: z.number() })),
    education: z.string().nullable(),
    hoursMin: z.number(),
    hoursMax: z.number(),
    availability: z.array(timeWindowSchema).describe('Genormaliseerd: samengevoegd en gesorteerd'),
    availabilityHours: z.number().describe('Aantal beschikbare uren per week'),
    fitsSchoolHoursOnly: z.boolean().describe('Alle beschikbare tijden vallen binnen schooltijden (werkdagen 09:00–14:30)'),
    maxTravelKm: z.number().int().nullable(),
    hasDrivingLicence: z.boolean(),
    preferredContractTypes: z.array(z.enum(contractTypes)),
    preferredSectors: z.array(z.string()),
    preferencesNote: z.string().nullable(),
    version: z.number().int(),
    updatedAt: instant,
    updatedBy: personRef.describe('Wie het laatst wijzigde (de inwoner zelf als updatedByResident)'),
    updatedByResident: z.boolean().describe('De inwoner vulde het zelf in, in Mijn Samenplan'),
    escoAttribution: z.string().describe('Bronvermelding ESCO'),
  })
  .meta({ id: 'WorkProfile' });

export const matchContributionSchema = z
  .object({
    criterion: z.enum(criteria),
    kind: z.enum(['hard', 'soft']).describe('hard: voorwaarde (geeft geen punten), soft: punten'),
    points: z.number(),
    maxPoints: z.number(),
    explanation: z.string().describe('Uitleg in het Nederlands'),
  })
  .meta({ id: 'MatchContribution' });

export const matchVacancySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  occupation: z.object({ code: z.string(), label: z.string(), iscoGroup: z.string() }),
  hoursPerWeek: z.number(),
  schedule: z.array(vacancyTimeWindowSchema).describe('De werktijden van de vacature'),
  fitsSchoolHours: z.boolean(),
  postcode: z.string(),
  city: z.string().nullable(),
  contractType: z.enum(contractTypes),
  status: z.enum(['draft', 'open', 'filled', 'closed']),
  closingDate: z.iso.date().nullable(),
});

const vacancyMatchSchema = z
  .object({
    vacancy: matchVacancySummarySchema,
    score: z.number().describe('0–100, één decimaal'),
    contributions: z.array(matchContributionSchema),
    proposal: z.object({ id: z.uuid(), status: z.enum(proposalStatuses) }).nullable().describe('Het laatste voorstel voor deze vacature'),
  })
  .meta({ id: 'VacancyMatch' });

/** The best matches first (exact top-k); total is the number of matches shown, next is always null. */
export const vacancyMatchesSchema = listSchema(vacancyMatchSchema, 'VacancyMatches', {
  matcherVersion: z.string(),
  generatedAt: instant,
  escoAttribution: z.string(),
});

const candidateMatchSchema = z
  .object({
    resident: z.object({ id: z.uuid(), name: z.string() }),
    score: z.number(),
    contributions: z.array(matchContributionSchema),
  })
  .meta({ id: 'CandidateMatch' });

export const candidateMatchesSchema = listSchema(candidateMatchSchema, 'CandidateMatches', { matcherVersion: z.string(), generatedAt: instant });

export const proposalSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    vacancy: matchVacancySummarySchema,
    score: z.number(),
    explanation: z.array(matchContributionSchema),
    matcherVersion: z.string(),
    status: z.enum(proposalStatuses),
    note: z.string().nullable(),
    proposedAt: instant,
    proposedBy: personRef,
    residentResponseAt: instant.nullable(),
    residentResponseHow: z.enum(responseChannels).nullable(),
    presentedAt: instant.nullable(),
    interviewCommittedAt: instant.nullable(),
    revealedAt: instant.nullable(),
  })
  .meta({ id: 'Proposal' });

export const proposalListSchema = listSchema(proposalSchema, 'ProposalList');

export const proposalCreateSchema = z.object({ vacancyId: z.uuid(), note: z.string().max(1000).optional() });
export type ProposalCreate = z.infer<typeof proposalCreateSchema>;

export const residentResponseSchema = z.object({ agreed: z.boolean(), how: z.enum(responseChannels) });
export type ResidentResponse = z.infer<typeof residentResponseSchema>;

export const idParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }) });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional().describe('De ETag van de versie die u bewerkt (verplicht als er al een werkprofiel is)') });
export const vacancyMatchesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  schoolHoursOnly: z.enum(['true', 'false']).default('false').describe('true: alleen vacatures binnen schooltijden'),
});
export const candidateMatchesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
