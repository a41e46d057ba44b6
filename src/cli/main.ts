import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, webBuildExists } from '../platform/config.ts';
import { createDb, createPool } from '../platform/db/database.ts';
import { migrateRuntime, openRuntime } from '../platform/runtime.ts';
// The server, the job worker, the sealer and mail are imported where they are used: `samenplan import` streams
// 400,000 lines in flat memory and should not carry every module, Fastify and pg-boss (about 100 MB) for nothing.
import { municipalityCount } from './cli.store.ts';
import { auditVerify } from './audit.command.ts';
import { studyCommand, studyHelp } from './study.command.ts';
import { backupCommand, restoreCommand } from './backup.command.ts';
import { anchorExportCommand, anchorKeygenCommand, anchorVerify, startAnchorsFromEnv } from './anchor.command.ts';

const help = `samenplan <opdracht>

  start                 start de server (met ingebouwde PostgreSQL als DATABASE_URL niet is gezet)
  migrate               voer databasemigraties uit
  seed [--residents N]  vul de demo (lege database) of voeg N synthetische inwoners toe
       [--municipality CODE]
  audit verify          controleer de hashketen van het logboek dataverwerkingen: exit 0 intact, 1 bij
       [--unsealed-after S]  manipulatie, 3 als regels langer dan S seconden (standaard 60) onverzegeld bleven
       [--parallel N]        N delen van het logboek tegelijk (standaard: aantal cores, max. 4)
       [--anchors MAP]       en bewijs dat het logboek bij elk ondertekend anker in MAP past (exit 1 als niet)
       [--anchor-public-key BESTAND]  vertrouwde publieke sleutel (standaard MAP/anchor.pub)
  anchor keygen --out BESTAND   nieuwe Ed25519-ankersleutel (BESTAND privé, BESTAND.pub publiek)
  anchor export --dir MAP       onderteken de ketenkoppen nu (sleutel: SAMENPLAN_ANCHOR_KEY_FILE)
  backup --out BESTAND  pg_dump (custom format) van de database + BESTAND.manifest.json (aantallen, ketenkoppen)
  restore --in BESTAND  herstel in de lege database van DATABASE_URL, vergelijk de aantallen, controleer het logboek
  import BESTAND         lees inwoners in uit een export van de uitkeringsadministratie (CSV of XLSX): eerst wordt
       --mapping NAAM        elke regel gecontroleerd, dan alles of niets ingelezen (suite4sd, gws4all, socrates)
       [--dry-run]           alleen controleren en tellen, niets opslaan
       [--municipality CODE] [--user NAAM] [--report PAD]
  openapi               print het OpenAPI-document
  study analyse         effect per arm van een gerandomiseerde studie (OLS, HC2/HC3), zie samenplan study --help
`;

const say = (msg: string) => process.stderr.write(`${msg}\n`);

