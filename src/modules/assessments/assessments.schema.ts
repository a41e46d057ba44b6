import { z } from 'zod';
import { isoDate, isoInstant } from '../../platform/http/dates.ts';
import { BARRIER_STATUSES, ZRM_DOMAINS, type ZrmDomain } from './zrm.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of the integrated assessment API (section "Situatie" of the resident page).
// Ranges (score 1–5, rung 1–6, not in the future) are checked in the service, so a form gets 400 with a Dutch
// message per field instead of a bare 400.

const date = isoDate();
const personRef = z.object({ id: z.uuid(), displayName: z.string() });
const trendDirection = z
  .enum(['improved', 'same', 'worse', 'none'])
  .describe('Laatste score vergeleken met de vorige: improved (beter), same, worse (slechter), none (nog geen twee scores)');

export const zrmDomainSchema = z.enum(ZRM_DOMAINS).meta({ id: 'ZrmDomain', description: 'Domein van de Zelfredzaamheid-Matrix' });
export const barrierStatusSchema = z
  .enum(BARRIER_STATUSES)
  .meta({ id: 'BarrierStatus', description: 'open, inProgress (wordt aangepakt) of resolved (opgelost)' });

export const assessmentScoreSchema = z
  .object({
    domain: zrmDomainSchema,
    label: z.string().describe('Naam van het domein, bijvoorbeeld Financiën'),
    score: z.number().int().min(1).max(5),
    scoreLabel: z.string().describe('Bijvoorbeeld Beperkt zelfredzaam'),
  })
  .meta({ id: 'AssessmentScore' });

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    scoredAt: z.string(),
    scoredBy: personRef,
    note: z.string().nullable(),
    ladderRung: z.number().int().min(1).max(6).nullable().describe('Trede op de participatieladder (1–6), of null'),
    ladderLabel: z.string().nullable(),
    outdated: z.boolean().describe('Ouder dan 30 dagen: beschrijft het heden niet meer'),
    scores: z.array(assessmentScoreSchema).describe('Gescoorde domeinen, in de volgorde van de matrix'),
  })
  .meta({ id: 'Assessment' });

const latestScore = z.object({ score: z.number().int(), scoreLabel: z.string(), scoredAt: z.string(), outdated: z.boolean() });
const latestRung = z.object({ rung: z.number().int(), label: z.string(), scoredAt: z.string(), outdated: z.boolean() });

export const zrmDomainTrendSchema = z
  .object({
    domain: zrmDomainSchema,
    label: z.string(),
    latest: latestScore.nullable(),
    direction: trendDirection,
    points: z.array(z.object({ date, scoredAt: z.string(), score: z.number().int() })).describe('Oudste eerst, voor de grafiek'),
  })
  .meta({ id: 'ZrmDomainTrend' });

export const ladderTrendSchema = z
  .object({
    latest: latestRung.nullable(),
    direction: trendDirection,
    points: z.array(z.object({ date, scoredAt: z.string(), rung: z.number().int() })).describe('Oudste eerst, voor de grafiek'),
  })
  .meta({ id: 'LadderTrend' });

/** Scoring moments, newest first, with the trend per domain and of the ladder. */
export const assessmentHistorySchema = listSchema(assessmentSchema, 'AssessmentHistory', {
  trend: z.object({
    domains: z.array(zrmDomainTrendSchema).describe('Alle 13 domeinen, in de volgorde van de matrix'),
    ladder: ladderTrendSchema,
  }),
  outdatedAfterDays: z.number().int(),
});

const scoreShape = Object.fromEntries(
  ZRM_DOMAINS.map((d) => [d, z.number().int('Een score is een heel getal van 1 tot en met 5').optional()]),
) as Record<ZrmDomain, z.ZodOptional<z.ZodNumber>>;

export const assessmentCreateSchema = z
  .object({
    scores: z.strictObject(scoreShape).default({}).describe('Score 1–5 per domein; alleen de domeinen die zijn besproken'),
    ladderRung: z.number().int('Een trede is een heel getal van 1 tot en met 6').nullable().optional(),
    note: z.string().trim().max(4000).nullable().optional(),
    scoredAt: isoInstant('Gebruik datum en tijd, bijvoorbeeld 2026-11-20T10:00:00+01:00')
      .optional()
      .describe('Moment van scoren; standaard nu, niet in de toekomst'),
  })
  .meta({ id: 'AssessmentCreate' });

export const barrierSchema = z
  .object({
    id: z.uuid(),
    domain: zrmDomainSchema,
    domainLabel: z.string(),
    description: z.string(),
    status: barrierStatusSchema,
    statusLabel: z.string(),
    createdAt: z.string(),
    createdBy: personRef,
    updatedAt: z.string(),
    updatedBy: personRef,
    version: z.number().int().describe('Voor If-Match: ETag is "barrier-{id}-v{version}"'),
  })
  .meta({ id: 'Barrier' });

export const barrierListSchema = listSchema(barrierSchema, 'BarrierList');

const description = z.string().trim().min(3, 'Beschrijf de belemmering in minstens 3 tekens').max(2000, 'Houd de beschrijving onder 2000 tekens');

export const barrierCreateSchema = z
  .object({ domain: zrmDomainSchema, description, status: barrierStatusSchema.default('open') })
  .meta({ id: 'BarrierCreate' });

export const barrierUpdateSchema = z
  .object({ status: barrierStatusSchema.optional(), description: description.optional() })
  .meta({ id: 'BarrierUpdate' });

const option = z.object({ code: z.string(), label: z.string(), labelEn: z.string() });
const level = z.object({ value: z.number().int(), label: z.string(), labelEn: z.string() });

export const assessmentScalesSchema = z
  .object({
    domains: z.array(option),
    scores: z.array(level),
    ladderRungs: z.array(level),
    barrierStatuses: z.array(option),
    outdatedAfterDays: z.number().int(),
  })
  .meta({ id: 'AssessmentScales' });

export const idParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }) });
export const barrierParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }), barrierId: z.uuid({ message: 'Dit is geen geldig id' }) });

export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;
export type BarrierCreate = z.infer<typeof barrierCreateSchema>;
export type BarrierUpdate = z.infer<typeof barrierUpdateSchema>;
