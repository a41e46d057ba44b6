import { createHash, createHmac } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { APP_ROLE, ensureAppRole } from './migrate.ts';

// Backup and restore (docs/operations.md, ADR 0026): a pg_dump of the whole database in custom format, taken in one
// snapshot together with a manifest (row count per table, chain heads, migrations, a fingerprint of the pseudonym
// key). Secrets are never in the dump: the application role's password, the pseudonym key and the anchor signing
// key live outside the database and are restored from the secret store (runbook). The restore refuses a database
// that is not empty, creates the application role, restores without the source's owner and checks the counts.

const run = promisify(execFile);

export const BACKUP_FORMAT = 'samenplan-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  serverVersion: string;
  /** sha256 of the dump file. */
  dumpSha256: string;
  dumpBytes: number;
  migrations: string[];
  /** Rows per table (schema.table), counted in the dump's snapshot. */
  rowCounts: Record<string, number>;
  /** The processing log's chain heads at the moment of the dump. */
  chainHeads: Array<{ municipalityId: string; lastSeq: string; lastHash: string }>;
  /** HMAC of a fixed text under the pseudonym key: tells whether a restore runs with the same key (never the key). */
  pseudonymKeyCheck: string;
}

export class BackupError extends Error {}

export function pseudonymKeyCheck(key: string): string {
  return createHmac('sha256', key).update('samenplan-pseudonym-key-check').digest('hex').slice(0, 16);
}

export const manifestPath = (dumpFile: string) => `${dumpFile}.manifest.json`;

/** Connection arguments for the PostgreSQL tools: the URL without its password (that goes in PGPASSWORD, not argv). */
function toolConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** The client tool of the server's own major version (pg_dump refuses a newer server; pg_restore an older one's format is fine). */
export async function pgTool(client: pg.ClientBase, tool: 'pg_dump' | 'pg_restore'): Promise<string> {
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const major = Math.floor(Number(rows[0]!.v) / 10000);
  const dir = process.env.SAMENPLAN_PG_BIN;
  const candidates = [dir ? `${dir}/${tool}` : null, `/usr/lib/postgresql/${major}/bin/${tool}`, `/usr/pgsql-${major}/bin/${tool}`];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const { stdout } = await run(tool, ['--version']).catch(() => ({ stdout: '' }));
  const found = /(\d+)(\.\d+)?/.exec(stdout);
  if (found && Number(found[1]) >= major) return tool;
  throw new BackupError(`${tool} van PostgreSQL ${major} niet gevonden; zet SAMENPLAN_PG_BIN op de map met de PostgreSQL-programma's.`);
}

