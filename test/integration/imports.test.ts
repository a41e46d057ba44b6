import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBsns, sampleCsv, sampleHeader, sampleLine } from '../../src/modules/imports/imports.sample.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let world: World;
let admin: ApiClient;
const PC4 = [3561, 3562, 3563, 3551, 3552];

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  admin = await loginAs(server.baseUrl, ROLE_USERS.admin);
});

afterAll(async () => {
  await server?.close();
});

async function upload(client: ApiClient, body: Buffer | string, query: string, type = 'text/csv') {
  const res = await fetch(`${server.baseUrl}/api/v1/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-csrf-token': client.csrfToken ?? '', cookie: `samenplan_session=${client.sessionToken()}`, accept: 'application/json' },
    body,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

async function residentsSnapshot(bsnPrefix: string) {
  const { rows } = await sql<{ bsn: string; version: number; updated_at: Date; area_id: string }>`
    SELECT bsn, version, updated_at, area_id FROM residents WHERE municipality_id = ${world.utrecht} AND bsn LIKE ${`${bsnPrefix}%`} ORDER BY bsn`.execute(server.ownerDb);
  return rows;
}

async function residentCount() {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM residents WHERE municipality_id = ${world.utrecht}`.execute(server.ownerDb);
  return Number(rows[0]!.n);
}

describe('bulk import over HTTP', () => {
  const csv = sampleCsv(60, { pc4: PC4, bsnStart: 21_000_000 });

  it('a dry run checks and counts exactly, and writes nothing', async () => {
    const before = await residentCount();
    const res = await upload(admin, csv, 'mapping=suite4sd&dryRun=true&fileName=export.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'checked', dryRun: true, totalRows: 60, created: 60, updated: 0, unchanged: 0, errorCount: 0, report: [] });
    expect(await residentCount()).toBe(before);
  });

  it('imports every line with an area from the postcode, a case, a benefit and a processing-log entry (PA-037)', async () => {
    const res = await upload(admin, csv, 'mapping=suite4sd&fileName=export.csv');
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/imports/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'imported', totalRows: 60, created: 60, updated: 0, unchanged: 0 });
    const rows = await residentsSnapshot('210');
    expect(rows).toHaveLength(60);
    const inOvervecht = rows.filter((r) => r.area_id === world.areas.overvecht).length;
    expect(inOvervecht).toBe(36); // 3561-3563 of the five postcodes
    expect(rows.filter((r) => r.area_id === world.areas.zuilen)).toHaveLength(24);
    const { rows: counts } = await sql<{ cases: string; benefits: string }>`
      SELECT (SELECT count(*) FROM cases c JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id WHERE r.bsn LIKE '210%' AND c.status = 'active') AS cases,
             (SELECT count(*) FROM benefits b JOIN residents r ON r.municipality_id = b.municipality_id AND r.id = b.resident_id WHERE r.bsn LIKE '210%') AS benefits`.execute(server.ownerDb);
    expect(counts[0]).toEqual({ cases: '60', benefits: '60' });
    const { rows: log } = await sql<{ n: string; actor_id: string }>`
      SELECT sum(cardinality(data_subject_ids))::text AS n, min(actor_id::text) AS actor_id FROM processing_log
      WHERE municipality_id = ${world.utrecht} AND processing_activity_id = 'PA-037' AND action = 'imports.residents.create'`.execute(server.ownerDb);
    expect(log[0]).toEqual({ n: '60', actor_id: world.users[ROLE_USERS.admin] });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await residentsSnapshot('210');
    const res = await upload(admin, csv, 'mapping=suite4sd&fileName=export.csv');
    expect(res.body).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 60 });
    expect(await residentsSnapshot('210')).toEqual(before);
  });

  it('a later export with moved residents updates only those', async () => {
    const moved = sampleCsv(60, { pc4: PC4, bsnStart: 21_000_000, movedEvery: 10 });
    const res = await upload(admin, moved, 'mapping=suite4sd&fileName=export-2.csv');
    expect(res.body).toMatchObject({ status: 'imported', created: 0, updated: 6, unchanged: 54 });
    const versions = (await residentsSnapshot('210')).map((r) => r.version);
    expect(versions.filter((v) => v === 2)).toHaveLength(6);
  });

  it('lists the runs and serves the report as CSV', async () => {
    const list = await admin.get('/api/v1/imports');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    expect(list.body.items[0]).toMatchObject({ fileName: 'export-2.csv', status: 'imported' });
  });

  it('is only for the functional administrator', async () => {
    const wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    const res = await upload(wm, csv, 'mapping=suite4sd');
    expect(res.status).toBe(403);
    expect((await wm.get('/api/v1/imports')).status).toBe(403);
  });
});

