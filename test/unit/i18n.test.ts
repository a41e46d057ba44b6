import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The English translation is complete: every Dutch key has an English text and vice versa, per file, and the files
// of one language do not define the same top-level key twice (they are merged into one namespace).

const dir = path.resolve(import.meta.dirname, '../../web/src/i18n');

function leaves(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
const dutchFiles = readdirSync(dir).filter((f) => /^nl(\..+)?\.json$/.test(f));

describe('translations', () => {
  it.each(dutchFiles)('%s and its English counterpart have the same keys, none empty', (nlFile) => {
    const nl = read(nlFile);
    const en = read(nlFile.replace(/^nl/, 'en'));
    expect(leaves(en).sort()).toEqual(leaves(nl).sort());
    for (const [lang, tree] of [['nl', nl], ['en', en]] as const) {
      const empty = leaves(tree).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree);
        return typeof v === 'string' && v.trim() === '';
      });
      expect(empty, `${lang}: empty texts`).toEqual([]);
    }
  });

  it('files of one language never define the same top-level key', () => {
    const seen = new Map<string, string>();
    for (const f of dutchFiles) {
      for (const key of Object.keys(read(f))) {
        expect(seen.get(key), `${key} in ${f} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, f);
      }
    }
  });
});
