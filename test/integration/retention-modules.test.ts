import { createPrivateKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAnchors, generateAnchorKey, loadPublicKeys, verifyAnchors } from '../../src/platform/processing-log/anchor.ts';
import { sealProcessingLog } from '../../src/platform/processing-log/chain.store.ts';
import { verifyProcessingLogChain } from '../../src/platform/processing-log/chain-verify.ts';
import { processingLogRetentionRule } from '../../src/platform/processing-log/log-retention.ts';
import { cutoffOf, ruleOf, runRetention } from '../../src/platform/retention/retention.ts';
import { retentionRules } from '../../src/server.ts';
import { loginAs } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Retention of the modules built after the first retention rules (issue 16, ADR 0033) and of the processing log
// itself, with the clock moved forward: each rule removes what expired by its activity's term and nothing else.

let server: TestServer;
let world: World;
const day = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * day);
const NOW = new Date('2040-06-15T10:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
});

afterAll(async () => {
  await server?.close();
});

const q = async <T,>(s: ReturnType<typeof sql<T>>) => (await s.execute(server.ownerDb)).rows;
const rule = (runs: Awaited<ReturnType<typeof runRetention>>, name: string) => runs.find((r) => r.rule === name)!;
const coach = () => world.users[ROLE_USERS.jobCoach]!;
const onlyRules = (...names: string[]) => retentionRules.filter((r) => names.includes(r.name));

describe('studies, programmes and imports: dates either side of the term (fast-check)', () => {
  it('a study participant is deleted exactly when the study ended more than 15 years before now', async () => {
    const cutoff = cutoffOf(ruleOf('PA-033'), NOW);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -400, max: 400 }), { minLength: 1, maxLength: 6 }), async (offsets) => {
        await q(sql`DELETE FROM study_participants WHERE municipality_id = ${world.utrecht}`);
        await q(sql`DELETE FROM studies WHERE municipality_id = ${world.utrecht}`);
        const studies: Array<{ id: string; endsOn: string }> = [];
        for (const o of offsets) {
          const id = randomUUID();
          const endsOn = isoDate(plusDays(cutoff, o));
          await q(sql`INSERT INTO studies (municipality_id, id, name, eligibility, target_size, starts_on, ends_on, primary_outcome, seed, created_by)
            VALUES (${world.utrecht}, ${id}, 'Studie', 'Iedereen', 10, ${endsOn}::date - 365, ${endsOn}::date, 'work12h', 'seed', ${coach()})`);
          await q(sql`INSERT INTO study_participants (municipality_id, study_id, resident_id, consent_given_on, consent_recorded_by, education_level, stratum)
            VALUES (${world.utrecht}, ${id}, ${world.residents.ov1}, ${endsOn}::date - 300, ${coach()}, 'midden', 'x')`);
          studies.push({ id, endsOn });
        }
        const runs = await runRetention(server.ownerDb, onlyRules('studies.participants'), NOW, world.utrecht);
        const expired = studies.filter((s) => s.endsOn < isoDate(cutoff));
        expect(rule(runs, 'studies.participants')).toMatchObject({ removed: expired.length, pseudonymised: 0 });
        const left = (await q(sql<{ study_id: string }>`SELECT study_id FROM study_participants WHERE municipality_id = ${world.utrecht}`)).map((r) => r.study_id);
        expect(left.sort()).toEqual(studies.filter((s) => s.endsOn >= isoDate(cutoff)).map((s) => s.id).sort());
        // The design stays: only the personal data goes.
        expect((await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM studies WHERE municipality_id = ${world.utrecht}`))[0]!.n).toBe(studies.length);
      }),
      { numRuns: 12, seed: 1633 },
    );
  });

  it('a programme goes with its figures and expenditures exactly 7 years after its end; import runs 10 years after the run', async () => {
    const pCut = cutoffOf(ruleOf('PA-026'), NOW);
    const iCut = cutoffOf(ruleOf('PA-037'), NOW);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: -3 * 24, max: 3 * 24 }), { minLength: 1, maxLength: 5 }), async (pOffsets, iHours) => {
        for (const t of ['programme_expenditures', 'programme_figures', 'programme_kpis', 'programme_action_lines', 'programmes', 'import_runs'] as const) {
          await q(sql`DELETE FROM ${sql.table(t)} WHERE municipality_id = ${world.utrecht}`);
        }
        const programmes: Array<{ id: string; end: string }> = [];
        for (const o of pOffsets) {
          const id = randomUUID();
          const line = randomUUID();
          const end = isoDate(plusDays(pCut, o));
          await q(sql`INSERT INTO programmes (municipality_id, id, name, period_start, period_end, baseline_per_year, goal_extra, created_by)
            VALUES (${world.utrecht}, ${id}, 'Werkbeweging', ${end}::date - 700, ${end}::date, 100, 10, ${coach()})`);
          await q(sql`INSERT INTO programme_action_lines (municipality_id, programme_id, id, kind, name, budget_cents)
            VALUES (${world.utrecht}, ${id}, ${line}, 'jobs', 'Actielijn', 100000)`);
          await q(sql`INSERT INTO programme_expenditures (municipality_id, id, programme_id, action_line_id, amount_cents, spent_on, description, recorded_by)
            VALUES (${world.utrecht}, ${randomUUID()}, ${id}, ${line}, 500, ${end}::date - 10, 'Training', ${coach()})`);
          programmes.push({ id, end });
        }
        const runsAt: Array<{ id: string; at: Date }> = [];
        for (const h of iHours) {
          const id = randomUUID();
          const at = new Date(iCut.getTime() + h * 3_600_000);
          await q(sql`INSERT INTO import_runs (municipality_id, id, mapping, file_name, file_format, dry_run, status, started_by, started_at, finished_at)
            VALUES (${world.utrecht}, ${id}, 'gws4all', 'export.csv', 'csv', false, 'imported', ${coach()}, ${at}, ${at})`);
          runsAt.push({ id, at });
        }
        const runs = await runRetention(server.ownerDb, onlyRules('programmes.ended', 'imports.runs'), NOW, world.utrecht);
        const keptP = programmes.filter((p) => p.end >= isoDate(pCut)).map((p) => p.id).sort();
        expect(rule(runs, 'programmes.ended').removed).toBe(programmes.length - keptP.length);
        expect((await q(sql<{ id: string }>`SELECT id FROM programmes WHERE municipality_id = ${world.utrecht}`)).map((r) => r.id).sort()).toEqual(keptP);
        const orphans = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM programme_expenditures e WHERE e.municipality_id = ${world.utrecht}
          AND NOT (e.programme_id = ANY (${keptP}::uuid[]))`);
        expect(orphans[0]!.n).toBe(0);
        const keptI = runsAt.filter((r) => r.at >= iCut).map((r) => r.id).sort();
        expect(rule(runs, 'imports.runs').removed).toBe(runsAt.length - keptI.length);
        expect((await q(sql<{ id: string }>`SELECT id FROM import_runs WHERE municipality_id = ${world.utrecht}`)).map((r) => r.id).sort()).toEqual(keptI);
      }),
      { numRuns: 10, seed: 1634 },
    );
  });
});

