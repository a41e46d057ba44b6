import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeJobs } from '../../src/modules/programmes/programmes.jobs.ts';
import { PROGRAMME_REFRESH_QUEUE, PROGRAMME_SNAPSHOT_QUEUE } from '../../src/modules/programmes/programmes.queues.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { mailOff } from '../../src/platform/jobs/mail.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { folded, pdfToText } from '../helpers/pdf.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Programmes over real HTTP (issue 12): bad input names the field, the figures are built by the job as the
// application role (idempotent), the dashboard shows aggregates only with small cells suppressed (also against
// subtraction), one aggregate log entry and no resident named; exports and the report hold the same numbers; a
// frozen month does not change.

const API = '/api/v1';
let server: TestServer;
let world: World;
let policy: ApiClient;
let coach: ApiClient;
let appDb: Db;
let programmeId: string;
let contactLine: string;

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.ownerDb)).rows;
const job = (queue: string) => programmeJobs.find((j) => j.queue === queue)!;
const runJob = (queue: string, data: Record<string, unknown>) => job(queue).handle(data, { appDb, mail: mailOff, log: () => undefined });

/** n residents in an area on benefit since 2022, `out` of them left in 2026 (reasons in turn), `back` of those returned. */
async function cohort(area: string, n: number, out: number, back: number, reasons: string[], bsnBase: number) {
  const coachId = world.users[ROLE_USERS.jobCoach]!;
  for (let i = 0; i < n; i++) {
    const rid = randomUUID();
    const caseId = randomUUID();
    const benefitId = randomUUID();
    await sql`INSERT INTO residents (municipality_id, id, bsn, given_names, family_name, date_of_birth, street, house_number, postcode, city, area_id,
        household_type, education_level, is_fictitious)
      VALUES (${world.utrecht}, ${rid}, ${String(bsnBase + i).padStart(9, '0')}, 'Test', ${`Inwoner ${i}`}, ${i % 3 === 0 ? '2001-04-01' : '1975-04-01'}, 'Teststraat', ${String(i)},
        '3562AB', 'Utrecht', ${area}, ${i % 4 === 0 ? 'singleParent' : 'single'}, 'vmbo', true)`.execute(server.ownerDb);
    await sql`INSERT INTO benefits (municipality_id, id, resident_id, start_date) VALUES (${world.utrecht}, ${benefitId}, ${rid}, '2022-01-01')`.execute(server.ownerDb);
    await sql`INSERT INTO cases (municipality_id, id, resident_id, opened_on, contact_person_id) VALUES (${world.utrecht}, ${caseId}, ${rid}, '2022-01-01', ${coachId})`.execute(server.ownerDb);
    if (i < out) {
      const on = `2026-0${1 + (i % 6)}-15`;
      await sql`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, registered_by)
        VALUES (${world.utrecht}, ${randomUUID()}, ${rid}, ${caseId}, ${benefitId}, ${reasons[i % reasons.length]}, ${on}::date, ${coachId})`.execute(server.ownerDb);
      await sql`UPDATE benefits SET end_date = ${on}::date WHERE id = ${benefitId}::uuid`.execute(server.ownerDb);
      await sql`UPDATE cases SET status = 'closed', closed_on = ${on}::date WHERE id = ${caseId}::uuid`.execute(server.ownerDb);
      if (i < back) await sql`INSERT INTO benefits (municipality_id, id, resident_id, start_date) VALUES (${world.utrecht}, ${randomUUID()}, ${rid}, '2026-09-01')`.execute(server.ownerDb);
    }
  }
}

const body = (over: Record<string, unknown> = {}) => ({
  name: 'Werkbeweging',
  periodStart: '2026-01-01',
  periodEnd: '2028-06-30',
  baselinePerYear: 1450,
  goalExtra: 2000,
  actionLines: [
    { kind: 'contact', name: 'Persoonlijk contact en maatwerk', budgetCents: 200_000_000 },
    { kind: 'jobs', name: 'Passend werk bij werkgevers', budgetCents: 200_000_000 },
    { kind: 'discrimination', name: 'Aanpak discriminatie', budgetCents: 100_000_000 },
  ],
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  appDb = createDb(createPool(server.db.appUrl, { max: 2 }));
  policy = await loginAs(server.baseUrl, ROLE_USERS.policyOfficer);
  coach = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  // Overvecht: 60 on benefit, 40 left (5 came back within 12 months); Noordwest: 25, 14 left.
  await cohort(world.areas.overvecht, 60, 40, 5, ['workFullTime', 'workPartTime', 'education', 'workFullTime', 'otherIncome'], 500000000);
  await cohort(world.areas.zuilen, 25, 14, 0, ['workFullTime', 'workPartTime', 'moved'], 600000000);
});
afterAll(async () => {
  await appDb?.destroy();
  await server?.close();
});

