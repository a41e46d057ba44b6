import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import type { AreaDef, MunicipalityDef } from '../src/seed/areas.nl.ts';
import { seedSynthetic } from '../src/seed/synthetic.ts';
import { MUNICIPALITY_CODE, withClient, type BenchDatabase } from './database.ts';

// The national case (issue 9): 400,000 residents in 342 municipalities. Utrecht (the werkmatcher's municipality)
// holds its own share, about 12,000; 341 synthetic municipalities hold the rest, about 1,138 each, every one with
// three wijken, a team per wijk, werkmatchers, partner organisations and three years of casework history. All of
// them sit in the same tables and indexes (municipality_id first in every key), as in one national installation.

export const NATIONAL_MUNICIPALITIES = 342;
const UTRECHT_SHARE = 12_000;

function syntheticDef(i: number): MunicipalityDef {
  const code = String(1000 + i).padStart(4, '0');
  const areas: AreaDef[] = ['Noord', 'Midden', 'Zuid'].map((name, k) => ({
    code: name.toLowerCase(),
    name,
    share: [0.4, 0.35, 0.25][k]!,
    pc4: [[1000 + k * 3, 1000 + k * 3 + 2]],
    consentShare: 0.05,
  }));
  return {
    code,
    name: `Gemeente ${code} (synthetisch)`,
    city: `Plaats ${code}`,
    contactNormDays: 90,
    demoResidents: 0,
    slug: `g${code}`,
    usernamePrefix: `g${code}-`,
    teamName: (a) => `Team ${a.name}`,
    partnerName: (a) => `Buurtteam ${a.name} ${code}`,
    youthTeam: null,
    terms: { area: 'wijk', partnerTeam: 'buurtteam' },
    areas,
  };
}

/** samenplan_bench_national_<n>: reused when it holds n residents; otherwise created, migrated and seeded. */
export async function prepareNationalDatabase(adminUrl: string, residents: number, fresh: boolean, log: (m: string) => void): Promise<BenchDatabase> {
  const name = `samenplan_bench_national_${residents}`;
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
  const exists = await withClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists && !fresh) {
    const count = await withClient(ownerUrl, async (c) => Number((await c.query('SELECT count(*) AS n FROM residents')).rows[0].n)).catch(() => -1);
    if (count === residents) {
      await migrate(ownerUrl);
      log(`Reusing database ${name} (${residents.toLocaleString('en')} residents in ${NATIONAL_MUNICIPALITIES} municipalities).`);
      return { name, ownerUrl, appUrl, residents, seedSeconds: null };
    }
  }
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await migrate(ownerUrl);
  const started = performance.now();
  const db = createDb(createPool(ownerUrl, { max: 4, applicationName: 'samenplan-bench-seed' }));
  try {
    const utrecht = Math.min(UTRECHT_SHARE, residents);
    await seedSynthetic(db, { residents: utrecht, municipalityCode: MUNICIPALITY_CODE, historyYears: 3, analyze: false, log: () => undefined });
    const others = NATIONAL_MUNICIPALITIES - 1;
    const rest = residents - utrecht;
    for (let i = 0; i < others; i += 1) {
      const n = Math.floor(rest / others) + (i < rest % others ? 1 : 0);
      const def = syntheticDef(i + 1);
      await seedSynthetic(db, { residents: n, municipalityCode: def.code, def, historyYears: 3, analyze: false, log: () => undefined });
      if ((i + 1) % 20 === 0) log(`national seed: ${i + 2} of ${NATIONAL_MUNICIPALITIES} municipalities (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  } finally {
    await db.destroy();
  }
  await withClient(ownerUrl, (c) => c.query('VACUUM ANALYZE'));
  const seedSeconds = (performance.now() - started) / 1000;
  log(`Seeded ${residents.toLocaleString('en')} residents in ${NATIONAL_MUNICIPALITIES} municipalities in ${seedSeconds.toFixed(0)} s.`);
  return { name, ownerUrl, appUrl, residents, seedSeconds };
}