describe('outflow, Team Jongeren and the portal: the data of an expired file', () => {
  it('scrubbed with the file 10 years after the case closed (or on erasure), untouched for an open case; counts recorded', async () => {
    const r = world.residents;
    const closedOn = '2028-03-01';
    // ov1: case closed in 2028 (expires 2038); ov3: open.
    await q(sql`UPDATE cases SET status = 'closed', closed_on = ${closedOn}::date WHERE municipality_id = ${world.utrecht} AND resident_id = ${r.ov1}`);
    const team = (await q(sql<{ team_id: string }>`SELECT team_id FROM team_members WHERE municipality_id = ${world.utrecht} AND staff_user_id = ${coach()} LIMIT 1`))[0]!.team_id;
    for (const rid of [r.ov1, r.ov3]) {
      const c = (await q(sql<{ id: string }>`SELECT id FROM cases WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}`))[0]!;
      const b = (await q(sql<{ id: string }>`SELECT id FROM benefits WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}`))[0]!;
      await q(sql`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, note, registered_by)
        VALUES (${world.utrecht}, ${randomUUID()}, ${rid}, ${c.id}, ${b.id}, 'workFullTime', '2028-02-20', 'Werkt bij de bakker om de hoek', ${coach()})`);
      await q(sql`INSERT INTO partial_work (municipality_id, resident_id, month, hours, earnings_cents, recorded_by)
        VALUES (${world.utrecht}, ${rid}, '2027-11-01', 40, 52000, ${coach()})`);
      const sp = randomUUID();
      await q(sql`INSERT INTO youth_search_periods (municipality_id, id, resident_id, team_id, report_date, start_date, end_date, created_by)
        VALUES (${world.utrecht}, ${sp}, ${rid}, ${team}, '2027-01-04', '2027-01-04', '2027-02-01', ${coach()})`);
      await q(sql`INSERT INTO youth_search_activities (municipality_id, id, search_period_id, resident_id, occurred_on, kind, description, recorded_by)
        VALUES (${world.utrecht}, ${randomUUID()}, ${sp}, ${rid}, '2027-01-10', 'jobApplication', 'Gesolliciteerd bij de Jumbo', ${coach()})`);
      await q(sql`INSERT INTO youth_referrals (municipality_id, id, resident_id, partner_kind, organisation_name, professional_name, professional_email,
          context_summary, consent_on, urgency, received_on, created_by)
        VALUES (${world.utrecht}, ${randomUUID()}, ${rid}, 'youthCare', 'Jeugdzorg Utrecht', 'Fatima de Wit', 'f.dewit@example.org',
          'Woont sinds kort zelfstandig, schulden', '2026-12-01', 'soon', '2026-12-02', ${coach()})`);
      await q(sql`INSERT INTO resident_messages (municipality_id, id, resident_id, sender, body)
        VALUES (${world.utrecht}, ${randomUUID()}, ${rid}, 'resident', 'Ik heb morgen een sollicitatiegesprek bij de bakker')`);
    }
    const texts = async (rid: string) =>
      (await q(sql<{ note: string | null; pw: number; acts: number; context: string; email: string | null; msgs: number }>`
        SELECT (SELECT note FROM outflows WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}) AS note,
          (SELECT count(*)::int FROM partial_work WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}) AS pw,
          (SELECT count(*)::int FROM youth_search_activities WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}) AS acts,
          (SELECT context_summary FROM youth_referrals WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}) AS context,
          (SELECT professional_email FROM youth_referrals WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}) AS email,
          (SELECT count(*)::int FROM resident_messages WHERE municipality_id = ${world.utrecht} AND resident_id = ${rid}) AS msgs`))[0]!;
    const untouched = { note: 'Werkt bij de bakker om de hoek', pw: 1, acts: 1, context: 'Woont sinds kort zelfstandig, schulden', email: 'f.dewit@example.org', msgs: 1 };

    // A day before the term ends: nothing of either file is touched.
    const early = await runRetention(server.ownerDb, retentionRules, new Date('2038-02-28T12:00:00Z'), world.utrecht);
    for (const n of ['outflow.records', 'youth.searchPeriods', 'youth.referrals', 'portal.messages']) expect(rule(early, n)).toMatchObject({ removed: 0, pseudonymised: 0 });
    expect(await texts(r.ov1)).toEqual(untouched);

    // After the term: the closed file is pseudonymised by the residents rule and the modules scrub what names him.
    const late = await runRetention(server.ownerDb, retentionRules, new Date('2038-03-03T12:00:00Z'), world.utrecht);
    expect(rule(late, 'residents.closedFiles').pseudonymised).toBe(1);
    expect(rule(late, 'outflow.records')).toMatchObject({ removed: 1, pseudonymised: 1 });
    expect(rule(late, 'youth.searchPeriods')).toMatchObject({ removed: 1 });
    expect(rule(late, 'youth.referrals')).toMatchObject({ pseudonymised: 1 });
    expect(rule(late, 'portal.messages')).toMatchObject({ removed: 1 });
    expect(await texts(r.ov1)).toEqual({ note: null, pw: 0, acts: 0, context: 'Verwijderd (bewaartermijn)', email: null, msgs: 0 });
    expect(await texts(r.ov3)).toEqual(untouched);
    // The outflow itself stays (reason and date: the programmes' counts).
    expect((await q(sql<{ reason: string }>`SELECT reason FROM outflows WHERE municipality_id = ${world.utrecht} AND resident_id = ${r.ov1}`))[0]!.reason).toBe('workFullTime');
    // Idempotent, and recorded as counts.
    const again = await runRetention(server.ownerDb, retentionRules, new Date('2038-03-03T12:00:00Z'), world.utrecht);
    for (const n of ['outflow.records', 'youth.searchPeriods', 'youth.referrals', 'youth.exemptions', 'youth.provisions', 'portal.moveRequests', 'portal.messages']) {
      expect(rule(again, n)).toMatchObject({ removed: 0, pseudonymised: 0 });
    }
    const recorded = await q(sql<{ removed: number; pseudonymised: number }>`SELECT removed, pseudonymised FROM retention_runs
      WHERE municipality_id = ${world.utrecht} AND rule = 'outflow.records' ORDER BY removed, pseudonymised`);
    expect(recorded).toEqual([{ removed: 0, pseudonymised: 0 }, { removed: 0, pseudonymised: 0 }, { removed: 1, pseudonymised: 1 }]);
  });
});

