import { bsnCheckDigit } from '../../src/domain/bsn.ts';
import type { Db } from '../../src/platform/db/database.ts';

// A small, explicit world for access tests: two municipalities, two areas in one, every role,
// residents in and out of each scope, and consents that are active, withdrawn and expired.

let counter = 0;
export const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
function id(): string {
  counter += 1;
  return uid(0x100000 + counter);
}

export function makeBsn(n: number): string {
  for (let k = n; ; k += 1) {
    const first = `9${String(k).padStart(7, '0')}`;
    const d = bsnCheckDigit(first);
    if (d !== null) return first + String(d);
  }
}

export interface World {
  utrecht: string;
  arnhem: string;
  areas: { overvecht: string; zuilen: string; noord: string };
  partners: { btOvervecht: string; btZuilen: string; otherUtrecht: string; otherArnhem: string };
  users: Record<string, string>;
  residents: Record<'ov1' | 'ov2' | 'ov3' | 'ov4' | 'zu1' | 'ar1', string>;
}

export const ROLE_USERS = {
  jobCoach: 'wm.ov',
  teamLead: 'tl.ov',
  jobCoachOtherArea: 'wm.zu',
  partnerProfessional: 'bt.ov',
  partnerOtherOrg: 'bt.zu',
  employerAdvisor: 'wga',
  policyOfficer: 'beleid.t',
  researcher: 'onderzoek.t',
  admin: 'beheer.t',
  privacyOfficer: 'privacy.t',
  jobCoachOtherMunicipality: 'wm.ar',
} as const;

