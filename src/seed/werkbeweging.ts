import type { Db } from '../platform/db/database.ts';
import { BsnAllocator } from './bsn-range.ts';
import { formatDay } from './dates.ts';
import type { OrgModel } from './model.ts';
import { maxBsnIndex } from './seed.store.ts';
import { buildWerkbeweging } from './werkbeweging.generator.ts';
import { insertWerkbeweging } from './werkbeweging.store.ts';

// Issue 12: Werkbeweging in the demo (called once from demo.ts, after the other seeding steps).

export interface WerkbewegingPlan {
  model: OrgModel;
  staff: Array<{ id: string; roles: string[]; demo_persona?: boolean; username: string }>;
}

export async function seedWerkbeweging(db: Db, plan: WerkbewegingPlan, today: number): Promise<void> {
  const { model } = plan;
  const coachesByArea = new Map<string, string[]>();
  for (const team of model.teams) {
    if (team.kind !== 'area') continue;
    for (const area of team.areaIds) coachesByArea.set(area, [...(coachesByArea.get(area) ?? []), ...team.coaches.map((c) => c.id)]);
  }
  const officer = plan.staff
    .filter((s) => s.roles.includes('policyOfficer'))
    .sort((a, b) => Number(Boolean(b.demo_persona)) - Number(Boolean(a.demo_persona)) || a.username.localeCompare(b.username))[0];
  if (!officer) return;
  const bsn = new BsnAllocator((await maxBsnIndex(db)) + 1);
  const rows = buildWerkbeweging(model, today, bsn, coachesByArea);
  await insertWerkbeweging(db, model.municipalityId, model.city, officer.id, rows, formatDay(today));
}
