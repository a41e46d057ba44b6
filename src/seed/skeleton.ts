import type { OrgModel, TeamModel } from './model.ts';
import { apportion, Rng } from './random.ts';

/**
 * Age bands of bijstand recipients below state-pension age (CBS, end 2025):
 * about 10% under 27, 34% aged 27–44, 56% aged 45 and over.
 */
export const AGE_BANDS: readonly { share: number; minAge: number; maxAge: number }[] = [
  { share: 0.1, minAge: 18, maxAge: 26 },
  { share: 0.34, minAge: 27, maxAge: 44 },
  { share: 0.56, minAge: 45, maxAge: 66 },
];

/**
 * What must be known about every resident before generation starts, so staffing can be planned:
 * the area, the age band and whether the youth team guides them. Area and age shares are exact
 * (largest remainder), the order shuffled. Three bytes per resident, so 400,000 residents stay small.
 */
export interface Skeleton {
  size: number;
  area: Uint8Array;
  band: Uint8Array;
  youth: Uint8Array;
  perTeam: Map<string, number>;
}

function filledShuffled(rng: Rng, counts: readonly number[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let i = 0;
  counts.forEach((count, value) => {
    out.fill(value, i, i + count);
    i += count;
  });
  return rng.shuffle(out);
}

export function teamFor(org: OrgModel, areaIndex: number, youth: boolean): TeamModel {
  const area = org.areas[areaIndex];
  if (!area) throw new Error(`no area ${areaIndex}`);
  const teamId = youth && org.youthTeamId ? org.youthTeamId : area.teamId;
  const team = org.teams.find((t) => t.id === teamId);
  if (!team) throw new Error(`Wijk ${area.name} heeft geen team: voeg eerst een team toe.`);
  return team;
}

export function buildSkeleton(org: OrgModel, size: number, seed: string): Skeleton {
  if (org.areas.length === 0) throw new Error(`${org.name} heeft geen wijken`);
  if (org.areas.length > 255) throw new Error('te veel wijken voor de generator');
  const rng = new Rng(`${seed}:skeleton`);
  const area = filledShuffled(
    rng,
    apportion(
      size,
      org.areas.map((a) => a.share),
    ),
    size,
  );
  const band = filledShuffled(
    rng,
    apportion(
      size,
      AGE_BANDS.map((b) => b.share),
    ),
    size,
  );
  const youth = new Uint8Array(size);
  const perTeam = new Map<string, number>();
  for (let i = 0; i < size; i += 1) {
    if (band[i] === 0 && org.youthTeamId && rng.chance(org.youthShareOfUnder27)) youth[i] = 1;
    const team = teamFor(org, area[i] ?? 0, youth[i] === 1);
    perTeam.set(team.id, (perTeam.get(team.id) ?? 0) + 1);
  }
  return { size, area, band, youth, perTeam };
}
