import { api, body } from './client.ts';
import type { Area, PartnerOrganisation, StaffMember, StaffRoleFilter, Team } from './models.ts';

// Areas, teams, partner organisations and staff of the user's municipality (reference lists, one page each).

export async function listAreas(): Promise<Area[]> {
  return (await body(api.GET('/areas'))).items;
}

export async function listTeams(): Promise<Team[]> {
  return (await body(api.GET('/teams'))).items;
}

export async function listPartnerOrganisations(): Promise<PartnerOrganisation[]> {
  return (await body(api.GET('/partner-organisations'))).items;
}

export async function listStaff(role?: StaffRoleFilter): Promise<StaffMember[]> {
  return (await body(api.GET('/staff', { params: { query: { role } } }))).items;
}
