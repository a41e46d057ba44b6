import { api, body, hrefOf } from './client.ts';
import type { components } from './schema.gen.ts';

// Issue 12: outflow (uitstroom), partial work and the return to benefit of a resident; programmes, their dashboard
// (aggregates, small cells suppressed), exports and the council report. Types are the server's (schema.gen.ts).

type S = components['schemas'];
export type ResidentOutflow = S['ResidentOutflow'];
export type OutflowReason = ResidentOutflow['reason'];
export type PartialWorkMonth = S['PartialWorkMonth'];
export type Programme = S['Programme'];
export type ProgrammeDashboard = S['ProgrammeDashboard'];
export type DashboardDimension = ProgrammeDashboard['byGroup'][number]['dimension'];

export const outflowReasons: OutflowReason[] = ['workFullTime', 'workPartTime', 'education', 'otherIncome', 'moved', 'partner', 'other'];

const byId = (id: string) => ({ params: { path: { id } } });

export const listOutflows = (residentId: string) => body(api.GET('/residents/{id}/outflows', byId(residentId)));
export const registerOutflow = (residentId: string, outflow: { reason: OutflowReason; outflowOn: string; placementId?: string; note?: string }) =>
  body(api.POST('/residents/{id}/outflows', { ...byId(residentId), body: outflow }));
export const listPartialWork = (residentId: string) => body(api.GET('/residents/{id}/partial-work', byId(residentId)));
export const recordPartialWork = (residentId: string, month: string, work: { hours: number; earningsCents: number }) =>
  body(api.PUT('/residents/{id}/partial-work/{month}', { params: { path: { id: residentId, month } }, body: work }));

export const listProgrammes = () => body(api.GET('/programmes'));
export const getProgramme = (id: string) => body(api.GET('/programmes/{id}', byId(id)));
export const getDashboard = (id: string, query: { areaId?: string; to?: string }) =>
  body(api.GET('/programmes/{id}/dashboard', { params: { path: { id }, query } }));

export const dashboardXlsxUrl = (id: string, areaId?: string) => hrefOf('/programmes/{id}/dashboard/xlsx', { path: { id }, query: areaId ? { areaId } : {} });
export const dashboardCsvUrl = (id: string, areaId?: string) => hrefOf('/programmes/{id}/dashboard/csv', { path: { id }, query: areaId ? { areaId } : {} });
export const reportPdfUrl = (id: string, month?: string) => hrefOf('/programmes/{id}/report/pdf', { path: { id }, query: month ? { month } : {} });