describe('bad input: a clear report per line, nothing written', () => {
  const header = sampleHeader('suite4sd');
  const bsns = sampleBsns(5, 22_000_000);
  const line = (i: number, patch: Record<number, string> = {}) => {
    const cells = sampleLine(i, bsns[i]!, { pc4: PC4 });
    for (const [k, v] of Object.entries(patch)) cells[Number(k)] = v;
    return cells.join(';');
  };

  it('reports the 11-check, 31-02-2026, a postcode outside the municipality, a bad code and a duplicate, by line', async () => {
    const before = await residentCount();
    const file = [
      header.join(';'),
      line(0),
      line(1, { 0: '123456789' }),
      line(2, { 14: '31-02-2026' }),
      line(3, { 8: '9999 ZZ' }),
      line(4, { 10: 'kamer' }),
      line(0),
    ].join('\n');
    const res = await upload(admin, file, 'mapping=suite4sd&fileName=fout.csv');
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('invalid');
    expect(res.body.created).toBe(0);
    const byLine = res.body.report.map((l: any) => [l.line, l.column, l.code]);
    expect(byLine).toEqual([
      [3, 'BSN', 'elfproef'],
      [4, 'Ingangsdatum uitkering', 'notExist'],
      [5, 'Postcode', 'area'],
      [6, 'Leefvorm', 'code'],
      [7, null, 'duplicate'],
    ]);
    expect(res.body.report[1].message).toContain('31 februari 2026 bestaat niet');
    expect(res.body.report[4].message).toContain('regel 2');
    // The report never repeats a value (no BSN in it).
    expect(JSON.stringify(res.body.report)).not.toContain(bsns[0]);
    expect(await residentCount()).toBe(before);

    const csvRes = await fetch(`${server.baseUrl}/api/v1/imports/${res.body.id}/report`, { headers: { cookie: `samenplan_session=${admin.sessionToken()}` } });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM: Excel reads UTF-8
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFregel;kolom;code;melding');
    expect(text).toContain('3;BSN;elfproef;');
  });

  it('a missing column is one clear line for the file', async () => {
    const res = await upload(admin, [header.filter((h) => h !== 'Geboortedatum').join(';'), 'x'].join('\n'), 'mapping=suite4sd');
    expect(res.body).toMatchObject({ status: 'invalid', errorCount: 1 });
    expect(res.body.report[0]).toMatchObject({ line: 1, column: 'Geboortedatum', code: 'missingColumn' });
  });

  it('a file in Windows-1252 where UTF-8 is expected is refused with the line', async () => {
    // Line 2 has the first non-ASCII character (Braziliëdreef), written as one Windows-1252 byte.
    const latin1 = Buffer.from([header.join(';'), line(0), line(1, { 1: 'Zoë' })].join('\n'), 'latin1');
    const res = await upload(admin, latin1, 'mapping=suite4sd');
    expect(res.body).toMatchObject({ status: 'invalid', errorCount: 1 });
    expect(res.body.report[0]).toMatchObject({ code: 'encoding', line: 2 });
    expect(res.body.report[0].message).toContain('UTF-8');
  });

  it('10,000 identical lines: 9,999 duplicates reported (the first 1,000 kept), nothing written', async () => {
    const before = await residentCount();
    const file = [header.join(';'), ...Array.from({ length: 10_000 }, () => line(0))].join('\n');
    const res = await upload(admin, file, 'mapping=suite4sd');
    expect(res.body).toMatchObject({ status: 'invalid', totalRows: 10_000, errorCount: 9_999 });
    expect(res.body.report).toHaveLength(1000);
    expect(await residentCount()).toBe(before);
  });

  it('a 2 GB upload is refused with 413 at once, and the server keeps serving others', async () => {
    const url = new URL(server.baseUrl);
    const refused = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/v1/imports?mapping=suite4sd',
          headers: {
            'content-type': 'text/csv',
            'content-length': String(2 * 1024 ** 3),
            cookie: `samenplan_session=${admin.sessionToken()}`,
            'x-csrf-token': admin.csrfToken ?? '',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024 * 1024, 'a'));
    });
    const other = await admin.get('/api/v1/imports/mappings');
    expect(other.status).toBe(200);
    const res = await refused;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, title: 'Verzoek te groot' });
    expect((await admin.get('/api/v1/imports')).status).toBe(200);
  });

  it('an unknown mapping is a 400 naming the parameter', async () => {
    const res = await upload(admin, 'x', 'mapping=onbekend');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('mapping');
  });
});

