import { api } from './http.ts';
import type {
  CatchUpCampaign,
  CatchUpCampaignDetail,
  CatchUpCreate,
  CatchUpCriteria,
  CatchUpPreview,
  ItemList,
  ReassignmentCreate,
  ReassignmentResult,
  TeamCaseloads,
} from './types.ts';

// The teamleider's API (permission team:manage): caseloads, bulk reassignment and catch-up campaigns.

const campaigns = '/catch-up-campaigns';

export function getTeamCaseloads(): Promise<TeamCaseloads> {
  return api.get<TeamCaseloads>('/team/caseloads');
}

export function reassignResidents(body: ReassignmentCreate): Promise<ReassignmentResult> {
  return api.post<ReassignmentResult>('/team/reassignments', body);
}

export function previewCatchUp(body: {
  teamId?: string;
  criteria: CatchUpCriteria;
}): Promise<CatchUpPreview> {
  return api.post<CatchUpPreview>(`${campaigns}/preview`, body);
}

export function createCatchUp(body: CatchUpCreate): Promise<CatchUpCampaignDetail> {
  return api.post<CatchUpCampaignDetail>(campaigns, body);
}

export async function listCatchUps(): Promise<CatchUpCampaign[]> {
  return (await api.get<ItemList<CatchUpCampaign>>(campaigns)).items;
}

export function getCatchUp(id: string): Promise<CatchUpCampaignDetail> {
  return api.get<CatchUpCampaignDetail>(`${campaigns}/${encodeURIComponent(id)}`);
}
