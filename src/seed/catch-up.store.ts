import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { CampaignResidentRow, CampaignRow } from './catch-up.generator.ts';

// The demo's catch-up campaign (catch-up.generator.ts), inserted with the owner connection like the rest of the seed.

export async function insertCampaign(db: Db, c: CampaignRow): Promise<void> {
  await sql`INSERT INTO catch_up_campaigns (municipality_id, id, team_id, name, criteria, status, created_by, created_at)
    VALUES (${c.municipality_id}, ${c.id}, ${c.team_id}, ${c.name}, ${c.criteria}::jsonb, ${c.status}, ${c.created_by}, ${c.created_at})`.execute(db);
}

export async function insertCampaignResidents(db: Db, rows: readonly CampaignResidentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`INSERT INTO catch_up_campaign_residents (municipality_id, campaign_id, resident_id, assigned_to, assigned_at)
    SELECT * FROM unnest(${rows.map((r) => r.municipality_id)}::uuid[], ${rows.map((r) => r.campaign_id)}::uuid[],
      ${rows.map((r) => r.resident_id)}::uuid[], ${rows.map((r) => r.assigned_to)}::uuid[], ${rows.map((r) => r.assigned_at.toISOString())}::timestamptz[])`.execute(db);
}
