import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { STAGES } from './fairness.rules.ts';

// Request and response schemas of the fairness monitor (aggregates only) and the Algoritmeregister entry.

const date = isoDate();
export const DIMENSIONS = ['ageBand', 'householdType', 'gender', 'migrationBackground'] as const;

export const monitorQuerySchema = z.object({
  from: date.optional().describe('Begin van de periode (standaard 1 januari van het jaar van "to")'),
  to: date.optional().describe('Einde van de periode, inclusief (standaard vandaag)'),
  dimension: z.enum(DIMENSIONS).default('ageBand'),
});
export type MonitorQuery = z.infer<typeof monitorQuerySchema>;

const cell = z.number().int().min(10).nullable().describe('Aantal inwoners; null als het minder dan 10 is (onderdrukt)');

export const fairnessMonitorSchema = z
  .object({
    dimension: z.enum(DIMENSIONS),
    from: date,
    to: date,
    matcherVersion: z.string(),
    minimumCellSize: z.number().int(),
    stages: z.array(z.enum(STAGES)),
    groups: z.array(
      z.object({
        group: z.string(),
        label: z.string(),
        population: cell,
        exposure: cell,
        proposals: cell,
        interviews: cell,
        placements: cell,
        rates: z
          .object({ exposure: z.number(), proposal: z.number(), interview: z.number(), placement: z.number() })
          .nullable()
          .describe('Aandeel van de populatie dat de fase bereikte; null voor een onderdrukte groep'),
        suppressed: z.boolean(),
      }),
    ),
    warnings: z
      .array(
        z.object({
          stage: z.enum(STAGES),
          group: z.string(),
          label: z.string(),
          ratio: z.number().describe('Aandeel van deze groep gedeeld door dat van de referentiegroep (afgerond naar beneden)'),
          referenceGroup: z.string(),
        }),
      )
      .describe('Vier-vijfderegel: het aandeel van een groep is lager dan 0,8 × dat van de groep met het hoogste aandeel'),
  })
  .meta({ id: 'FairnessMonitor' });

export const registerQuerySchema = z.object({
  download: z.enum(['true', 'false']).optional().describe('true: als bestand downloaden (Content-Disposition: attachment)'),
});

const titled = z.object({ title: z.string(), url: z.string().nullable() });

export const algorithmRegisterEntrySchema = z
  .object({
    standard: z.object({ name: z.string(), version: z.string(), url: z.string() }),
    language: z.string(),
    name: z.string(),
    organisation: z.string(),
    department: z.string(),
    descriptionShort: z.string(),
    type: z.string(),
    category: z.array(z.string()),
    publicationCategory: z.string(),
    status: z.string(),
    goal: z.string(),
    impact: z.string(),
    proportionality: z.string(),
    decisionMaking: z.string(),
    humanIntervention: z.string(),
    methodsAndModels: z.string(),
    data: z.array(
      z.object({ key: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(['hard', 'soft']), use: z.string(), maxPoints: z.number(), source: z.string() }),
    ),
    excludedAttributes: z.array(z.object({ attribute: z.string(), reason: z.string() })),
    excludedAttributesNote: z.string(),
    legalBasis: z.array(titled),
    impactAssessments: z.array(z.object({ title: z.string(), description: z.string() })),
    risks: z.array(z.object({ risk: z.string(), mitigation: z.string() })),
    monitoring: z.string(),
    objectionProcedure: z.string(),
    provider: z.string(),
    links: z.array(titled),
    contact: z.string(),
    version: z.string(),
    date,
  })
  .meta({ id: 'AlgorithmRegisterEntry', description: 'Publicatie voor het Algoritmeregister van de Nederlandse overheid (in het Nederlands)' });
export type AlgorithmRegisterEntry = z.infer<typeof algorithmRegisterEntrySchema>;
