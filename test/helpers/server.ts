import type { AddressInfo } from 'node:net';
import type pg from 'pg';
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

/** Reports the text of every statement sent on the pool's connections (BEGIN and COMMIT included). */
function watchStatements(pool: pg.Pool, onStatement: (text: string) => void): void {
  pool.on('connect', (client) => {
    const target = client as unknown as { query: (...args: unknown[]) => unknown };
    const original = target.query.bind(client);
    target.query = (...args: unknown[]) => {
      const first = args[0];
      onStatement(typeof first === 'string' ? first : String((first as { text?: string }).text ?? ''));
      return original(...args);
    };
  });
}

/** A real server on a random port, on its own database (empty or with the demo), demo login on. */
export async function startTestServer(
  options: {
    template?: 'empty' | 'demo';
    config?: Partial<AppConfig>;
    logStream?: NodeJS.WritableStream;
    /** Called with the text of every statement the application's pool sends (query-count tests). */
    onStatement?: (text: string) => void;
  } = {},
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
  const appPool = createPool(db.appUrl, { max: 8 });
  if (options.onStatement) watchStatements(appPool, options.onStatement);
  const appDb = createDb(appPool);
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
