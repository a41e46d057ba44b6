import { api, body, hrefOf } from './client.ts';
import type { components } from './schema.gen.ts';

// Issue 14: studies (randomised policy experiments): the list, one study, its CONSORT flow with balance and
// follow-up, the ITT analysis, and the researchers' pseudonymised data set. Types are the server's (schema.gen.ts).

type S = components['schemas'];
export type Study = S['Study'];
export type StudyOverview = S['StudyOverview'];
export type StudyAnalysis = S['StudyAnalysis'];
export type StudyOutcome = Study['primaryOutcome'];
export type BalanceVariable = StudyOverview['balance'][number]['variable'];

const byId = (id: string) => ({ params: { path: { id } } });

export const listStudies = () => body(api.GET('/studies'));
export const getStudy = (id: string) => body(api.GET('/studies/{id}', byId(id)));
export const getStudyOverview = (id: string) => body(api.GET('/studies/{id}/overview', byId(id)));
export const analyseStudy = (id: string, query: { outcome?: StudyOutcome; se?: 'HC2' | 'HC3' }) =>
  body(api.GET('/studies/{id}/analysis', { params: { path: { id }, query } }));
export const studyDatasetUrl = (id: string) => hrefOf('/studies/{id}/pseudonymised-dataset', { path: { id } });