async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ s: string; t: string }>(`
    SELECT n.nspname AS s, c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    ORDER BY 1, 2`);
  const counts: Record<string, number> = {};
  for (const { s, t } of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(s)}.${client.escapeIdentifier(t)}`);
    counts[`${s}.${t}`] = Number(rows[0]!.n);
  }
  return counts;
}

async function chainHeads(client: pg.ClientBase): Promise<BackupManifest['chainHeads']> {
  const { rows } = await client.query<{ m: string; s: string; h: string }>(
    `SELECT municipality_id AS m, last_seq::text AS s, encode(last_hash, 'hex') AS h FROM processing_log_chain ORDER BY 1`,
  );
  return rows.map((r) => ({ municipalityId: r.m, lastSeq: r.s, lastHash: r.h }));
}

async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/**
 * Dumps the database at `ownerUrl` into `outFile` (custom format) and writes `<outFile>.manifest.json`. The counts and
 * the dump come from one snapshot (exported from a REPEATABLE READ transaction and handed to pg_dump).
 */
export async function backupDatabase(ownerUrl: string, outFile: string, pseudonymKey: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'samenplan-backup' });
  await client.connect();
  const tmp = `${outFile}.partial`;
  try {
    const pgDump = await pgTool(client, 'pg_dump');
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ id: string; v: string }>('SELECT pg_export_snapshot() AS id, version() AS v');
    const snapshot = rows[0]!.id;
    const rowCounts = await countRows(client);
    const heads = await chainHeads(client);
    const migrations = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    const conn = toolConnection(ownerUrl);
    await run(pgDump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${tmp}`, `--dbname=${conn.url}`], { env: conn.env, maxBuffer: 16 * 1024 * 1024 });
    await client.query('COMMIT');
    await rename(tmp, outFile);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: rows[0]!.v,
      dumpSha256: await sha256File(outFile),
      dumpBytes: (await stat(outFile)).size,
      migrations,
      rowCounts,
      chainHeads: heads,
      pseudonymKeyCheck: pseudonymKeyCheck(pseudonymKey),
    };
    await writeFile(manifestPath(outFile), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } catch (err) {
    await rm(tmp, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Back-up mislukt: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`, { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface RestoreResult {
  manifest: BackupManifest | null;
  rowCounts: Record<string, number>;
  /** Tables whose count differs from the manifest (empty when it matches, or without a manifest). */
  countMismatches: Array<{ table: string; expected: number; actual: number }>;
  /** False when the manifest's pseudonym key check differs from the key of this installation. */
  samePseudonymKey: boolean | null;
}

async function connectOrCreate(ownerUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'samenplan-restore' });
  try {
    await client.connect();
    return client;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    const u = new URL(ownerUrl);
    const name = decodeURIComponent(u.pathname.slice(1));
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    const again = new pg.Client({ connectionString: ownerUrl, application_name: 'samenplan-restore' });
    await again.connect();
    return again;
  }
}

/**
 * Restores `inFile` into the (empty, or not yet existing) database at `ownerUrl`: the application role first (roles
 * are cluster-wide and not in a database dump), then pg_restore in one transaction without the source's owners, so
 * the restoring owner owns everything and the grants to samenplan_app are kept. Compares the row counts with the
 * manifest when it is there, and checks the dump's checksum before restoring.
 */
export async function restoreDatabase(ownerUrl: string, inFile: string, appPassword: string | undefined, pseudonymKey: string): Promise<RestoreResult> {
  if (!existsSync(inFile)) throw new BackupError(`Bestand ${inFile} bestaat niet.`);
  const manifest = existsSync(manifestPath(inFile)) ? (JSON.parse(await readFile(manifestPath(inFile), 'utf8')) as BackupManifest) : null;
  if (manifest) {
    if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`Onbekend back-upformaat ${String(manifest.format)}.`);
    const sum = await sha256File(inFile);
    if (sum !== manifest.dumpSha256) throw new BackupError('De back-up is beschadigd of gewijzigd: de controlesom klopt niet met het manifest.');
  }
  const client = await connectOrCreate(ownerUrl);
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    if (Number(rows[0]!.n) > 0) throw new BackupError('De doeldatabase is niet leeg; herstel alleen in een lege database.');
    await ensureAppRole(client, appPassword);
    const pgRestore = await pgTool(client, 'pg_restore');
    const conn = toolConnection(ownerUrl);
    await run(pgRestore, ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${conn.url}`, inFile], { env: conn.env, maxBuffer: 16 * 1024 * 1024 });
    // The database-level grant the migrations' role creation implies (CONNECT is PUBLIC by default; keep it explicit).
    const db = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(db)} TO ${APP_ROLE}`);
    const rowCounts = await countRows(client);
    const countMismatches = manifest
      ? Object.entries(manifest.rowCounts)
          .filter(([table, n]) => rowCounts[table] !== n)
          .map(([table, expected]) => ({ table, expected, actual: rowCounts[table] ?? -1 }))
      : [];
    return {
      manifest,
      rowCounts,
      countMismatches,
      samePseudonymKey: manifest ? manifest.pseudonymKeyCheck === pseudonymKeyCheck(pseudonymKey) : null,
    };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Herstel mislukt: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`, { cause: err });
  } finally {
    await client.end().catch(() => undefined);
  }
}
