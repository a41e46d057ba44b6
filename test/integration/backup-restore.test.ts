import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../src/platform/db/database.ts';
import { createDb, createPool } from '../../src/platform/db/database.ts';
import { sealProcessingLog } from '../../src/platform/processing-log/chain.store.ts';
import { loginAs } from '../helpers/client.ts';
import { PG_ADMIN_URL, TEST_PSEUDONYM_KEY, adminQuery } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Backup and restore round trip (issue 16, docs/operations.md): the demo with real requests in its log is dumped by
// `samenplan backup`, restored by `samenplan restore` into a database that does not exist yet, and then the restored
// copy has the same rows per table and its processing log verifies; a restore into a non-empty database is refused.

const exec = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  exec('node', [path.resolve('bin/samenplan.mjs'), ...args], {
    env: { ...process.env, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-')), LOG_LEVEL: 'silent', SAMENPLAN_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY, ...env },
  }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

let server: TestServer;
const restoredName = `samenplan_t_restore_${process.pid}`;
const dir = mkdtempSync(path.join(tmpdir(), 'sp-backup-'));
const file = path.join(dir, 'samenplan.dump');

beforeAll(async () => {
  server = await startTestServer({ template: 'demo' });
  const wm = await loginAs(server.baseUrl, 'werkmatcher.overvecht');
  const list = await wm.get('/api/v1/residents?limit=5');
  expect(list.status).toBe(200);
  await sealProcessingLog(server.ownerDb, 100_000);
});

afterAll(async () => {
  await server?.close();
  await adminQuery(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
});

describe('samenplan backup / restore', () => {
  it('round trip: same rows per table, the chain verifies, the app role keeps its grants and row-level security stays on', async () => {
    const b = await cli(['backup', '--out', file], { DATABASE_URL: server.db.ownerUrl });
    expect(b.stderr).toContain('Back-up geschreven');
    expect(b.code).toBe(0);
    const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as { rowCounts: Record<string, number>; chainHeads: unknown[] };
    expect(manifest.rowCounts['public.residents']).toBeGreaterThan(0);
    expect(manifest.rowCounts['public.processing_log']).toBeGreaterThan(0);
    expect(manifest.chainHeads.length).toBeGreaterThan(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

    const restoredUrl = withDatabase(PG_ADMIN_URL, restoredName);
    const r = await cli(['restore', '--in', file], { DATABASE_URL: restoredUrl });
    expect(r.stderr).toContain('Aantallen rijen gelijk aan de bron');
    expect(r.stderr).toContain('Logboek dataverwerkingen intact');
    expect(r.code).toBe(0);

    // Counted independently of the manifest: every table of the source against the copy.
    const src = createDb(createPool(server.db.ownerUrl, { max: 1 }));
    const dst = createDb(createPool(restoredUrl, { max: 1 }));
    try {
      for (const table of Object.keys(manifest.rowCounts)) {
        const q = sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.raw(table)}`;
        const [a, bRows] = [await q.execute(src), await q.execute(dst)];
        expect({ table, n: Number(bRows.rows[0]!.n) }).toEqual({ table, n: Number(a.rows[0]!.n) });
      }
      // The grants to the application role came along (no owner from the source: the restoring owner owns all).
      const grants = await sql<{ sel: boolean; upd: boolean; rls: boolean }>`
        SELECT has_table_privilege('samenplan_app', 'residents', 'SELECT') AS sel,
               has_table_privilege('samenplan_app', 'processing_log', 'UPDATE') AS upd,
               (SELECT relrowsecurity FROM pg_class WHERE relname = 'residents') AS rls`.execute(dst);
      expect(grants.rows[0]).toEqual({ sel: true, upd: false, rls: true });
      // A second verify on the copy with the CLI passes as well.
      const v = await cli(['audit', 'verify'], { DATABASE_URL: restoredUrl });
      expect(v.code).toBe(0);
    } finally {
      await src.destroy();
      await dst.destroy();
    }
  });

  it('refuses a database that is not empty, and a dump that does not match its manifest', async () => {
    const again = await cli(['restore', '--in', file], { DATABASE_URL: server.db.ownerUrl });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('niet leeg');
    const bad = path.join(dir, 'bad.dump');
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(bad, bytes);
    writeFileSync(`${bad}.manifest.json`, readFileSync(`${file}.manifest.json`));
    const broken = await cli(['restore', '--in', bad], { DATABASE_URL: withDatabase(PG_ADMIN_URL, `${restoredName}_x`) });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('controlesom');
  });

  it('warns when the restore runs with another pseudonym key', async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    const r = await cli(['restore', '--in', file], { DATABASE_URL: withDatabase(PG_ADMIN_URL, restoredName), SAMENPLAN_PSEUDONYM_KEY: 'another-key-another-key-another-key-0000' });
    expect(r.stderr).toContain('niet de sleutel van de bron');
  });
});
