import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEscoData, findOccupation, getOccupation, normaliseText, searchIn, searchOccupations } from './esco.data.ts';

describe('ESCO search over the real data', () => {
  it('finds nurses by a prefix, label prefix matches before substring matches', () => {
    const hits = searchOccupations('verpleeg', 50);
    expect(hits.length).toBeGreaterThan(3);
    const firstSubstring = hits.findIndex((h) => !normaliseText(h.label).startsWith('verpleeg') && !normaliseText(h.matchedAltLabel ?? '').startsWith('verpleeg'));
    const lastPrefix = hits.map((h) => normaliseText(h.label).startsWith('verpleeg')).lastIndexOf(true);
    if (firstSubstring >= 0) expect(lastPrefix).toBeLessThan(firstSubstring);
    expect(normaliseText(hits[0]!.label).startsWith('verpleeg')).toBe(true);
  });

  it('is insensitive to case and diacritics', () => {
    expect(searchOccupations('VERPLEEG', 10)).toEqual(searchOccupations('verpleeg', 10));
    const withDiacritics = searchOccupations('café', 10);
    expect(withDiacritics).toEqual(searchOccupations('cafe', 10));
  });

  it('limits to at most 50', () => {
    expect(searchOccupations('er', 200).length).toBe(50);
    expect(searchOccupations('er', 5).length).toBe(5);
  });

  it('resolves a code to code, label and ISCO group', () => {
    const [hit] = searchOccupations('verpleegkundige', 1);
    expect(findOccupation(hit!.code)).toEqual({ code: hit!.code, label: hit!.label, iscoGroup: hit!.iscoGroup });
    expect(findOccupation('does-not-exist')).toBeNull();
    expect(getOccupation(hit!.code)!.iscoLabel).not.toBe('');
  });
});

describe('ESCO index rules', () => {
  const groups = [{ code: '1111', label: 'Groep' }];
  const occ = (code: string, label: string, altLabels: string[] = []) => ({ code, iscoGroup: '1111', label, altLabels, description: '' });

  it('gives a repeated code a suffix so one code names one occupation', () => {
    const d = buildEscoData([occ('1.1', 'a'), occ('1.1', 'b'), occ('1.1', 'c')], groups);
    expect([...d.byCode.keys()]).toEqual(['1.1', '1.1-2', '1.1-3']);
  });

  it('reports the matched altLabel and ranks label prefix > word prefix > substring', () => {
    const d = buildEscoData([occ('3', 'hulpkok'), occ('2', 'chef kok'), occ('1', 'koker'), occ('4', 'bakker', ['kokkin'])], groups);
    const hits = searchIn(d.list, 'kok', 10);
    expect(hits.map((h) => h.code)).toEqual(['1', '4', '2', '3']);
    expect(hits.find((h) => h.code === '4')!.matchedAltLabel).toBe('kokkin');
    expect(hits.find((h) => h.code === '1')!.matchedAltLabel).toBeNull();
  });

  it('every hit contains the query (property)', () => {
    const d = buildEscoData([occ('1', 'Verpleegkundige'), occ('2', 'Kapper', ['Haarstylist']), occ('3', 'Schoonmaker', ['Reinigingsmedewerker'])], groups);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 4 }), (q) => {
        for (const h of searchIn(d.list, q, 50)) {
          const names = [h.label, ...(h.matchedAltLabel ? [h.matchedAltLabel] : [])].map(normaliseText);
          expect(names.some((n) => n.includes(normaliseText(q)))).toBe(true);
        }
      }),
    );
  });
});
