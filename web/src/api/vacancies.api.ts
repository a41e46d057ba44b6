import { api, answer, body } from './client.ts';
import type { Vacancy, VacancyCreate, VacancyList, VacancyQuery, VacancyUpdate } from './models.ts';

// Vacancies. Edits send If-Match with the ETag of the version the user saw; 412 means someone else saved first.

export interface VacancyWithEtag {
  vacancy: Vacancy;
  etag: string;
}

/** One page of vacancies: `total` counts every match, `next` is the cursor of the next page (or null). */
export function listVacancies(query: VacancyQuery, signal?: AbortSignal): Promise<VacancyList> {
  return body(api.GET('/vacancies', { params: { query }, signal }));
}

/** The vacancy with the ETag to send back when editing it. */
export async function getVacancy(id: string): Promise<VacancyWithEtag> {
  const res = await answer(api.GET('/vacancies/{id}', { params: { path: { id } } }));
  return { vacancy: res.data, etag: res.etag ?? `"${res.data.version}"` };
}

export function createVacancy(vacancy: VacancyCreate): Promise<Vacancy> {
  return body(api.POST('/vacancies', { body: vacancy }));
}

export function updateVacancy(id: string, etag: string, change: VacancyUpdate): Promise<Vacancy> {
  return body(
    api.PATCH('/vacancies/{id}', { params: { path: { id }, header: { 'if-match': etag } }, body: change }),
  );
}
