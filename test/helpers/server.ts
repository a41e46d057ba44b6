import type { AddressInfo } from 'node:net';
import { loadConfig, type AppConfig } from '../../src/platform/config.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import type { App } from '../../src/platform/http/app.ts';
import { createServer } from '../../src/server.ts';
import { TEST_PSEUDONYM_KEY, createTestDatabase, type TestDatabase } from './db.ts';

export interface TestServer {
  baseUrl: string;
  app: App;
  db: TestDatabase;
  /** Owner connection: for fixtures and for checking what was written (bypasses row-level security). */
  ownerDb: Db;
  config: AppConfig;
  close(): Promise<void>;
}

/** A real server on a random port, on its own database (empty or with the demo), demo login on. */
export async function startTestServer(
  options: { template?: 'empty' | 'demo'; config?: Partial<AppConfig>; logStream?: NodeJS.WritableStream } = {},
): Promise<TestServer> {
  const db = await createTestDatabase(options.template ?? 'demo');
  const config: AppConfig = {
    // SAMENPLAN_WEB_DIST lets a browser test run against a web build other than web/dist (parallel development).
    ...loadConfig({ SAMENPLAN_WEB_DIST: process.env.SAMENPLAN_WEB_DIST }),
    port: 0,
    databaseUrl: db.ownerUrl,
    demoLogin: true,
    seedDemo: false,
    pseudonymKey: TEST_PSEUDONYM_KEY,
    logLevel: 'silent',
    loginRateLimit: 1000,
    ...options.config,
  };
  const appDb = createDb(createPool(db.appUrl, { max: 8 }));
  const ownerDb = createDb(createPool(db.ownerUrl, { max: 2 }));
  const app = await createServer(config, appDb, TEST_PSEUDONYM_KEY, options.logStream);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!options.config?.publicUrl) config.publicUrl = baseUrl;
  return {
    baseUrl,
    app,
    db,
    ownerDb,
    config,
    close: async () => {
      await app.close();
      await appDb.destroy();
      await ownerDb.destroy();
      await db.drop();
    },
  };
}
