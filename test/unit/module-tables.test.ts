import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNERS, READS, WRITES } from '../../eslint/module-tables.js';

// The module-boundaries lint (eslint/module-boundaries.js) only knows tables that have an owner: every table the
// migrations create must have one, and every named crossing must name a real table and module.

const migrations = path.resolve('migrations');
const created = new Set<string>();
for (const f of readdirSync(migrations).filter((x) => x.endsWith('.sql'))) {
  for (const m of readFileSync(path.join(migrations, f), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/gi)) created.add(m[1]!.toLowerCase());
}
const modules = new Set(readdirSync(path.resolve('src/modules')));

describe('module boundaries: the table owners', () => {
  it('every table of the migrations has an owning module (or the platform), and no owner names a table that is gone', () => {
    expect([...created].filter((t) => !(t in OWNERS)).sort()).toEqual([]);
    // schema_migrations is created by the migration runner itself (src/platform/db/migrate.ts).
    expect(Object.keys(OWNERS).filter((t) => !created.has(t) && t !== 'schema_migrations').sort()).toEqual([]);
    for (const owner of new Set(Object.values(OWNERS))) expect(owner === 'platform' || modules.has(owner), owner).toBe(true);
  });

  it('every named crossing is from a module to a table of another module, with a reason', () => {
    for (const map of [READS, WRITES] as Array<Record<string, Record<string, string>>>) {
      for (const [module, tables] of Object.entries(map)) {
        expect(modules.has(module), module).toBe(true);
        for (const [table, reason] of Object.entries(tables)) {
          expect(OWNERS[table], `${module} → ${table}`).toBeDefined();
          expect(OWNERS[table], `${module} → ${table}`).not.toBe(module);
          expect(reason.length, `${module} → ${table}`).toBeGreaterThan(10);
        }
      }
    }
  });
});
