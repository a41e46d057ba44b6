import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processingActivities } from '../../src/platform/processing-log/register.ts';
import { cutoffOf, runRetention } from '../../src/platform/retention/retention.ts';
import { retentionRules } from '../../src/server.ts';
import { createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Retention with the clock moved forward (issue 16, ADR 0027): rules remove what expired and nothing else, record
// counts (not content), and a published activity's machine-readable rule is stored once.

let server: TestServer;
let world: World;
const day = 86_400_000;
const ago = (years: number, days = 0) => new Date(Date.now() - years * 365.25 * day - days * day);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
});

afterAll(async () => {
  await server?.close();
});

async function consent(residentId: string, over: { validTo?: Date | null; withdrawnAt?: Date | null }) {
  const id = randomUUID();
  await sql`INSERT INTO consents (municipality_id, id, resident_id, partner_organisation_id, purpose, valid_from, valid_to, withdrawn_at)
    VALUES (${world.utrecht}, ${id}, ${residentId}, ${world.partners.btOvervecht}, 'Meekijken met het plan', ${isoDate(ago(12))}::date,
      ${over.validTo ? isoDate(over.validTo) : null}::date, ${over.withdrawnAt ?? null})`.execute(server.ownerDb);
  return id;
}
const exists = async (id: string) => (await sql`SELECT 1 FROM consents WHERE id = ${id}`.execute(server.ownerDb)).rows.length === 1;

describe('the register', () => {
  it('every processing activity has a machine-readable retention rule, stored with its published version', async () => {
    for (const a of processingActivities) expect({ id: a.id, rule: 'retentionRule' in a ? a.retentionRule : undefined }).toMatchObject({ id: a.id, rule: { term: expect.stringMatching(/^P\d+[YMD]$/) } });
    const { rows } = await sql<{ id: string; term: string | null }>`SELECT id, retention_rule->>'term' AS term FROM processing_activities`.execute(server.ownerDb);
    expect(rows.filter((r) => r.term === null)).toEqual([]);
    // Changing a stored rule in place is refused, as for the text: the database holds it once.
    expect(cutoffOf({ term: 'P10Y', after: 'caseClosed' }, new Date('2036-03-01T00:00:00Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('retention jobs', () => {
  it('consents: deleted 5 years after withdrawal or end, not a day earlier; counts recorded, no content', async () => {
    const r = world.residents;
    const old = await consent(r.ov1, { withdrawnAt: ago(5, 2) });
    const ended = await consent(r.ov2, { validTo: ago(6) });
    const recent = await consent(r.ov3, { withdrawnAt: ago(4) });
    const active = await consent(r.ov4, { validTo: null });
    const runs = await runRetention(server.ownerDb, retentionRules, new Date(), world.utrecht);
    expect(runs.find((x) => x.rule === 'residents.consents')).toMatchObject({ removed: 2, pseudonymised: 0 });
    expect([await exists(old), await exists(ended), await exists(recent), await exists(active)]).toEqual([false, false, true, true]);
    // The clock one year and a day forward: the recent one expires too; the active one never does.
    const later = await runRetention(server.ownerDb, retentionRules, new Date(Date.now() + 366 * day), world.utrecht);
    expect(later.find((x) => x.rule === 'residents.consents')).toMatchObject({ removed: 1 });
    expect([await exists(recent), await exists(active)]).toEqual([false, true]);
    const recorded = await sql<Record<string, unknown>>`SELECT rule, processing_activity_id, removed, pseudonymised FROM retention_runs
      WHERE municipality_id = ${world.utrecht} AND rule = 'residents.consents' ORDER BY ran_at`.execute(server.ownerDb);
    expect(recorded.rows).toEqual([
      { rule: 'residents.consents', processing_activity_id: 'PA-004', removed: 2, pseudonymised: 0 },
      { rule: 'residents.consents', processing_activity_id: 'PA-004', removed: 1, pseudonymised: 0 },
    ]);
  });

  it('closed files: pseudonymised 10 years after the last case closed; an open case or a recent close keeps the file', async () => {
    const r = world.residents;
    await sql`UPDATE cases SET status = 'closed', closed_on = ${isoDate(ago(1))}::date WHERE municipality_id = ${world.utrecht} AND resident_id IN (${r.ov1}, ${r.ov2})`.execute(server.ownerDb);
    const before = await sql<{ id: string; bsn: string; given_names: string }>`SELECT id, bsn, given_names FROM residents WHERE id IN (${r.ov1}, ${r.ov2}, ${r.ov3})`.execute(server.ownerDb);
    // Now: nothing is due (closed a year ago; ov3 still open).
    const now = await runRetention(server.ownerDb, retentionRules, new Date(), world.utrecht);
    expect(now.find((x) => x.rule === 'residents.closedFiles')).toMatchObject({ pseudonymised: 0 });
    // Nine years on: still within the term. Eleven years on: both closed files are pseudonymised; the open one is not.
    const nine = await runRetention(server.ownerDb, retentionRules, new Date(Date.now() + 9 * 365 * day), world.utrecht);
    expect(nine.find((x) => x.rule === 'residents.closedFiles')).toMatchObject({ pseudonymised: 0 });
    const eleven = await runRetention(server.ownerDb, retentionRules, new Date(Date.now() + 11 * 365 * day), world.utrecht);
    expect(eleven.find((x) => x.rule === 'residents.closedFiles')).toMatchObject({ pseudonymised: 2 });
    const after = await sql<{ id: string; bsn: string; given_names: string; family_name: string; phone: string | null; pseudonymised_at: Date | null; date_of_birth: string }>`
      SELECT id, bsn, given_names, family_name, phone, pseudonymised_at, date_of_birth::text FROM residents WHERE id IN (${r.ov1}, ${r.ov2}, ${r.ov3})`.execute(server.ownerDb);
    const byId = new Map(after.rows.map((x) => [x.id, x]));
    for (const id of [r.ov1, r.ov2]) {
      const x = byId.get(id)!;
      expect(x.family_name).toBe('Gepseudonimiseerd');
      expect(x.bsn).not.toBe(before.rows.find((b) => b.id === id)!.bsn);
      expect(x.phone).toBeNull();
      expect(x.date_of_birth).toMatch(/-01-01$/);
      expect(x.pseudonymised_at).not.toBeNull();
    }
    expect(byId.get(r.ov3)!.given_names).toBe(before.rows.find((b) => b.id === r.ov3)!.given_names);
    // Idempotent: running again pseudonymises nothing more.
    const again = await runRetention(server.ownerDb, retentionRules, new Date(Date.now() + 11 * 365 * day), world.utrecht);
    expect(again.find((x) => x.rule === 'residents.closedFiles')).toMatchObject({ pseudonymised: 0 });
  });
});
