import { api, body } from './client.ts';
import type { EscoOccupation, EscoSearchHit } from './models.ts';

// ESCO occupations (Dutch), reference data.

/** Search label and synonyms; q needs at least 2 characters (the server answers 400 otherwise). */
export async function searchOccupations(
  q: string,
  signal?: AbortSignal,
  limit = 10,
): Promise<EscoSearchHit[]> {
  return (await body(api.GET('/esco/occupations', { params: { query: { q, limit } }, signal }))).items;
}

export function getOccupation(code: string): Promise<EscoOccupation> {
  return body(api.GET('/esco/occupations/{code}', { params: { path: { code } } }));
}
