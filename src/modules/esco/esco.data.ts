import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The Dutch ESCO occupations (data/esco/*.json), loaded once at first use and kept in memory (about 3,000 entries).
// Search: label and altLabels, case- and diacritics-insensitive; prefix matches (of the label, then of a word) before
// substring matches. Attribution: "Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie".

export const ESCO_ATTRIBUTION = 'Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie';

interface RawOccupation {
  code: string;
  iscoGroup: string;
  label: string;
  altLabels?: string[];
  description?: string;
}
interface RawIscoGroup {
  code: string;
  label: string;
}

export interface Occupation {
  code: string;
  label: string;
  iscoGroup: string;
  iscoLabel: string;
  description: string;
  altLabels: string[];
}

export interface OccupationRef {
  code: string;
  label: string;
  iscoGroup: string;
}

export interface OccupationHit {
  code: string;
  label: string;
  iscoGroup: string;
  iscoLabel: string;
  matchedAltLabel: string | null;
}

interface Indexed {
  occupation: Occupation;
  /** Normalised label first, then the normalised altLabels (same order as occupation.altLabels). */
  names: string[];
}

interface EscoData {
  list: Indexed[];
  byCode: Map<string, Occupation>;
}

/** Lower case without diacritics and with collapsed spaces: "Verpleegkundige É" → "verpleegkundige e". */
export function normaliseText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/esco');
let cache: EscoData | null = null;

/**
 * Builds the in-memory index. The republished data holds a few ESCO codes twice for different occupations (48 of
 * 3,039); the first keeps the code, each further one gets a suffix ("1330.1-2") so that a code names one occupation.
 */
export function buildEscoData(occupations: readonly RawOccupation[], groups: readonly RawIscoGroup[]): EscoData {
  const groupLabel = new Map(groups.map((g) => [g.code, g.label]));
  const byCode = new Map<string, Occupation>();
  const list: Indexed[] = [];
  for (const raw of occupations) {
    let code = raw.code;
    for (let n = 2; byCode.has(code); n++) code = `${raw.code}-${n}`;
    const occupation: Occupation = {
      code,
      label: raw.label,
      iscoGroup: raw.iscoGroup,
      iscoLabel: groupLabel.get(raw.iscoGroup) ?? '',
      description: raw.description ?? '',
      altLabels: raw.altLabels ?? [],
    };
    byCode.set(code, occupation);
    list.push({ occupation, names: [raw.label, ...occupation.altLabels].map(normaliseText) });
  }
  return { list, byCode };
}

function data(): EscoData {
  if (!cache) {
    const read = <T>(file: string) => JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;
    cache = buildEscoData(read<RawOccupation[]>('occupations-nl.json'), read<RawIscoGroup[]>('isco-groups-nl.json'));
  }
  return cache;
}

/** How well a normalised name matches: 0 = starts with q, 1 = a word starts with q, 2 = contains q, null = no match. */
function rank(name: string, q: string): number | null {
  const at = name.indexOf(q);
  if (at < 0) return null;
  if (at === 0) return 0;
  if (new RegExp(`(^|[\\s\\-/(])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(name)) return 1;
  return 2;
}

/** Search over the given index (pure; the route uses the loaded data). */
export function searchIn(list: readonly Indexed[], query: string, limit: number): OccupationHit[] {
  return rankedHits(list, query, limit).shown;
}

/** The best `limit` hits (at most 50), and how many occupations match in all. */
function rankedHits(list: readonly Indexed[], query: string, limit: number): { shown: OccupationHit[]; total: number } {
  const q = normaliseText(query);
  if (q.length === 0) return { shown: [], total: 0 };
  const hits: Array<{ hit: OccupationHit; score: number }> = [];
  for (const { occupation: o, names } of list) {
    let best: { score: number; alt: number | null } | null = null;
    names.forEach((name, i) => {
      const r = rank(name, q);
      if (r === null) return;
      // The preferred label wins over an altLabel of the same rank.
      const score = r * 2 + (i === 0 ? 0 : 1);
      if (!best || score < best.score) best = { score, alt: i === 0 ? null : i - 1 };
    });
    if (best === null) continue;
    const b: { score: number; alt: number | null } = best;
    hits.push({
      score: b.score,
      hit: { code: o.code, label: o.label, iscoGroup: o.iscoGroup, iscoLabel: o.iscoLabel, matchedAltLabel: b.alt === null ? null : o.altLabels[b.alt]! },
    });
  }
  hits.sort((a, b) => a.score - b.score || a.hit.label.length - b.hit.label.length || a.hit.label.localeCompare(b.hit.label, 'nl') || a.hit.code.localeCompare(b.hit.code));
  return { shown: hits.slice(0, Math.max(0, Math.min(limit, 50))).map((h) => h.hit), total: hits.length };
}

/** A search as the API answers it: the best hits and the number of all matching occupations. */
export function searchOccupationsPage(query: string, limit = 20): { items: OccupationHit[]; total: number; next: null } {
  const { shown, total } = rankedHits(data().list, query, limit);
  return { items: shown, total, next: null };
}

export function searchOccupations(query: string, limit = 20): OccupationHit[] {
  return searchIn(data().list, query, limit);
}

/** The occupation with all details, or null. */
export function getOccupation(code: string): Occupation | null {
  return data().byCode.get(code) ?? null;
}

/** escoCode → { code, label, iscoGroup } for other modules (vacancies, work profiles), or null when unknown. */
export function findOccupation(code: string): OccupationRef | null {
  const o = getOccupation(code);
  return o ? { code: o.code, label: o.label, iscoGroup: o.iscoGroup } : null;
}
