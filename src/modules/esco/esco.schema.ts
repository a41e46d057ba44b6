import { z } from 'zod';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of the ESCO occupation search.

export const escoSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'Typ minstens 2 tekens').max(100).describe('Zoekterm (minstens 2 tekens): beroepsnaam of synoniem'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const escoOccupationHitSchema = z
  .object({
    code: z.string().describe('ESCO-code'),
    label: z.string(),
    iscoGroup: z.string().describe('ISCO-08 beroepsgroep (4 cijfers)'),
    iscoLabel: z.string(),
    matchedAltLabel: z.string().nullable().describe('Het synoniem dat overeenkwam, als het niet de hoofdnaam was'),
  })
  .meta({ id: 'EscoOccupationHit' });

export const escoSearchResultSchema = listSchema(escoOccupationHitSchema, 'EscoOccupationSearchResult', { attribution: z.string() });

export const escoOccupationSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    iscoGroup: z.string(),
    iscoLabel: z.string(),
    description: z.string(),
    altLabels: z.array(z.string()),
    attribution: z.string(),
  })
  .meta({ id: 'EscoOccupation' });

export const escoCodeParams = z.object({ code: z.string().min(1).max(40) });
