import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { CANDIDATE_STATUSES } from './candidates.rules.ts';
import { listSchema } from '../../platform/http/list.ts';
import { criteria } from '../matching/matching.schema.ts';

// Request and response schemas of the employer advisor's candidate API (anonymous presentation and reveal).
// The response schemas are also a safety net: the serializer drops every field that is not declared here, so a
// store that selected too much can never send a resident's name, address or birth date before the reveal.

const date = isoDate();
const instant = z.iso.datetime({ offset: true });

const timeWindow = z.object({
  day: z.number().int().min(1).max(7).describe('1 = maandag … 7 = zondag'),
  from: z.string().describe('HH:MM, op een heel of half uur'),
  to: z.string().describe('HH:MM, op een heel of half uur; 24:00 is het einde van de dag'),
});

const contribution = z.object({
  criterion: z.enum(criteria),
  kind: z.enum(['hard', 'soft']),
  points: z.number(),
  maxPoints: z.number(),
  explanation: z.string().describe('Uitleg in het Nederlands'),
});

const vacancySummary = z.object({
  id: z.uuid(),
  title: z.string(),
  employer: z.object({ id: z.uuid(), name: z.string() }),
  occupation: z.object({ code: z.string(), label: z.string(), iscoGroup: z.string() }),
  hoursPerWeek: z.number(),
  fitsSchoolHours: z.boolean(),
  postcode: z.string(),
  city: z.string().nullable(),
  contractType: z.enum(['permanent', 'temporary', 'agency']),
  status: z.enum(['draft', 'open', 'filled', 'closed']),
  closingDate: date.nullable(),
});

export const anonymousProfileSchema = z
  .object({
    desiredOccupations: z.array(z.object({ label: z.string() })),
    skills: z.array(z.string()),
    experience: z.array(z.object({ description: z.string(), years: z.number() })),
    education: z.string().nullable().describe('De opleiding zoals in het werkprofiel beschreven'),
    hoursMin: z.number(),
    hoursMax: z.number(),
    availability: z.array(timeWindow),
    hasDrivingLicence: z.boolean(),
    maxTravelKm: z.number().int().nullable(),
  })
  .meta({
    id: 'AnonymousProfile',
    description: 'Het werkprofiel zonder naam, leeftijd, geboortedatum, geslacht, foto, adres, postcode, wijk, afkomst, nationaliteit, taal of huishouden',
  });
export type AnonymousProfile = z.infer<typeof anonymousProfileSchema>;

export const candidateSchema = z
  .object({
    proposalId: z.uuid(),
    candidateCode: z.string().describe('Vaste, anonieme code per voorstel, bijvoorbeeld K-7F3A2B'),
    status: z.enum(CANDIDATE_STATUSES),
    vacancy: vacancySummary,
    score: z.number().describe('0–100, één decimaal'),
    explanation: z.array(contribution),
    matcherVersion: z.string(),
    residentAgreedAt: instant.nullable(),
    presentedAt: instant.nullable(),
    interviewCommittedAt: instant.nullable(),
    revealedAt: instant.nullable(),
    profile: anonymousProfileSchema,
    identity: z
      .object({
        name: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        residentId: z.uuid().describe('Voor het vastleggen van de plaatsing (POST /placements)'),
      })
      .nullable()
      .describe('Pas na vrijgave: de inwoner stemde in en de werkgever zegde een gesprek toe'),
    placementId: z.uuid().nullable().describe('De plaatsing die bij dit voorstel is vastgelegd'),
    anonymousText: z
      .string()
      .nullable()
      .describe('Het anonieme profiel als tekst om naar de werkgever te sturen (met de kandidaatcode, zonder naam of contactgegevens); null zolang de kandidaat niet anoniem is voorgesteld'),
  })
  .meta({ id: 'Candidate' });

export const candidateListSchema = listSchema(candidateSchema, 'CandidateList');

export const candidateListQuerySchema = z.object({
  vacancyId: z.uuid().optional(),
  status: z.enum(CANDIDATE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
export type CandidateListQuery = z.infer<typeof candidateListQuerySchema>;

export const candidateParams = z.object({ proposalId: z.uuid() });

export const interviewCommitmentSchema = z.object({
  committedOn: date.optional().describe('Dag waarop de werkgever het gesprek toezegde (standaard: nu)'),
});
export type InterviewCommitment = z.infer<typeof interviewCommitmentSchema>;

export const rejectionSchema = z.object({
  note: z.string().trim().max(1000).optional().describe('Waarom de werkgever afziet van een gesprek (zonder persoonsgegevens)'),
});
export type Rejection = z.infer<typeof rejectionSchema>;

// An empty JSON body for actions without input (POST .../presentation, .../reveal).
export const emptyBodySchema = z.object({}).optional();