export async function createWorld(db: Db): Promise<World> {
  const utrecht = id();
  const arnhem = id();
  await db.insertInto('municipalities').values([
    { id: utrecht, code: 't0344', name: 'Utrecht (test)', is_demo: true },
    { id: arnhem, code: 't0202', name: 'Arnhem (test)', is_demo: true, area_term: 'gebied', partner_team_term: 'gebiedsteam' },
  ]).execute();
  const areas = { overvecht: id(), zuilen: id(), noord: id() };
  await db.insertInto('areas').values([
    { municipality_id: utrecht, id: areas.overvecht, code: 'ov', name: 'Overvecht' },
    { municipality_id: utrecht, id: areas.zuilen, code: 'zu', name: 'Noordwest' },
    { municipality_id: arnhem, id: areas.noord, code: 'no', name: 'Noord' },
  ]).execute();
  await db.insertInto('area_postcode_ranges').values([
    { municipality_id: utrecht, area_id: areas.overvecht, pc4_from: 3561, pc4_to: 3564 },
    { municipality_id: utrecht, area_id: areas.zuilen, pc4_from: 3551, pc4_to: 3555 },
    { municipality_id: arnhem, area_id: areas.noord, pc4_from: 6800, pc4_to: 6829 },
  ]).execute();
  const teams = { ov: id(), zu: id(), ar: id() };
  await db.insertInto('teams').values([
    { municipality_id: utrecht, id: teams.ov, name: 'Team Overvecht' },
    { municipality_id: utrecht, id: teams.zu, name: 'Team Noordwest' },
    { municipality_id: arnhem, id: teams.ar, name: 'Gebiedsteam Noord' },
  ]).execute();
  await db.insertInto('team_areas').values([
    { municipality_id: utrecht, team_id: teams.ov, area_id: areas.overvecht },
    { municipality_id: utrecht, team_id: teams.zu, area_id: areas.zuilen },
    { municipality_id: arnhem, team_id: teams.ar, area_id: areas.noord },
  ]).execute();
  const partners = { btOvervecht: id(), btZuilen: id(), otherUtrecht: id(), otherArnhem: id() };
  await db.insertInto('partner_organisations').values([
    { municipality_id: utrecht, id: partners.btOvervecht, name: 'Buurtteam Overvecht', area_id: areas.overvecht },
    { municipality_id: utrecht, id: partners.btZuilen, name: 'Buurtteam Zuilen', area_id: areas.zuilen },
    { municipality_id: utrecht, id: partners.otherUtrecht, name: 'Schuldhulp Utrecht', kind: 'other', area_id: null },
    { municipality_id: arnhem, id: partners.otherArnhem, name: 'Sociaal Wijkteam Noord', area_id: areas.noord },
  ]).execute();

  const users: Record<string, string> = {};
  const staff: Array<[string, string, string[], string | null, string | null, boolean]> = [
    // username, municipality, roles, partner org, team, lead
    [ROLE_USERS.jobCoach, utrecht, ['jobCoach'], null, teams.ov, false],
    [ROLE_USERS.teamLead, utrecht, ['teamLead'], null, teams.ov, true],
    [ROLE_USERS.jobCoachOtherArea, utrecht, ['jobCoach'], null, teams.zu, false],
    [ROLE_USERS.partnerProfessional, utrecht, ['partnerProfessional'], partners.btOvervecht, null, false],
    [ROLE_USERS.partnerOtherOrg, utrecht, ['partnerProfessional'], partners.btZuilen, null, false],
    [ROLE_USERS.employerAdvisor, utrecht, ['employerAdvisor'], null, null, false],
    [ROLE_USERS.policyOfficer, utrecht, ['policyOfficer'], null, null, false],
    [ROLE_USERS.researcher, utrecht, ['researcher'], null, null, false],
    [ROLE_USERS.admin, utrecht, ['admin'], null, null, false],
    [ROLE_USERS.privacyOfficer, utrecht, ['privacyOfficer'], null, null, false],
    [ROLE_USERS.jobCoachOtherMunicipality, arnhem, ['jobCoach'], null, teams.ar, false],
    ['wm.ar2', arnhem, ['jobCoach'], null, teams.ar, false],
  ];
  for (const [username, m, roles, partner, team, lead] of staff) {
    const sid = id();
    users[username] = sid;
    await db.insertInto('staff_users').values({
      municipality_id: m,
      id: sid,
      username,
      display_name: `Test ${username}`,
      email: null,
      roles,
      partner_organisation_id: partner,
      oidc_subject: null,
      demo_persona: true,
    }).execute();
    if (team) await db.insertInto('team_members').values({ municipality_id: m, team_id: team, staff_user_id: sid, is_lead: lead }).execute();
  }

  const residents = {} as World['residents'];
  const defs: Array<[keyof World['residents'], string, string, string, string, string]> = [
    ['ov1', utrecht, areas.overvecht, '3562AB', 'Anna', 'Jansen'],
    ['ov2', utrecht, areas.overvecht, '3563CD', 'Bram', 'de Vries'],
    ['ov3', utrecht, areas.overvecht, '3564EF', 'Carla', 'Bakker'],
    ['ov4', utrecht, areas.overvecht, '3561GH', 'Dirk', 'Visser'],
    ['zu1', utrecht, areas.zuilen, '3552JK', 'Eva', 'Smit'],
    ['ar1', arnhem, areas.noord, '6811LM', 'Frank', 'Mulder'],
  ];
  let n = 1000;
  for (const [key, m, area, postcode, given, family] of defs) {
    const rid = id();
    residents[key] = rid;
    n += 1;
    await db.insertInto('residents').values({
      municipality_id: m,
      id: rid,
      bsn: makeBsn(n),
      given_names: given,
      family_name_prefix: null,
      family_name: family,
      date_of_birth: '1980-05-17',
      street: 'Teststraat',
      house_number: String(n),
      postcode,
      city: m === utrecht ? 'Utrecht' : 'Arnhem',
      area_id: area,
      household_type: 'single',
      education_level: 'vmbo',
      phone: '06 12345678',
      email: `${given.toLowerCase()}@example.org`,
      is_fictitious: true,
      updated_at: new Date(),
    }).execute();
    const coach = m === arnhem ? users[ROLE_USERS.jobCoachOtherMunicipality]! : area === areas.zuilen ? users[ROLE_USERS.jobCoachOtherArea]! : users[ROLE_USERS.jobCoach]!;
    const caseId = id();
    await db.insertInto('benefits').values({ municipality_id: m, id: id(), resident_id: rid, start_date: '2021-03-01', end_date: null }).execute();
    await db.insertInto('cases').values({
      municipality_id: m,
      id: caseId,
      resident_id: rid,
      opened_on: '2021-03-01',
      contact_person_id: coach,
      contact_person_since: new Date('2024-01-10T09:00:00Z'),
      last_contact_at: new Date('2026-01-10T09:00:00Z'),
      closed_on: null,
    }).execute();
    await db.insertInto('contact_person_assignments').values({
      municipality_id: m,
      id: id(),
      case_id: caseId,
      resident_id: rid,
      staff_user_id: coach,
      assigned_at: new Date('2024-01-10T09:00:00Z'),
      ended_at: null,
      handover_note: null,
      assigned_by: null,
    }).execute();
  }
  const consent = (resident: string, validTo: string | null, withdrawn: Date | null) => ({
    municipality_id: utrecht,
    id: id(),
    resident_id: resident,
    partner_organisation_id: partners.btOvervecht,
    purpose: 'Samenwerken aan één plan',
    valid_from: '2025-01-01',
    valid_to: validTo,
    withdrawn_at: withdrawn,
    recorded_by: users[ROLE_USERS.jobCoach]!,
    recorded_at: new Date('2025-01-01T10:00:00Z'),
  });
  await db.insertInto('consents').values([
    consent(residents.ov1, null, null),
    consent(residents.ov2, null, new Date('2025-06-01T10:00:00Z')),
    consent(residents.ov3, '2025-12-31', null),
  ]).execute();
  return { utrecht, arnhem, areas, partners, users, residents };
}