describe("the processing log's own retention (PA-054)", () => {
  it('prunes a prefix older than 10 years behind a signed checkpoint: the chain and the anchors still verify; a cut without one is caught', async () => {
    const c = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    for (let i = 0; i < 4; i += 1) await c.get(`/api/v1/residents/${world.residents.ov2}`);
    await sealProcessingLog(server.ownerDb, 100_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'sp-anchors-'));
    const key = createPrivateKey(generateAnchorKey().privatePem);
    await exportAnchors(server.ownerDb, key, dir);
    const { boundary } = (await q(sql<{ boundary: Date }>`SELECT max(ended_at) + interval '1 millisecond' AS boundary FROM processing_log WHERE municipality_id = ${world.utrecht}`))[0]!;
    await new Promise((res) => setTimeout(res, 30));
    for (let i = 0; i < 3; i += 1) await c.get(`/api/v1/residents/${world.residents.ov4}`);
    await sealProcessingLog(server.ownerDb, 100_000);
    const seqs = async () => (await q(sql<{ seq: string; ended_at: Date }>`SELECT seq::text, ended_at FROM processing_log WHERE municipality_id = ${world.utrecht} AND seq IS NOT NULL ORDER BY seq`));
    const before = await seqs();
    const old = before.filter((x) => x.ended_at < boundary);
    expect(old.length).toBeGreaterThan(3);

    // The clock 10 years on, to just after the first batch: the first batch goes, the second stays.
    const now = new Date(boundary.getTime());
    now.setUTCFullYear(now.getUTCFullYear() + 10);
    const logRule = processingLogRetentionRule({ signer: async () => ({ key, dir }) });
    const runs = await runRetention(server.ownerDb, [logRule], now, world.utrecht);
    expect(runs[0]).toMatchObject({ rule: 'processingLog.prefix', removed: old.length });
    const after = await seqs();
    expect(after.map((x) => x.seq)).toEqual(before.slice(old.length).map((x) => x.seq));
    expect(readdirSync(dir).filter((f) => f.startsWith('checkpoint-'))).toHaveLength(1);

    const plain = await verifyProcessingLogChain(server.ownerDb, { parallel: 1 });
    expect(plain.breakCount).toBe(0);
    const keys = await loadPublicKeys(dir, []);
    const anchored = await verifyAnchors(server.ownerDb, dir, keys);
    expect(anchored.findings).toEqual([]);
    // The head anchored after the first batch is the entry just before the checkpoint: proven by its hash.
    expect(anchored.pruned + anchored.checked).toBeGreaterThan(0);
    // Idempotent: a second run removes nothing; the log grows and still verifies.
    expect((await runRetention(server.ownerDb, [logRule], now, world.utrecht))[0]!.removed).toBe(0);
    await c.get(`/api/v1/residents/${world.residents.ov2}`);
    await sealProcessingLog(server.ownerDb, 100_000);
    expect((await verifyProcessingLogChain(server.ownerDb, { parallel: 1 })).breakCount).toBe(0);

    // A superuser cuts the next entry: without a checkpoint plain verify sees the gap; with a forged checkpoint row it
    // does not, but the anchors do (no signed checkpoint for it).
    const first = after[0]!.seq;
    const { hash } = (await q(sql<{ hash: Buffer }>`SELECT hash FROM processing_log WHERE municipality_id = ${world.utrecht} AND seq = ${first}::bigint`))[0]!;
    await q(sql`DELETE FROM processing_log WHERE municipality_id = ${world.utrecht} AND seq = ${first}::bigint`);
    expect((await verifyProcessingLogChain(server.ownerDb, { parallel: 1 })).breakCount).toBeGreaterThan(0);
    await q(sql`INSERT INTO processing_log_checkpoints (municipality_id, seq, prev_hash, cutoff, removed) VALUES (${world.utrecht}, ${first}::bigint + 1, ${hash}, now(), 1)`);
    expect((await verifyProcessingLogChain(server.ownerDb, { parallel: 1 })).breakCount).toBe(0);
    const forged = await verifyAnchors(server.ownerDb, dir, keys);
    expect(forged.findings.map((f) => f.problem)).toContain('checkpoint');
  });

  it('the application role can neither read nor write checkpoints', async () => {
    const { createDb, createPool } = await import('../../src/platform/db/database.ts');
    const app = createDb(createPool(server.db.appUrl, { max: 1 }));
    try {
      await expect(sql`SELECT count(*) FROM processing_log_checkpoints`.execute(app)).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
    }
  });
});