describe('creating a programme', () => {
  it('refuses a period that ends before it starts and a budget of −1, naming the field; nothing written', async () => {
    const period = await policy.post(`${API}/programmes`, body({ periodEnd: '2025-12-31' }));
    expect(period.status).toBe(400);
    expect(period.body.invalidParams).toEqual([expect.objectContaining({ name: 'periodEnd', code: 'range' })]);
    const budget = await policy.post(`${API}/programmes`, body({ actionLines: [{ kind: 'jobs', name: 'Banen', budgetCents: -1 }] }));
    expect(budget.status).toBe(400);
    expect(budget.body.invalidParams.map((p: { name: string }) => p.name).join()).toContain('budgetCents');
    expect((await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM programmes`))[0]!.n).toBe(0);
    expect((await coach.post(`${API}/programmes`, body())).status).toBe(403);
  });

  it('creates Werkbeweging with three action lines and a budget of 5 million', async () => {
    const res = await policy.post(`${API}/programmes`, body());
    expect(res.status).toBe(201);
    programmeId = res.body.id;
    contactLine = res.body.actionLines[0].id;
    expect(res.body).toMatchObject({ name: 'Werkbeweging', budgetCents: 500_000_000, spentCents: 0, goalExtra: 2000, baselinePerYear: 1450 });
    const spend = await policy.post(`${API}/programmes/${programmeId}/expenditures`, { actionLineId: contactLine, spentOn: '2026-03-01', amountCents: 12_345_600, description: 'Extra werkmatchers' });
    expect(spend.status).toBe(201);
    const bad = await policy.post(`${API}/programmes/${programmeId}/expenditures`, { actionLineId: randomUUID(), spentOn: '2025-03-01', amountCents: -5, description: 'x' });
    expect(bad.status).toBe(400);
  });
});

describe('the dashboard', () => {
  it('is built by the refresh job as the application role, idempotently', async () => {
    await runJob(PROGRAMME_REFRESH_QUEUE, { municipalityId: world.utrecht });
    const first = await q(sql<{ n: number; s: number }>`SELECT count(*)::int AS n, sum(outflows)::int AS s FROM programme_figures WHERE dimension = 'total'`);
    await runJob(PROGRAMME_REFRESH_QUEUE, {});
    const second = await q(sql<{ n: number; s: number }>`SELECT count(*)::int AS n, sum(outflows)::int AS s FROM programme_figures WHERE dimension = 'total'`);
    expect(second).toEqual(first);
    expect(first[0]!.s).toBe(54);
  });

  it('shows aggregates only: net outflow, suppressed small cells, no line with one hidden cell; one aggregate log entry', async () => {
    const before = (await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM processing_log WHERE processing_activity_id = 'PA-026'`))[0]!.n;
    const res = await policy.get(`${API}/programmes/${programmeId}/dashboard`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.progress.outflow).toBe(49); // 54 − 5 returns
    expect(d.byArea.total).toBe(49);
    expect(d.byArea.rows).toEqual([
      { key: world.areas.zuilen, label: 'Noordwest', value: 14 },
      { key: world.areas.overvecht, label: 'Overvecht', value: 35 },
    ]);
    for (const g of d.byGroup) {
      for (const r of g.rows) if (r.value !== null) expect(r.value).toBeGreaterThanOrEqual(10);
      expect(g.rows.filter((r: { value: number | null }) => r.value === null).length).not.toBe(1);
    }
    // Returns (5) are fewer than 10: not shown (the net and the gross would give them away).
    expect(d.progress.returns).toBeNull();
    expect(d.costs.spentCents).toBe(12_345_600);
    expect(d.summary).toContain('49 inwoners stroomden uit');
    const logs = await q(sql<{ data_subject_type: string; data_subject_ids: string[]; actor_role: string }>`
      SELECT data_subject_type, data_subject_ids, actor_role FROM processing_log WHERE processing_activity_id = 'PA-026' ORDER BY started_at DESC LIMIT 1`);
    expect((await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM processing_log WHERE processing_activity_id = 'PA-026'`))[0]!.n).toBe(before + 1);
    expect(logs[0]).toEqual({ data_subject_type: 'aggregate', data_subject_ids: ['aggregate'], actor_role: 'policyOfficer' });
  });

  it('filters a wijk: Overvecht’s groups, its total and its own progress line', async () => {
    const d = (await policy.get(`${API}/programmes/${programmeId}/dashboard?areaId=${world.areas.overvecht}`)).body;
    expect(d.area).toEqual({ id: world.areas.overvecht, name: 'Overvecht' });
    expect(d.progress.outflow).toBe(35);
    expect(d.progress.baseline).toBeNull();
    const reason = d.byGroup.find((g: { dimension: string }) => g.dimension === 'reason');
    expect(reason.total).toBe(35);
    expect(d.progress.points.filter((p: { outflow: number | null }) => p.outflow !== null).at(-1).outflow).toBe(35);
    const unknown = await policy.get(`${API}/programmes/${programmeId}/dashboard?areaId=${randomUUID()}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0].name).toBe('areaId');
  });

  it('is for policy officers only', async () => {
    expect((await coach.get(`${API}/programmes/${programmeId}/dashboard`)).status).toBe(404);
    expect((await coach.get(`${API}/programmes`)).status).toBe(403);
    expect((await policy.get(`${API}/programmes/${randomUUID()}/dashboard`)).status).toBe(404);
  });

  it('exports XLSX that opens and holds the same numbers, and CSV', async () => {
    const dash = (await policy.get(`${API}/programmes/${programmeId}/dashboard`)).body;
    const res = await fetch(`${server.baseUrl}${API}/programmes/${programmeId}/dashboard/xlsx`, { headers: { cookie: `samenplan_session=${policy.sessionToken()}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets.find((w) => w.name === 'Uitstroom per wijk')!;
    const rows: Array<[string, unknown]> = [];
    ws.eachRow((row, i) => i > 4 && rows.push([String(row.getCell(1).value), row.getCell(2).value]));
    expect(rows).toEqual([...dash.byArea.rows.map((r: { label: string; value: number }) => [r.label, r.value]), ['Totaal', dash.byArea.total]]);
    const csv = await policy.get(`${API}/programmes/${programmeId}/dashboard/csv`, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Overvecht;35');
  });

  it('downloads the council report as a tagged PDF with the dashboard’s figures', async () => {
    const res = await fetch(`${server.baseUrl}${API}/programmes/${programmeId}/report/pdf`, { headers: { cookie: `samenplan_session=${policy.sessionToken()}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/StructTreeRoot');
    expect(bytes.toString('latin1')).toContain('/Figure');
    const text = folded(await pdfToText(bytes));
    expect(text).toContain('Raadsrapportage Werkbeweging');
    expect(text).toContain('49 inwoners stroomden uit de bijstand');
    expect(text).toContain('Overvecht 35');
    // Dates in Dutch, as the Netherlands' day of the refresh; no ISO date anywhere in the report.
    const [r] = await q(sql<{ day: string }>`SELECT (refreshed_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS day FROM programme_refreshes WHERE programme_id = ${programmeId}::uuid`);
    const [y, m, d] = r!.day.split('-').map(Number) as [number, number, number];
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    expect(text).toContain(`bijgewerkt op ${d} ${months[m - 1]} ${y}`);
    expect(text).toMatch(/Periode: januari 2026 tot en met [a-z]+ 20\d\d\./);
    expect(text.match(/\d{4}-\d{2}(-\d{2})?/g)).toBeNull();
    // The chart's month axis in Dutch too ("jan '26", not "01-26").
    expect(text).toContain("jan '26");
    expect(text.match(/\b\d{2}-\d{2}\b/g)).toBeNull();
  });
});

describe('monthly snapshots', () => {
  it('freeze a month: later changes do not alter it, and a second run changes nothing', async () => {
    await runJob(PROGRAMME_SNAPSHOT_QUEUE, { municipalityId: world.utrecht, month: '2026-06' });
    const frozen = (await policy.get(`${API}/programmes/${programmeId}/dashboard?to=2026-06`)).body;
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.progress.outflow).toBe(49);
    // A late registration for May and a refresh: the live figures change, the frozen month does not.
    await cohort(world.areas.overvecht, 12, 12, 0, ['education'], 700000000);
    await sql`UPDATE outflows SET outflow_on = '2026-05-20' WHERE reason = 'education' AND outflow_on > '2026-06-30'`.execute(server.ownerDb);
    await runJob(PROGRAMME_REFRESH_QUEUE, { municipalityId: world.utrecht });
    expect((await policy.get(`${API}/programmes/${programmeId}/dashboard?to=2026-06`)).body).toEqual(frozen);
    expect((await policy.get(`${API}/programmes/${programmeId}/dashboard?to=2026-07`)).body.progress.outflow).toBe(61);
    await runJob(PROGRAMME_SNAPSHOT_QUEUE, { municipalityId: world.utrecht, month: '2026-06' });
    expect((await policy.get(`${API}/programmes/${programmeId}/dashboard?to=2026-06`)).body).toEqual(frozen);
    const snaps = (await policy.get(`${API}/programmes/${programmeId}/snapshots`)).body;
    expect(snaps).toMatchObject({ total: 1, items: [{ month: '2026-06' }] });
    // The frozen report says when it was frozen, in Dutch.
    const pdf = await fetch(`${server.baseUrl}${API}/programmes/${programmeId}/report/pdf?month=2026-06`, { headers: { cookie: `samenplan_session=${policy.sessionToken()}` } });
    const frozenText = folded(await pdfToText(Buffer.from(await pdf.arrayBuffer())));
    const [f] = await q(sql<{ day: string }>`SELECT (frozen_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS day FROM programme_snapshots WHERE programme_id = ${programmeId}::uuid AND month = '2026-06-01'`);
    const [fy, fm, fd] = f!.day.split('-').map(Number) as [number, number, number];
    expect(frozenText).toContain(`bevroren cijfers van juni 2026 (vastgelegd op ${fd} ${['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][fm - 1]} ${fy})`);
    expect(frozenText.match(/\d{4}-\d{2}/g)).toBeNull();
  });
});

describe('concurrent triggers', () => {
  const lockKey = () => `programme-refresh:${world.utrecht}`;
  const waiting = async () =>
    (await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`))[0]!.n;
  const runs = async () => (await q(sql<{ runs: number }>`SELECT runs::int AS runs FROM programme_refresh_runs WHERE municipality_id = ${world.utrecht}::uuid`))[0]?.runs ?? 0;

  /** Holds the municipality's refresh lock while `n` jobs start and wait for it; then lets them go, all at once. */
  async function burst(n: number, queue: string, data: Record<string, unknown>) {
    const wide = createDb(createPool(server.db.appUrl, { max: n + 1 }));
    const logs: string[] = [];
    try {
      return await server.ownerDb.connection().execute(async (holder) => {
        await sql`SELECT pg_advisory_lock(hashtextextended(${lockKey()}, 0))`.execute(holder);
        const jobs = Array.from({ length: n }, () => job(queue).handle(data, { appDb: wide, mail: mailOff, log: (m) => logs.push(m) }));
        for (let i = 0; i < 600 && (await waiting()) < n; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await waiting()).toBe(n);
        await sql`SELECT pg_advisory_unlock(hashtextextended(${lockKey()}, 0))`.execute(holder);
        await Promise.all(jobs);
        return logs;
      });
    } finally {
      await wide.destroy();
    }
  }

  it('five refreshes triggered together run once; a trigger after that runs again', async () => {
    const before = await runs();
    const figures = await q(sql<{ s: number }>`SELECT sum(outflows)::int AS s FROM programme_figures WHERE dimension = 'total'`);
    const logs = await burst(5, PROGRAMME_REFRESH_QUEUE, { municipalityId: world.utrecht });
    expect(await runs()).toBe(before + 1);
    expect(logs.filter((l) => l.includes('overgeslagen'))).toHaveLength(4);
    expect(await q(sql<{ s: number }>`SELECT sum(outflows)::int AS s FROM programme_figures WHERE dimension = 'total'`)).toEqual(figures);
    await runJob(PROGRAMME_REFRESH_QUEUE, { municipalityId: world.utrecht });
    expect(await runs()).toBe(before + 2);
  });

  it('three snapshots of one month triggered together freeze it once', async () => {
    const logs = await burst(3, PROGRAMME_SNAPSHOT_QUEUE, { municipalityId: world.utrecht, month: '2026-08' });
    expect(logs.filter((l) => l.startsWith('Maandstand 2026-08 bevroren voor 1 '))).toHaveLength(1);
    expect(logs.filter((l) => l.startsWith('Maandstand 2026-08 bevroren voor 0 '))).toHaveLength(2);
    const snaps = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM programme_snapshots WHERE month = '2026-08-01'`);
    expect(snaps[0]!.n).toBe(1);
  });
});
