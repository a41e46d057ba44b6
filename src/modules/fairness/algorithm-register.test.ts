import { describe, expect, it } from 'vitest';
import { MATCHER_VERSION, PROTECTED_ATTRIBUTES, SCORING_FEATURES } from '../matching/matcher.features.ts';
import { algorithmRegisterEntry, registerFileName } from './algorithm-register.ts';
import { algorithmRegisterEntrySchema } from './fairness.schema.ts';

describe('Algoritmeregister entry', () => {
  const entry = algorithmRegisterEntry({ organisation: 'Gemeente Utrecht', date: '2026-11-22' });

  it('lists exactly the scoring features as data used, with their sources, and no protected attribute', () => {
    expect(entry.data.map((d) => d.key)).toEqual(SCORING_FEATURES.map((f) => f.key));
    expect(entry.data.map((d) => d.source)).toEqual(SCORING_FEATURES.map((f) => f.sourceNl));
    for (const d of entry.data) expect(PROTECTED_ATTRIBUTES as readonly string[]).not.toContain(d.key);
  });

  it('lists every protected attribute as excluded, each with a reason', () => {
    expect(entry.excludedAttributes.map((a) => a.attribute)).toEqual([...PROTECTED_ATTRIBUTES]);
    for (const a of entry.excludedAttributes) expect(a.reason.length).toBeGreaterThan(20);
  });

  it('carries the standard’s fields, the version, the organisation and the human decision', () => {
    expect(algorithmRegisterEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({ organisation: 'Gemeente Utrecht', status: 'in gebruik', version: MATCHER_VERSION, date: '2026-11-22' });
    expect(entry.humanIntervention).toContain('Een werkmatcher beslist; de inwoner stemt in; de werkgever ziet pas na toestemming wie het is');
    const text = JSON.stringify(entry);
    for (const needle of ['vier-vijfderegel', 'SyRI', 'Rotterdam', 'onder de 10']) expect(text).toContain(needle);
    expect(entry.legalBasis.length).toBeGreaterThan(0);
    expect(entry.risks.length).toBeGreaterThan(2);
  });

  it('has a safe download file name with the version', () => {
    expect(registerFileName('samenplan-matcher/1.0.0')).toBe('algoritmeregister-matcher-samenplan-matcher-1.0.0.json');
  });
});
