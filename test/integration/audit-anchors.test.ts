import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { exportAnchors, loadAnchorKey } from '../../src/platform/processing-log/anchor.ts';
import { sealProcessingLog } from '../../src/platform/processing-log/chain.store.ts';
import { loginAs } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Tamper evidence beyond the database (issue 16, ADR 0026). A superuser (the owner connection) rewrites a row of the
// processing log AND recomputes the chain after it with the database's own digest function, so every hash, link and
// the head are consistent again: plain `audit verify` cannot tell (exit 0). The anchors signed before the rewrite,
// with a key the database never saw, can: `audit verify --anchors DIR` exits 1 and names the anchor.

const exec = promisify(execFile);
let server: TestServer;
let world: World;
let appDb: Db;
const dir = mkdtempSync(path.join(tmpdir(), 'sp-anchors-'));
const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'sp-key-')), 'anchor.key');

const cli = (args: string[], env: Record<string, string> = {}) =>
  exec('node', [path.resolve('bin/samenplan.mjs'), ...args], {
    env: { ...process.env, DATABASE_URL: server.db.ownerUrl, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-')), LOG_LEVEL: 'silent', ...env },
  }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

async function someRequests(n: number) {
  const c = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
  for (let i = 0; i < n; i += 1) await c.get(`/api/v1/residents/${[world.residents.ov1, world.residents.ov2][i % 2]}`);
  await sealProcessingLog(server.ownerDb, 100_000);
}

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  appDb = createDb(createPool(server.db.appUrl, { max: 1 }));
  const gen = await cli(['anchor', 'keygen', '--out', keyFile]);
  expect(gen.code).toBe(0);
});

afterAll(async () => {
  await appDb?.destroy();
  await server?.close();
});

describe('anchored processing log', () => {
  it('the application role exports signed heads; verify --anchors passes while the log is untouched and grows', async () => {
    await someRequests(6);
    const key = (await loadAnchorKey({ SAMENPLAN_ANCHOR_KEY_FILE: keyFile }))!;
    // The app connection (samenplan_app) reads the heads through the SECURITY DEFINER function only.
    const first = await exportAnchors(appDb, key, dir);
    expect(first.written).toBeGreaterThan(0);
    expect(await exportAnchors(appDb, key, dir)).toEqual({ written: 0, unchanged: first.written });
    await someRequests(4);
    const viaCli = await cli(['anchor', 'export', '--dir', dir], { SAMENPLAN_ANCHOR_KEY_FILE: keyFile });
    expect(viaCli.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('anchor-')).length).toBeGreaterThanOrEqual(2);
    await someRequests(2);
    const ok = await cli(['audit', 'verify', '--anchors', dir, '--anchor-public-key', `${keyFile}.pub`]);
    expect(ok.stderr).toContain('Ankers in orde');
    expect(ok.code).toBe(0);
  });

  it('a superuser rewrite with a consistent new chain passes plain verify and fails verify --anchors', async () => {
    const m = world.utrecht;
    const victim = 3;
    // The superuser's rewrite: change a row, then re-chain every later row and the head with the shipped digest (by each row's chain version).
    await sql`
      DO $$
      DECLARE r processing_log%ROWTYPE; prev bytea;
      BEGIN
        UPDATE processing_log SET actor_role = 'admin' WHERE municipality_id = ${sql.lit(m)} AND seq = ${sql.lit(victim)};
        SELECT hash INTO prev FROM processing_log WHERE municipality_id = ${sql.lit(m)} AND seq = ${sql.lit(victim - 1)};
        FOR r IN SELECT * FROM processing_log WHERE municipality_id = ${sql.lit(m)} AND seq >= ${sql.lit(victim)} ORDER BY seq LOOP
          UPDATE processing_log SET prev_hash = prev WHERE municipality_id = r.municipality_id AND seq = r.seq;
          UPDATE processing_log l SET hash = processing_log_row_digest(l)
          WHERE l.municipality_id = r.municipality_id AND l.seq = r.seq RETURNING l.hash INTO prev;
        END LOOP;
        UPDATE processing_log_chain SET last_hash = prev WHERE municipality_id = ${sql.lit(m)};
      END $$`.execute(server.ownerDb);
    const plain = await cli(['audit', 'verify']);
    expect(plain.stderr).toContain('Logboek dataverwerkingen intact');
    expect(plain.code).toBe(0);
    const anchored = await cli(['audit', 'verify', '--anchors', dir, '--anchor-public-key', `${keyFile}.pub`]);
    expect(anchored.code).toBe(1);
    expect(anchored.stderr).toContain('ANKER KLOPT NIET');
    expect(anchored.stderr).toContain('logboek herschreven');
  });

  it('a forged or edited anchor file fails its signature; a cut log makes an anchor lie ahead of the head', async () => {
    const forged = mkdtempSync(path.join(tmpdir(), 'sp-forged-'));
    const [name] = readdirSync(dir).filter((f) => f.startsWith('anchor-'));
    const a = JSON.parse(readFileSync(path.join(dir, name!), 'utf8')) as { hash: string };
    writeFileSync(path.join(forged, name!), JSON.stringify({ ...a, hash: 'ab'.repeat(32) }));
    const r = await cli(['audit', 'verify', '--anchors', forged, '--anchor-public-key', `${keyFile}.pub`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('handtekening ongeldig');
    const noKey = await cli(['audit', 'verify', '--anchors', forged]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('geen publieke sleutel');
    // The superuser cuts the tail and moves the head back consistently: plain verify passes, the last anchor is ahead.
    await sql`DELETE FROM processing_log WHERE municipality_id = ${world.utrecht} AND seq > 8`.execute(server.ownerDb);
    await sql`UPDATE processing_log_chain c SET last_seq = 8, last_hash = l.hash FROM processing_log l
      WHERE c.municipality_id = ${world.utrecht} AND l.municipality_id = c.municipality_id AND l.seq = 8`.execute(server.ownerDb);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
    const cut = await cli(['audit', 'verify', '--anchors', dir, '--anchor-public-key', `${keyFile}.pub`]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('voorbij het einde van het logboek');
  });
});
