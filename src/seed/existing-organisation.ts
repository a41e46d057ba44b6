import type { MunicipalityDef } from './areas.nl.ts';
import type { AreaModel, CoachModel, OrgModel, TeamModel } from './model.ts';
import { asciiSlug } from './names.ts';
import type { ExistingOrganisation } from './seed.store.ts';

/**
 * Builds the generation model from an organisation already in the database. Area shares come from the
 * demo definition when the municipality is a demo one (a third in Overvecht for Utrecht), else equal shares.
 */
export function modelFromExisting(raw: ExistingOrganisation, def: MunicipalityDef | undefined): OrgModel {
  const slug =
    def?.slug ??
    (asciiSlug(raw.municipality.name.replace(/\(demo\)/i, '')) || `gemeente${raw.municipality.code}`);
  const prefix = def?.usernamePrefix ?? `${slug}-`;
  const loads = new Map(raw.loads.map((l) => [l.contact_person_id, Number(l.n)]));

  const teams: TeamModel[] = raw.teams.map((t) => {
    const areaIds = raw.teamAreas
      .filter((ta) => ta.team_id === t.id)
      .map((ta) => ta.area_id)
      .sort();
    const members = raw.members.filter((m) => m.team_id === t.id);
    const singleArea =
      t.kind === 'area' && areaIds.length === 1 ? raw.areas.find((a) => a.id === areaIds[0]) : undefined;
    const teamSlug =
      t.kind === 'youth' ? (def?.youthTeam?.slug ?? 'jongeren') : (singleArea?.code ?? asciiSlug(t.name));
    const coaches: CoachModel[] = members
      .filter((m) => m.roles.includes('jobCoach'))
      .map((m) => ({
        id: m.staff_user_id,
        username: m.username,
        displayName: m.display_name,
        persona: m.demo_persona,
        load: loads.get(m.staff_user_id) ?? 0,
      }))
      .sort((a, b) => Number(b.persona) - Number(a.persona) || a.username.localeCompare(b.username));
    return {
      id: t.id,
      name: t.name,
      kind: t.kind,
      slug: `${prefix}${teamSlug}`,
      areaIds,
      leadId: members.find((m) => m.is_lead)?.staff_user_id ?? null,
      coaches,
    };
  });

  const areas: AreaModel[] = raw.areas.map((a) => {
    const d = def?.areas.find((x) => x.code === a.code);
    const pc4s: number[] = [];
    for (const r of raw.ranges.filter((x) => x.area_id === a.id)) {
      for (let pc = r.pc4_from; pc <= r.pc4_to; pc += 1) pc4s.push(pc);
    }
    if (pc4s.length === 0)
      throw new Error(`Wijk ${a.name} heeft geen postcodegebied: voeg eerst postcodes toe.`);
    return {
      id: a.id,
      code: a.code,
      name: a.name,
      share: d?.share ?? 1 / raw.areas.length,
      consentShare: d?.consentShare ?? 0.05,
      pc4s,
      partnerOrganisationId: raw.partners.find((p) => p.area_id === a.id)?.id ?? null,
      partnerProfessionals: raw.partnerStaff
        .filter((s) => s.partner_organisation_id === raw.partners.find((p) => p.area_id === a.id)?.id)
        .map((s) => ({ id: s.id, displayName: s.display_name })),
      teamId: teams.find((t) => t.kind === 'area' && t.areaIds.includes(a.id))?.id ?? null,
    };
  });

  const youth = teams.find((t) => t.kind === 'youth');
  return {
    municipalityId: raw.municipality.id,
    code: raw.municipality.code,
    name: raw.municipality.name,
    city: def?.city ?? raw.municipality.name.replace(/\s*\(demo\)\s*$/i, ''),
    slug,
    areas,
    teams,
    youthTeamId: youth?.id ?? null,
    youthShareOfUnder27: youth ? (def?.youthTeam?.shareOfUnder27 ?? 0.6) : 0,
  };
}
