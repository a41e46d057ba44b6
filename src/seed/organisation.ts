import type { MunicipalityDef } from './areas.nl.ts';
import { seedUuid } from './ids.ts';
import type { AreaModel, OrgModel, TeamModel } from './model.ts';
import { GENERATED_CENTRAL_STAFF, PARTNER_PROFESSIONALS_PER_ORGANISATION, PERSONAS } from './personas.ts';
import { emptyOrganisationRows, type OrganisationRows } from './rows.ts';
import { staffRow } from './staff.ts';

function pc4List(ranges: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (const [from, to] of ranges) for (let pc = from; pc <= to; pc += 1) out.push(pc);
  return out;
}

/**
 * The organisation part of a demo municipality: municipality, areas with postcode ranges, one team per area
 * (plus the youth team), a partner organisation per area, the named demo accounts, team leads, partner
 * professionals and central staff. Werkmatchers for the caseload are added later by topUpCoaches.
 */
export function buildOrganisation(def: MunicipalityDef): { model: OrgModel; rows: OrganisationRows } {
  const municipalityId = seedUuid('municipality', def.code);
  const rows = emptyOrganisationRows();
  rows.municipalities.push({
    id: municipalityId,
    code: def.code,
    name: def.name,
    contact_norm_days: def.contactNormDays,
    is_demo: true,
    area_term: def.terms.area,
    partner_team_term: def.terms.partnerTeam,
  });
  const model: OrgModel = {
    municipalityId,
    code: def.code,
    name: def.name,
    city: def.city,
    slug: def.slug,
    areas: [],
    teams: [],
    youthTeamId: null,
    youthShareOfUnder27: def.youthTeam?.shareOfUnder27 ?? 0,
  };
  const m = { municipality_id: municipalityId };

  for (const a of def.areas) {
    const areaId = seedUuid('area', def.code, a.code);
    const partnerId = seedUuid('partner', def.code, a.code);
    const teamId = seedUuid('team', def.code, a.code);
    rows.areas.push({ ...m, id: areaId, code: a.code, name: a.name });
    for (const [from, to] of a.pc4) rows.ranges.push({ ...m, area_id: areaId, pc4_from: from, pc4_to: to });
    rows.partnerOrganisations.push({
      ...m,
      id: partnerId,
      name: def.partnerName(a),
      kind: 'buurtteam',
      area_id: areaId,
    });
    rows.teams.push({ ...m, id: teamId, name: def.teamName(a), kind: 'area' });
    rows.teamAreas.push({ ...m, team_id: teamId, area_id: areaId });
    const area: AreaModel = {
      id: areaId,
      code: a.code,
      name: a.name,
      share: a.share,
      consentShare: a.consentShare,
      pc4s: pc4List(a.pc4),
      partnerOrganisationId: partnerId,
      partnerProfessionals: [],
      teamId,
    };
    model.areas.push(area);
    const team: TeamModel = {
      id: teamId,
      name: def.teamName(a),
      kind: 'area',
      slug: `${def.usernamePrefix}${a.code}`,
      areaIds: [areaId],
      leadId: null,
      coaches: [],
    };
    model.teams.push(team);
  }

  if (def.youthTeam) {
    const teamId = seedUuid('team', def.code, 'youth');
    rows.teams.push({ ...m, id: teamId, name: def.youthTeam.name, kind: 'youth' });
    for (const area of model.areas) rows.teamAreas.push({ ...m, team_id: teamId, area_id: area.id });
    model.teams.push({
      id: teamId,
      name: def.youthTeam.name,
      kind: 'youth',
      slug: `${def.usernamePrefix}${def.youthTeam.slug}`,
      areaIds: model.areas.map((a) => a.id),
      leadId: null,
      coaches: [],
    });
    model.youthTeamId = teamId;
  }

  const teamFor = (key: string): TeamModel => {
    const team =
      key === 'youth'
        ? model.teams.find((t) => t.kind === 'youth')
        : model.teams.find(
            (t) => t.kind === 'area' && t.areaIds[0] === model.areas.find((a) => a.code === key)?.id,
          );
    if (!team) throw new Error(`demo persona refers to unknown team ${key} in ${def.code}`);
    return team;
  };
  const partnerFor = (areaCode: string): string => {
    const id = model.areas.find((a) => a.code === areaCode)?.partnerOrganisationId;
    if (!id) throw new Error(`demo persona refers to unknown area ${areaCode} in ${def.code}`);
    return id;
  };

  for (const p of PERSONAS[def.code] ?? []) {
    const row = staffRow(model, p.username, [...p.roles], {
      displayName: p.displayName,
      partnerOrganisationId: p.partnerArea ? partnerFor(p.partnerArea) : null,
      persona: true,
    });
    rows.staff.push(row);
    if (p.partnerArea) {
      model.areas
        .find((a) => a.code === p.partnerArea)
        ?.partnerProfessionals.push({ id: row.id, displayName: row.display_name });
    }
    if (!p.team) continue;
    const team = teamFor(p.team);
    rows.teamMembers.push({ ...m, team_id: team.id, staff_user_id: row.id, is_lead: p.lead === true });
    if (p.lead) team.leadId = row.id;
    if (p.roles.includes('jobCoach'))
      team.coaches.push({
        id: row.id,
        username: p.username,
        displayName: row.display_name,
        persona: true,
        load: 0,
      });
  }

  for (const team of model.teams) {
    if (team.leadId) continue;
    const row = staffRow(model, `tl.${team.slug}`, ['teamLead']);
    rows.staff.push(row);
    rows.teamMembers.push({ ...m, team_id: team.id, staff_user_id: row.id, is_lead: true });
    team.leadId = row.id;
  }

  for (const area of model.areas) {
    for (let n = 1; n <= PARTNER_PROFESSIONALS_PER_ORGANISATION; n += 1) {
      const username = `bt.${def.usernamePrefix}${area.code}.${String(n).padStart(2, '0')}`;
      const row = staffRow(model, username, ['partnerProfessional'], {
        partnerOrganisationId: area.partnerOrganisationId,
      });
      rows.staff.push(row);
      area.partnerProfessionals.push({ id: row.id, displayName: row.display_name });
    }
  }

  for (const [stem, roles, count] of GENERATED_CENTRAL_STAFF) {
    for (let n = 1; n <= count; n += 1) {
      rows.staff.push(staffRow(model, `${stem}.${def.slug}.${String(n).padStart(2, '0')}`, [...roles]));
    }
  }
  return { model, rows };
}
