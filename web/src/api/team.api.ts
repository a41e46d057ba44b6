import { api, body } from './client.ts';
import type {
  CatchUpCampaign,
  CatchUpCampaignDetail,
  CatchUpCreate,
  CatchUpPreview,
  CatchUpPreviewRequest,
  ReassignmentCreate,
  ReassignmentResult,
  TeamCaseloads,
} from './models.ts';

// The teamleider's API (permission team:manage): caseloads, bulk reassignment and catch-up campaigns.

export function getTeamCaseloads(): Promise<TeamCaseloads> {
  return body(api.GET('/team/caseloads'));
}

export function reassignResidents(reassignment: ReassignmentCreate): Promise<ReassignmentResult> {
  return body(api.POST('/team/reassignments', { body: reassignment }));
}

export function previewCatchUp(request: CatchUpPreviewRequest): Promise<CatchUpPreview> {
  return body(api.POST('/catch-up-campaigns/preview', { body: request }));
}

export function createCatchUp(campaign: CatchUpCreate): Promise<CatchUpCampaignDetail> {
  return body(api.POST('/catch-up-campaigns', { body: campaign }));
}

export async function listCatchUps(): Promise<CatchUpCampaign[]> {
  return (await body(api.GET('/catch-up-campaigns'))).items;
}

export function getCatchUp(id: string): Promise<CatchUpCampaignDetail> {
  return body(api.GET('/catch-up-campaigns/{id}', { params: { path: { id } } }));
}

/** Closes a campaign: its follow-up ends; the residents stay with their new werkmatcher (ADR 0015). */
export function closeCatchUp(id: string): Promise<CatchUpCampaignDetail> {
  return body(api.POST('/catch-up-campaigns/{id}/close', { params: { path: { id } } }));
}
