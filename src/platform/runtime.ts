import type { AppConfig } from './config.ts';
import { createDb, createPool, withCredentials, type Db } from './db/database.ts';
import { localSecrets, startEmbeddedPostgres } from './db/embedded.ts';
import { APP_ROLE, migrate } from './db/migrate.ts';

export interface Runtime {
  ownerUrl: string;
  appUrl: string;
  appPassword: string;
  pseudonymKey: string;
  embedded: boolean;
  ownerDb(): Db;
  appDb(): Db;
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL: the server in DATABASE_URL, or an embedded one started here. The application
 * itself connects as the non-owner role samenplan_app; the owner connection is for migrations, seeding and audits.
 */
export async function openRuntime(config: AppConfig, log: (msg: string) => void): Promise<Runtime> {
  const secrets = await localSecrets(config.dataDir);
  let ownerUrl: string;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
  } else {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    ownerUrl = embedded.ownerUrl;
    stopEmbedded = embedded.stop;
  }
  if (!config.pseudonymKey && config.databaseUrl) {
    log('Let op: SAMENPLAN_PSEUDONYM_KEY is niet gezet; er wordt een lokale sleutel uit de datamap gebruikt. Zet hem in productie.');
  }
  const appPassword = config.appDbPassword ?? secrets.appDbPassword;
  const appUrl = config.appDatabaseUrl ?? withCredentials(ownerUrl, APP_ROLE, appPassword);
  const dbs: Db[] = [];
  let owner: Db | null = null;
  let app: Db | null = null;
  return {
    ownerUrl,
    appUrl,
    appPassword,
    pseudonymKey: config.pseudonymKey ?? secrets.pseudonymKey,
    embedded: stopEmbedded !== null,
    ownerDb: () => (owner ??= (dbs.push(createDb(createPool(ownerUrl, { max: 4, applicationName: 'samenplan-owner' }))), dbs.at(-1)!)),
    appDb: () => (app ??= (dbs.push(createDb(createPool(appUrl, { max: 16 }))), dbs.at(-1)!)),
    close: async () => {
      for (const db of dbs) await db.destroy();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}

export async function migrateRuntime(rt: Runtime): Promise<string[]> {
  return (await migrate(rt.ownerUrl, rt.appPassword)).applied;
}
