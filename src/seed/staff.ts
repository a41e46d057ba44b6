import { seedUuid } from './ids.ts';
import type { CoachModel, OrgModel, TeamModel } from './model.ts';
import { staffDisplayName } from './names.ts';
import { hashSeed, Rng } from './random.ts';
import type { StaffRow, TeamMemberRow } from './rows.ts';

/** Caseload the seed plans for when it adds werkmatchers; real caseloads are 75–150. */
export const TARGET_CASELOAD = 120;

export function staffId(municipalityCode: string, username: string): string {
  return seedUuid('staff', municipalityCode, username);
}

export function staffRow(
  org: Pick<OrgModel, 'municipalityId' | 'code' | 'slug'>,
  username: string,
  roles: string[],
  options: { displayName?: string; partnerOrganisationId?: string | null; persona?: boolean } = {},
): StaffRow {
  return {
    municipality_id: org.municipalityId,
    id: staffId(org.code, username),
    username,
    display_name: options.displayName ?? staffDisplayName(new Rng(hashSeed('staff-name', username))),
    email: `${username}@${org.slug}.example.org`,
    roles,
    partner_organisation_id: options.partnerOrganisationId ?? null,
    demo_persona: options.persona ?? false,
  };
}

function numbered(stem: string, n: number): string {
  return `${stem}.${String(n).padStart(2, '0')}`;
}

/**
 * Adds generated werkmatchers (wm.<team>.NN) so that each team's caseload, existing plus `extraPerTeam`,
 * averages at most TARGET_CASELOAD. Mutates the model; returns the rows to insert.
 */
export function topUpCoaches(
  org: OrgModel,
  extraPerTeam: ReadonlyMap<string, number>,
  takenUsernames: ReadonlySet<string>,
): { staff: StaffRow[]; teamMembers: TeamMemberRow[] } {
  const staff: StaffRow[] = [];
  const teamMembers: TeamMemberRow[] = [];
  for (const team of org.teams) {
    const total = team.coaches.reduce((sum, c) => sum + c.load, 0) + (extraPerTeam.get(team.id) ?? 0);
    let missing = Math.max(1, Math.ceil(total / TARGET_CASELOAD)) - team.coaches.length;
    for (let n = 1; missing > 0; n += 1) {
      const username = numbered(`wm.${team.slug}`, n);
      if (takenUsernames.has(username) || team.coaches.some((c) => c.username === username)) continue;
      const row = staffRow(org, username, ['jobCoach']);
      staff.push(row);
      teamMembers.push({
        municipality_id: org.municipalityId,
        team_id: team.id,
        staff_user_id: row.id,
        is_lead: false,
      });
      team.coaches.push({ id: row.id, username, displayName: row.display_name, persona: false, load: 0 });
      missing -= 1;
    }
  }
  return { staff, teamMembers };
}

/**
 * Divides new residents over a team's werkmatchers round-robin, never above the team's average caseload,
 * so every werkmatcher (including the demo persona) ends up with a realistic caseload.
 */
export class CoachPicker {
  private readonly state = new Map<string, { team: TeamModel; cap: number; cursor: number }>();

  constructor(org: OrgModel, extraPerTeam: ReadonlyMap<string, number>) {
    for (const team of org.teams) {
      if (team.coaches.length === 0) continue;
      const total = team.coaches.reduce((sum, c) => sum + c.load, 0) + (extraPerTeam.get(team.id) ?? 0);
      this.state.set(team.id, { team, cap: Math.ceil(total / team.coaches.length), cursor: 0 });
    }
  }

  next(teamId: string): CoachModel {
    const s = this.state.get(teamId);
    if (!s) throw new Error(`team ${teamId} heeft geen werkmatchers`);
    const coaches = s.team.coaches;
    for (;;) {
      for (let step = 0; step < coaches.length; step += 1) {
        const idx = (s.cursor + step) % coaches.length;
        const coach = coaches[idx] as CoachModel;
        if (coach.load < s.cap) {
          coach.load += 1;
          s.cursor = idx + 1;
          return coach;
        }
      }
      s.cap += 1;
    }
  }

  /** Another werkmatcher of the same team (for an earlier, ended assignment), or null when the team has one. */
  other(teamId: string, current: CoachModel, rng: Rng): CoachModel | null {
    const coaches = this.state.get(teamId)?.team.coaches ?? [];
    if (coaches.length < 2) return null;
    for (;;) {
      const c = rng.pick(coaches);
      if (c.id !== current.id) return c;
    }
  }
}

/**
 * Gives every staff member of one municipality a display name of his own: generated names can repeat ("Nour
 * Karimi" was wm.west.03 and wm.overvecht.20), which makes a handover or a caseload ambiguous. Demo personas keep
 * theirs; a generated name that is taken is drawn again (deterministically). Updates the model's copies too.
 */
export function makeDisplayNamesUnique(staff: StaffRow[], org: OrgModel): void {
  const taken = new Set(staff.filter((s) => s.demo_persona).map((s) => s.display_name));
  for (const s of staff) {
    if (s.demo_persona) continue;
    let name = s.display_name;
    for (let k = 1; taken.has(name); k += 1) name = staffDisplayName(new Rng(hashSeed('staff-name', s.username, k)));
    taken.add(name);
    if (name === s.display_name) continue;
    s.display_name = name;
    for (const t of org.teams) for (const c of t.coaches) if (c.id === s.id) c.displayName = name;
    for (const a of org.areas) for (const p of a.partnerProfessionals) if (p.id === s.id) p.displayName = name;
  }
}
