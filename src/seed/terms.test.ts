import { describe, expect, it } from 'vitest';
import { emptyResidentRows } from './rows.ts';
import { localiseResidentRows } from './terms.ts';

describe('localiseResidentRows', () => {
  const sample = () => {
    const rows = emptyResidentRows();
    rows.moments.push({ summary: 'Huisbezoek samen met buurtteam; Buurtteam Noord belt terug.' } as never);
    rows.planVersions.push({ snapshot: { goals: [{ title: 'Met het buurtteam de schulden in beeld' }] } } as never);
    rows.consents.push({ kind: 'buurtteam', purpose: 'Het buurtteam kijkt mee' } as never);
    return rows;
  };

  it('Arnhem: the texts say gebiedsteam, also nested ones; codes stay codes', () => {
    const rows = sample();
    localiseResidentRows(rows, { area: 'gebied', partnerTeam: 'gebiedsteam' });
    expect((rows.moments[0] as unknown as { summary: string }).summary).toBe('Huisbezoek samen met gebiedsteam; Gebiedsteam Noord belt terug.');
    expect(JSON.stringify(rows.planVersions[0])).toContain('Met het gebiedsteam de schulden');
    expect(rows.consents[0]).toEqual({ kind: 'buurtteam', purpose: 'Het gebiedsteam kijkt mee' });
  });

  it('Utrecht: unchanged', () => {
    const rows = sample();
    localiseResidentRows(rows, { area: 'wijk', partnerTeam: 'buurtteam' });
    expect(rows).toEqual(sample());
  });
});
