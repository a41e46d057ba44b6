import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, type AnalysisSpec } from '../modules/studies/analysis/analyse.ts';
import { readCsv } from '../modules/studies/analysis/dataset.ts';
import { AnalysisInputError } from '../modules/studies/analysis/errors.ts';

export const studyHelp = `samenplan study analyse --csv FILE --outcome COL --arm COL --control VALUE
                        [--covariates a,b,c] [--subset COL=VALUE] [--ref COL=LEVEL] --se HC2|HC3
  Intention-to-treat-effect per arm tegen de controlegroep: OLS met HC2/HC3-robuuste standaardfouten (als R's lm +
  sandwich::vcovHC + lmtest::coeftest/coefci). Leest een CSV zoals R's write.csv die schrijft; print JSON.
  Exit 0 bij succes, 2 bij onjuiste invoer (melding in het Nederlands en Engels).
`;

function usage(nl: string, en: string, param: string): AnalysisInputError {
  return new AnalysisInputError('usage', nl, en, param);
}

function pair(raw: string, flag: string): { column: string; value: string } {
  const at = raw.indexOf('=');
  if (at <= 0) throw usage(`${flag} verwacht KOLOM=WAARDE, niet "${raw}".`, `${flag} expects COLUMN=VALUE, not "${raw}".`, flag.slice(2));
  return { column: raw.slice(0, at), value: raw.slice(at + 1) };
}

/** Parses the arguments after `study`; throws AnalysisInputError for anything the user must fix. */
export function parseStudyArgs(argv: string[]): { csv: string; spec: AnalysisSpec } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        csv: { type: 'string' },
        outcome: { type: 'string' },
        arm: { type: 'string' },
        control: { type: 'string' },
        covariates: { type: 'string' },
        subset: { type: 'string', multiple: true },
        ref: { type: 'string', multiple: true },
        se: { type: 'string' },
      },
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw usage(`Onjuiste opties: ${msg}`, `Invalid options: ${msg}`, 'argv');
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'analyse' || positionals.length > 1) {
    throw usage('Gebruik: samenplan study analyse …', 'Usage: samenplan study analyse …', 'command');
  }
  for (const flag of ['csv', 'outcome', 'arm', 'control', 'se'] as const) {
    if (values[flag] === undefined || (flag !== 'control' && values[flag] === '')) {
      if (flag === 'se') continue; // parseSe gives the specific message
      throw usage(`De optie --${flag} ontbreekt.`, `The option --${flag} is missing.`, flag);
    }
  }
  const covariates = values.covariates === undefined || values.covariates === '' ? [] : values.covariates.split(',').map((s) => s.trim());
  if (covariates.some((c) => c === '')) throw usage('--covariates bevat een lege naam.', '--covariates contains an empty name.', 'covariates');
  return {
    csv: values.csv!,
    spec: {
      outcome: values.outcome!,
      arm: values.arm!,
      control: values.control!,
      covariates,
      subset: (values.subset ?? []).map((s) => pair(s, '--subset')),
      ref: (values.ref ?? []).map((s) => {
        const p = pair(s, '--ref');
        return { column: p.column, level: p.value };
      }),
      se: values.se as string,
    },
  };
}

/** `samenplan study analyse …`: prints the JSON to stdout and returns the exit code (2 for bad input). */
export function studyCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const { csv, spec } = parseStudyArgs(argv);
    let text: string;
    try {
      text = readFileSync(csv, 'utf8');
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'onbekend';
      throw usage(`Het CSV-bestand "${csv}" is niet te lezen (${code}).`, `The CSV file "${csv}" cannot be read (${code}).`, 'csv');
    }
    const result = analyse(readCsv(text), spec);
    out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AnalysisInputError) {
      err(`Fout: ${e.nl}\nError: ${e.en}\n`);
      return 2;
    }
    // Never a stack trace: an unexpected failure is reported in one line and is a bug to fix.
    const msg = e instanceof Error ? e.message : String(e);
    err(`Fout: de analyse is mislukt (${msg}).\nError: the analysis failed (${msg}).\n`);
    return 2;
  }
}
