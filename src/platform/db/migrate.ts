import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../config.ts';
import { processingActivities } from '../processing-log/register.ts';

export const APP_ROLE = 'samenplan_app';
const migrationsDir = path.join(projectRoot, 'migrations');

export interface MigrationResult {
  applied: string[];
}

/**
 * Creates (or updates the password of) the non-owner application role. Roles are cluster-wide,
 * so concurrent creation by another process is tolerated.
 */
export async function ensureAppRole(client: pg.ClientBase, password: string | undefined): Promise<void> {
  const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const pw = password ? `PASSWORD ${client.escapeLiteral(password)}` : '';
  try {
    if (rows.length === 0) {
      await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS ${pw}`);
    } else if (password) {
      await client.query(`ALTER ROLE ${APP_ROLE} ${pw}`);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== '42710' && code !== 'XX000' && code !== '23505') throw err;
  }
}

/** Applies pending forward-only migrations in order, each in its own transaction, under an advisory lock. */
export async function migrate(ownerUrl: string, appPassword?: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("SET client_min_messages = 'warning'");
    await client.query('SELECT pg_advisory_lock(4711001)');
    await ensureAppRole(client, appPassword);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
    const applied: string[] = [];
    for (const file of files) {
      const sql = await readFile(path.join(migrationsDir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const known = done.get(file);
      if (known) {
        if (known !== checksum) {
          throw new Error(`Migratie ${file} is gewijzigd nadat hij is uitgevoerd. Migraties zijn forward-only: maak een nieuwe.`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file, checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migratie ${file} mislukt: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file);
    }
    await syncProcessingActivities(client);
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock(4711001)').catch(() => undefined);
    await client.end();
  }
}

/** Ships the register of processing activities with the app: new versions are added, published versions never change. */
async function syncProcessingActivities(client: pg.ClientBase): Promise<void> {
  // The machine-readable retention rule (issue 16) is stored once per version, like the text: filled in where a
  // published version had none yet, and then never changed.
  const hasRule = (await client.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'processing_activities' AND column_name = 'retention_rule'")).rowCount === 1;
  for (const a of processingActivities) {
    const rule = 'retentionRule' in a && a.retentionRule ? JSON.stringify(a.retentionRule) : null;
    const { rows } = await client.query(
      `INSERT INTO processing_activities (id, version, name_nl, name_en, purpose, legal_basis, data_categories, retention)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id, version) DO UPDATE SET id = EXCLUDED.id
       RETURNING name_nl, purpose, legal_basis, data_categories, retention`,
      [a.id, a.version, a.nameNl, a.nameEn, a.purpose, a.legalBasis, a.dataCategories, a.retention],
    );
    const row = rows[0] as { purpose: string; legal_basis: string; retention: string } | undefined;
    if (row && (row.purpose !== a.purpose || row.legal_basis !== a.legalBasis || row.retention !== a.retention)) {
      throw new Error(`Verwerkingsactiviteit ${a.id} versie ${a.version} is gewijzigd: verhoog de versie in het register.`);
    }
    if (hasRule && rule) {
      const stored = await client.query<{ term: string; after: string }>(
        `UPDATE processing_activities SET retention_rule = coalesce(retention_rule, $3::jsonb) WHERE id = $1 AND version = $2
         RETURNING retention_rule->>'term' AS term, retention_rule->>'after' AS after`,
        [a.id, a.version, rule],
      );
      const r = stored.rows[0];
      const want = JSON.parse(rule) as { term: string; after: string };
      if (r && (r.term !== want.term || r.after !== want.after)) {
        throw new Error(`De bewaarregel van verwerkingsactiviteit ${a.id} versie ${a.version} is gewijzigd: verhoog de versie in het register.`);
      }
    }
  }
}
