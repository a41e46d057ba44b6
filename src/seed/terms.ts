import type { MunicipalityDef } from './areas.nl.ts';
import type { ResidentRows } from './rows.ts';

/**
 * The demo texts (contact summaries, handover notes, plans, meeting reports) are written in Utrecht's words. For a
 * municipality that says "gebiedsteam" (Arnhem) the same texts use its word, so no screen mixes the two. Applied
 * after generation: the random choices, and so the determinism of the seed, stay as they are.
 */
export function localiseResidentRows(rows: ResidentRows, terms: MunicipalityDef['terms']): void {
  if (terms.partnerTeam === 'buurtteam') return;
  const word = terms.partnerTeam;
  const capital = word.charAt(0).toUpperCase() + word.slice(1);
  const replace = (s: string) => s.replace(/\bbuurtteam/g, word).replace(/\bBuurtteam/g, capital);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return replace(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const o = value as Record<string, unknown>;
      // Enumerations are no prose: `kind` (partner organisation kind) and the like keep their code values.
      for (const key of Object.keys(o)) if (key !== 'kind') o[key] = walk(o[key]);
      return o;
    }
    return value;
  };
  for (const table of Object.values(rows) as unknown[][]) for (const row of table) walk(row);
}
