import { api } from './http.ts';
import type { Area, ItemList, PartnerOrganisation, StaffMember, Team } from './types.ts';

export async function listAreas(): Promise<Area[]> {
  return (await api.get<ItemList<Area>>('/areas')).items;
}

export async function listTeams(): Promise<Team[]> {
  return (await api.get<ItemList<Team>>('/teams')).items;
}

export async function listPartnerOrganisations(): Promise<PartnerOrganisation[]> {
  return (await api.get<ItemList<PartnerOrganisation>>('/partner-organisations')).items;
}

export async function listStaff(role?: 'jobCoach' | 'teamLead' | 'partnerProfessional'): Promise<StaffMember[]> {
  return (await api.get<ItemList<StaffMember>>('/staff', { query: { role } })).items;
}
