import { api } from './http.ts';

// ESCO occupations (Dutch), reference data. Contract: /work/briefs/api-contract.md "ESCO".

export interface EscoSearchHit {
  code: string;
  label: string;
  iscoGroup: string;
  iscoLabel: string;
  matchedAltLabel: string | null;
}

export interface EscoOccupation {
  code: string;
  label: string;
  iscoGroup: string;
  iscoLabel: string;
  description: string;
  altLabels: string[];
}

/** Search label and synonyms; q needs at least 2 characters (the server answers 400 otherwise). */
export async function searchOccupations(q: string, signal?: AbortSignal, limit = 10): Promise<EscoSearchHit[]> {
  return (await api.get<{ data: EscoSearchHit[] }>('/esco/occupations', { query: { q, limit }, signal })).data;
}

export function getOccupation(code: string): Promise<EscoOccupation> {
  return api.get<EscoOccupation>(`/esco/occupations/${encodeURIComponent(code)}`);
}
