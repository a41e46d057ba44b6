import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { studyCommand } from './study.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'samenplan-study-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

// As R's write.csv writes it: row names, quoted strings, NA unquoted.
const good = csv(
  'good.csv',
  [
    '"","arm","y","age","edu","wijk"',
    ...Array.from({ length: 40 }, (_, i) => {
      const arm = ['controle', 'extra_hulp', 'zelf'][i % 3];
      const y = i === 5 ? 'NA' : String(((i * 37) % 11) / 3 + (arm === 'extra_hulp' ? 1 : 0));
      return `"${i + 1}","${arm}",${y},${20 + ((i * 7) % 40)},"${['laag', 'midden', 'hoog'][Math.floor(i / 3) % 3]}","${i % 2 ? 'Noord' : 'Zuid'}"`;
    }),
  ].join('\n') + '\n',
);

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = studyCommand(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}
const base = ['analyse', '--csv', good, '--outcome', 'y', '--arm', 'arm', '--control', 'controle', '--se', 'HC2'];

describe('samenplan study analyse', () => {
  it('prints one object per non-control arm with the contract keys, terms named as R names them', () => {
    const r = run([...base, '--covariates', 'age,edu', '--subset', 'wijk=Noord', '--ref', 'edu=midden']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.map((e: any) => e.term)).toEqual(['armextra_hulp', 'armzelf']);
    for (const e of out) {
      expect(Object.keys(e)).toEqual(['term', 'estimate', 'se', 't', 'p', 'ci_low', 'ci_high', 'df', 'n']);
      expect(e.n).toBe(19); // the subset first (20 in Noord), then row 6 (missing y) dropped
      expect(e.df).toBe(19 - 6);
      expect(e.ci_low).toBeLessThan(e.estimate);
    }
  });

  const cases: [string, string[], RegExp, RegExp][] = [
    ['an unknown outcome column', ['analyse', '--csv', good, '--outcome', 'salaris', '--arm', 'arm', '--control', 'controle', '--se', 'HC2'], /kolom "salaris"/, /column "salaris"/],
    ['an unknown covariate', [...base, '--covariates', 'age,leeftijd'], /kolom "leeftijd"/, /column "leeftijd"/],
    ['an unknown subset column', [...base, '--subset', 'stad=Utrecht'], /kolom "stad"/, /column "stad"/],
    ['a control value that does not occur', ['analyse', '--csv', good, '--outcome', 'y', '--arm', 'arm', '--control', 'regulier', '--se', 'HC2'], /controlewaarde "regulier" komt niet voor/, /control value "regulier" does not occur/],
    ['an unknown --se', ['analyse', '--csv', good, '--outcome', 'y', '--arm', 'arm', '--control', 'controle', '--se', 'HC1'], /HC2 of HC3/, /HC2 or HC3/],
    ['a missing --se', ['analyse', '--csv', good, '--outcome', 'y', '--arm', 'arm', '--control', 'controle'], /--se/, /--se/],
    ['fewer rows than parameters', ['analyse', '--csv', csv('few.csv', '"arm","y","a","b","c"\n"c",1,1,4,2\n"c",2,3,1,5\n"x",3,2,2,2\n"x",5,4,3,1\n'), '--outcome', 'y', '--arm', 'arm', '--control', 'c', '--covariates', 'a,b,c', '--se', 'HC2'], /Te weinig rijen: 4 rijen voor 5 parameters/, /Too few rows: 4 rows for 5 parameters/],
    ['an unknown option', [...base, '--weights', 'w'], /Onjuiste opties/, /Invalid options/],
    ['a --ref level that does not occur', [...base, '--covariates', 'edu', '--ref', 'edu=universiteit'], /universiteit/, /universiteit/],
    ['a missing file', ['analyse', '--csv', join(dir, 'nope.csv'), '--outcome', 'y', '--arm', 'arm', '--control', 'controle', '--se', 'HC2'], /niet te lezen/, /cannot be read/],
  ];
  for (const [what, args, nl, en] of cases) {
    it(`refuses ${what}: exit 2, Dutch and English, no stack trace`, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^Fout: /);
      expect(r.err).toMatch(/\nError: /);
      expect(r.err).toMatch(nl);
      expect(r.err).toMatch(en);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('refuses a singular design (a covariate that is a multiple of another)', () => {
    const p = csv('singular.csv', '"arm","y","a","b"\n' + Array.from({ length: 12 }, (_, i) => `"${i % 2 ? 'x' : 'c'}",${(i * 3) % 7},${i},${2 * i}`).join('\n') + '\n');
    const r = run(['analyse', '--csv', p, '--outcome', 'y', '--arm', 'arm', '--control', 'c', '--covariates', 'a,b', '--se', 'HC3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/singuliere designmatrix\): b/);
    expect(r.err).toMatch(/singular design matrix\): b/);
  });

  it('refuses an arm with one person', () => {
    const p = csv('one.csv', '"arm","y"\n' + ['"c",1', '"c",2', '"c",3', '"x",4', '"x",2', '"z",5'].join('\n') + '\n');
    const r = run(['analyse', '--csv', p, '--outcome', 'y', '--arm', 'arm', '--control', 'c', '--se', 'HC2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/arm "z" heeft maar één persoon/);
    expect(r.err).toMatch(/arm "z" has only one person/);
  });

  it('refuses a ragged row naming its line', () => {
    const p = csv('ragged.csv', '"arm","y"\n"c",1\n"c",2,3\n"x",4\n');
    const r = run(['analyse', '--csv', p, '--outcome', 'y', '--arm', 'arm', '--control', 'c', '--se', 'HC2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Regel 3 .*ander aantal velden/);
    expect(r.err).toMatch(/Line 3 .*different number of fields/);
  });

  it('through bin/samenplan.mjs: JSON on stdout with exit 0, and exit 2 with the message and no stack trace', () => {
    const ok = spawnSync('node', ['bin/samenplan.mjs', 'study', ...base], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(2);
    const bad = spawnSync('node', ['bin/samenplan.mjs', 'study', ...base.slice(0, -1), 'HC9'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^Fout: .*HC9.*\nError: .*HC9/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);
});
