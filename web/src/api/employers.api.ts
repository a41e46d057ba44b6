import { api, body } from './client.ts';
import type {
  Agreement,
  AgreementCreate,
  ContactCreate,
  Employer,
  EmployerContact,
  EmployerCreate,
  EmployerList,
  EmployerLocation,
  LocationCreate,
  QueryOf,
} from './models.ts';

// Employers, locations, contacts and agreements (intention / anti-discrimination). Contacts come only for
// employers:write (the advisor).

const byId = (id: string) => ({ params: { path: { id } } });

/** One page of employers: `total` counts every match, `next` is the cursor of the next page (or null). */
export function listEmployers(
  query: QueryOf<'/employers', 'get'>,
  signal?: AbortSignal,
): Promise<EmployerList> {
  return body(api.GET('/employers', { params: { query }, signal }));
}

export function getEmployer(employerId: string): Promise<Employer> {
  return body(api.GET('/employers/{id}', byId(employerId)));
}

export function createEmployer(employer: EmployerCreate): Promise<Employer> {
  return body(api.POST('/employers', { body: employer }));
}

export function addLocation(employerId: string, location: LocationCreate): Promise<EmployerLocation> {
  return body(api.POST('/employers/{id}/locations', { ...byId(employerId), body: location }));
}

export function addContact(employerId: string, contact: ContactCreate): Promise<EmployerContact> {
  return body(api.POST('/employers/{id}/contacts', { ...byId(employerId), body: contact }));
}

export function addAgreement(employerId: string, agreement: AgreementCreate): Promise<Agreement> {
  return body(api.POST('/employers/{id}/agreements', { ...byId(employerId), body: agreement }));
}