describe('XLSX (Socrates) and the CLI', () => {
  it('reads the first sheet of an XLSX export, dates as date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(sampleHeader('socrates'));
    const bsns = sampleBsns(20, 23_000_000);
    bsns.forEach((b, i) => {
      const cells: (string | number | Date)[] = sampleLine(i, b, { pc4: PC4, mapping: 'socrates' });
      cells[0] = Number(b); // a spreadsheet turns the BSN into a number (a leading zero is lost)
      cells[4] = new Date(`${String(cells[4]).slice(0, 4)}-${String(cells[4]).slice(4, 6)}-${String(cells[4]).slice(6, 8)}T00:00:00Z`);
      ws.addRow(cells);
    });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(admin, buf, 'mapping=socrates&fileName=socrates.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'imported', fileFormat: 'xlsx', totalRows: 20, created: 20, errorCount: 0 });
    expect(await residentsSnapshot('230')).toHaveLength(20);
  });

  it('npx samenplan import FILE --mapping NAME: progress, counts, and a second run changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samenplan-import-'));
    const file = path.join(dir, 'gws.csv');
    writeFileSync(file, sampleCsv(300, { pc4: PC4, bsnStart: 24_000_000, mapping: 'gws4all' }));
    const run = (...extra: string[]) =>
      new Promise<{ code: number; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/samenplan.mjs', 'import', file, '--mapping', 'gws4all', '--municipality', 't0344', ...extra], {
          env: { ...process.env, DATABASE_URL: server.db.ownerUrl, SAMENPLAN_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY, LOG_LEVEL: 'silent' },
        });
        let err = '';
        child.stderr.on('data', (c) => (err += c));
        child.on('close', (code) => resolve({ code: code ?? -1, err }));
      });
    const dry = await run('--dry-run');
    expect(dry.err).toContain('Proefrun (niets opgeslagen): 300 regels');
    expect(await residentsSnapshot('240')).toHaveLength(0);
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/Ingelezen: 300 regels .* 300 nieuw, 0 gewijzigd, 0 ongewijzigd/);
    expect(first.err).toContain('regels/s');
    const before = await residentsSnapshot('240');
    const second = await run();
    expect(second.err).toContain('0 nieuw, 0 gewijzigd, 300 ongewijzigd');
    expect(await residentsSnapshot('240')).toEqual(before);
    writeFileSync(file, sampleCsv(3, { pc4: [1234], bsnStart: 25_000_000, mapping: 'gws4all' }));
    const bad = await run();
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Niets ingelezen: 3 problemen');
  }, 60_000);
});
