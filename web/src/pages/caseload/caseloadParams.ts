import { residentSorts, residentStatusFilters, type ResidentListQuery, type ResidentSort, type ResidentStatusFilter } from '../../api/models.ts';
import { oneOf } from '../../format/oneOf.ts';

export const PAGE_SIZE = 50;

/** The caseload filters as they live in the URL (so the back button and bookmarks work). */
export interface CaseloadParams {
  q: string;
  areaId: string;
  status: ResidentStatusFilter | '';
  /** As typed; only a whole number from 1 to 3650 is sent. */
  noContactDays: string;
  mine: boolean;
  sort: ResidentSort;
  cursor: string;
}

export function parseCaseloadParams(search: URLSearchParams, defaultMine: boolean): CaseloadParams {
  const mine = search.get('mijn');
  return {
    q: search.get('q') ?? '',
    areaId: search.get('wijk') ?? '',
    status: oneOf(residentStatusFilters, search.get('status')) ?? '',
    noContactDays: search.get('geenContact') ?? '',
    mine: mine === null ? defaultMine : mine === '1',
    sort: oneOf(residentSorts, search.get('sorteer')) ?? 'name',
    cursor: search.get('cursor') ?? '',
  };
}

export function caseloadSearch(params: CaseloadParams, defaultMine: boolean): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.areaId) search.set('wijk', params.areaId);
  if (params.status) search.set('status', params.status);
  if (params.noContactDays) search.set('geenContact', params.noContactDays);
  if (params.mine !== defaultMine) search.set('mijn', params.mine ? '1' : '0');
  if (params.sort !== 'name') search.set('sorteer', params.sort);
  if (params.cursor) search.set('cursor', params.cursor);
  return search;
}

/** A whole number of days from 1 to 3650, or undefined (empty or not valid). */
export function parseDays(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= 1 && n <= 3650 ? n : undefined;
}

export function daysInvalid(value: string): boolean {
  return value.trim() !== '' && parseDays(value) === undefined;
}

export function toListQuery(params: CaseloadParams): ResidentListQuery {
  return {
    q: params.q.trim() || undefined,
    areaId: params.areaId || undefined,
    status: params.status || undefined,
    noContactDays: parseDays(params.noContactDays),
    contactPerson: params.mine ? 'me' : 'any',
    sort: params.sort,
    limit: PAGE_SIZE,
    cursor: params.cursor || undefined,
  };
}

export function hasActiveFilters(params: CaseloadParams): boolean {
  return Boolean(params.q || params.areaId || params.status || params.noContactDays);
}
