import type { Db } from '../platform/db/database.ts';
import type { StoryRole } from './story.ts';

// Mijn Samenplan (issue 11): the demo residents who log in to their own portal. Naima Bakker (the single parent of
// the matching story) and Marco Jansen (the 3-gesprek with the buurtteam this week), both in the caseload of
// werkmatcher.overvecht. Deterministic: the story casts them; only their demo login is added here.

export const PORTAL_DEMO_RESIDENTS: Partial<Record<StoryRole, string>> = {
  singleParent: 'inwoner.naima',
  threeWay: 'inwoner.marco',
};

export async function seedPortalDemoLogins(db: Db, story: Partial<Record<StoryRole, { residentId: string }>>): Promise<string[]> {
  const done: string[] = [];
  for (const [role, username] of Object.entries(PORTAL_DEMO_RESIDENTS) as Array<[StoryRole, string]>) {
    const r = story[role];
    if (!r) continue;
    await db.updateTable('residents').set({ portal_demo_username: username }).where('id', '=', r.residentId).execute();
    done.push(username);
  }
  return done;
}