function positiveInt(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} moet een positief geheel getal zijn`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'study') {
    // No database, no configuration: the analysis reads a CSV file and prints JSON (exit 2 on bad input).
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(studyHelp);
      return 0;
    }
    const write = (stream: NodeJS.WriteStream) => (s: string) => new Promise<void>((resolve) => stream.write(s, () => resolve()));
    const chunks: { stream: NodeJS.WriteStream; text: string }[] = [];
    const code = studyCommand(argv.slice(1), (s) => chunks.push({ stream: process.stdout, text: s }), (s) => chunks.push({ stream: process.stderr, text: s }));
    // Wait until everything is written: process.exit would cut a piped stdout off.
    for (const c of chunks) await write(c.stream)(c.text);
    return code;
  }
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      residents: { type: 'string' },
      municipality: { type: 'string' },
      'unsealed-after': { type: 'string' },
      parallel: { type: 'string' },
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean' },
      user: { type: 'string' },
      report: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      anchors: { type: 'string' },
      'anchor-public-key': { type: 'string', multiple: true },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help) {
    process.stdout.write(help);
    return command ? 0 : 1;
  }
  if (command === 'anchor' && sub === 'keygen') return anchorKeygenCommand(values.out, say);
  const config = loadConfig();

  if (command === 'openapi') {
    const { createServer } = await import('../server.ts');
    const db = createDb(createPool('postgres://unused@127.0.0.1:1/unused'));
    const app = await createServer({ ...config, logLevel: 'silent' }, db, 'openapi-only-key-openapi-only-key');
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    // Wait until the document is written: a pipe takes 64 kB at a time and process.exit would cut it off.
    await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(res.json(), null, 2)}\n`, () => resolve()));
    await app.close();
    await db.destroy();
    return 0;
  }

  const rt = await openRuntime(config, say);
  try {
    if (command === 'migrate') {
      const applied = await migrateRuntime(rt);
      say(applied.length ? `Migraties uitgevoerd: ${applied.join(', ')}` : 'Database is bijgewerkt; geen nieuwe migraties.');
      return 0;
    }
    if (command === 'seed') {
      await migrateRuntime(rt);
      if (values.residents) {
        const n = Number(values.residents);
        if (!Number.isInteger(n) || n < 1) throw new ConfigError('--residents moet een positief geheel getal zijn');
        const t0 = Date.now();
        const { seedSynthetic } = await import('../seed/synthetic.ts');
        await seedSynthetic(rt.ownerDb(), { residents: n, municipalityCode: values.municipality });
        say(`${n} synthetische inwoners toegevoegd in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
      } else if ((await municipalityCount(rt.ownerDb())) > 0) {
        say('De database bevat al gegevens; de demo wordt alleen in een lege database gezet.');
      } else {
        const { seedDemo } = await import('../seed/demo.ts');
        const summary = await seedDemo(rt.ownerDb());
        say(`Demo gevuld: ${JSON.stringify(summary)}`);
      }
      return 0;
    }
    if (command === 'audit' && sub === 'verify') {
      const unsealedAfterSeconds = positiveInt(values['unsealed-after'] ?? '60', '--unsealed-after');
      const parallel = values.parallel === undefined ? undefined : positiveInt(values.parallel, '--parallel');
      const code = await auditVerify(rt.ownerDb(), { unsealedAfterSeconds, parallel, tty: process.stderr.isTTY === true }, say);
      if (values.anchors === undefined || code === 1) return code;
      const anchors = await anchorVerify(rt.ownerDb(), values.anchors, values['anchor-public-key'] ?? [], say);
      return anchors === 0 ? code : anchors;
    }
    if (command === 'import') {
      if (!sub || !values.mapping) throw new ConfigError('Gebruik: samenplan import BESTAND --mapping NAAM [--dry-run]');
      const { importCommand } = await import('./import.command.ts');
      return await importCommand(
        rt.ownerDb(),
        rt.appDb(),
        rt.pseudonymKey,
        { file: sub, mapping: values.mapping, dryRun: values['dry-run'] === true, municipality: values.municipality, user: values.user, reportPath: values.report, tty: process.stderr.isTTY === true },
        say,
      );
    }
    if (command === 'anchor' && sub === 'export') {
      return await anchorExportCommand(rt.ownerDb(), values.dir ?? process.env.SAMENPLAN_ANCHOR_DIR, say);
    }
    if (command === 'backup') return await backupCommand(rt, values.out, say);
    if (command === 'restore') return await restoreCommand(rt, values.in, config.appDbPassword, say);
    if (command === 'start') {
      const { createServer, jobDefinitions } = await import('../server.ts');
      const { startJobWorker } = await import('../platform/jobs/worker.ts');
      const { startProcessingLogSealer } = await import('../platform/processing-log/sealer.ts');
      const { mailSenderFromEnv } = await import('../platform/jobs/mail.ts');
      const applied = await migrateRuntime(rt);
      if (applied.length) say(`Migraties uitgevoerd: ${applied.join(', ')}`);
      if (config.seedDemo && (await municipalityCount(rt.ownerDb())) === 0) {
        say('Lege database: demogegevens worden gevuld (fictief)…');
        const t0 = Date.now();
        const { seedDemo } = await import('../seed/demo.ts');
        await seedDemo(rt.ownerDb());
        say(`Demo gevuld in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
      }
      if (!webBuildExists(config)) say('Let op: de webapp is niet gebouwd (npm run build:web); alleen de API draait.');
      const app = await createServer(config, rt.appDb(), rt.pseudonymKey);
      await app.listen({ port: config.port, host: config.host });
      const stopSealer = startProcessingLogSealer(rt.appDb(), (err) =>
        say(`Verzegelen van het logboek mislukt: ${err instanceof Error ? err.message : String(err)}`),
      );
      const stopAnchors = await startAnchorsFromEnv(rt.appDb(), say);
      const jobs = await startJobWorker({ ownerUrl: rt.ownerUrl, ownerDb: rt.ownerDb(), appDb: rt.appDb(), jobs: jobDefinitions, mail: mailSenderFromEnv(process.env, say, config.publicUrl), log: say });
      say(`Samenplan draait op http://localhost:${config.port}${config.demoLogin ? ' (demo-login aan: kies een demogebruiker)' : ''}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      say('Samenplan stopt…');
      await jobs.stop();
      await app.close();
      await stopSealer();
      await stopAnchors();
      return 0;
    }
    process.stdout.write(help);
    return 1;
  } finally {
    await rt.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(err instanceof ConfigError ? err.message : `Fout: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
