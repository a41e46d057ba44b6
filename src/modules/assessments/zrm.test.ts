import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LADDER_RUNG_LABELS,
  ZRM_DOMAINS,
  ZRM_DOMAIN_LABELS,
  ZRM_SCORE_LABELS,
  isOutdated,
  isValidRung,
  isValidScore,
  latestPerDomain,
  oppositeTrend,
  trend,
  trendOf,
  type Observation,
  type ZrmDomain,
} from './zrm.ts';

const DAY = 86_400_000;
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const domain = fc.constantFrom(...ZRM_DOMAINS);
const observation = fc.record({
  assessmentId: fc.uuid(),
  key: domain,
  value: fc.integer({ min: 1, max: 5 }),
  scoredAt: fc.integer({ min: 0, max: 50 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * DAY)),
});

describe('ZRM reference data', () => {
  it('has 13 domains with Dutch and English labels, a 1–5 scale and a 6-rung ladder', () => {
    expect(ZRM_DOMAINS).toHaveLength(13);
    expect(ZRM_DOMAINS.map((d) => ZRM_DOMAIN_LABELS[d].nl)).toEqual([
      'Financiën',
      'Werk & opleiding',
      'Tijdsbesteding',
      'Huisvesting',
      'Huiselijke relaties',
      'Geestelijke gezondheid',
      'Lichamelijke gezondheid',
      'Middelengebruik',
      'Basale ADL',
      'Instrumentele ADL',
      'Sociaal netwerk',
      'Maatschappelijke participatie',
      'Justitie',
    ]);
    expect(ZRM_SCORE_LABELS[1]!.nl).toBe('Acute problematiek');
    expect(ZRM_SCORE_LABELS[5]!.nl).toBe('Volledig zelfredzaam');
    expect(LADDER_RUNG_LABELS[1]!.nl).toBe('Geïsoleerd');
    expect(LADDER_RUNG_LABELS[6]!.nl).toBe('Betaald werk');
    expect([0, 1, 5, 6, 2.5].map(isValidScore)).toEqual([false, true, true, false, false]);
    expect([0, 1, 6, 7].map(isValidRung)).toEqual([false, true, true, false]);
  });
});

describe('isOutdated', () => {
  it('is current up to exactly 30 days and outdated one millisecond later', () => {
    fc.assert(
      fc.property(instant, (scoredAt) => {
        const t = scoredAt.getTime();
        expect(isOutdated(scoredAt, new Date(t + 30 * DAY))).toBe(false);
        expect(isOutdated(scoredAt, new Date(t + 30 * DAY + 1))).toBe(true);
        expect(isOutdated(scoredAt, scoredAt)).toBe(false);
      }),
    );
  });

  it('is monotone in time: once outdated, it stays outdated', () => {
    fc.assert(
      fc.property(instant, fc.nat({ max: 400 * DAY }), fc.nat({ max: 400 * DAY }), fc.integer({ min: 1, max: 365 }), (scoredAt, a, b, maxDays) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const t = scoredAt.getTime();
        if (isOutdated(scoredAt, new Date(t + early), maxDays)) expect(isOutdated(scoredAt, new Date(t + late), maxDays)).toBe(true);
        // An older score is at least as outdated as a newer one at the same moment.
        const now = new Date(t + late);
        if (isOutdated(new Date(t + (late - early)), now, maxDays)) expect(isOutdated(scoredAt, now, maxDays)).toBe(true);
      }),
    );
  });
});

describe('trend', () => {
  it('is antisymmetric: swapping latest and previous gives the opposite direction', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), (a, b) => {
        expect(trendOf(b, a)).toBe(oppositeTrend(trendOf(a, b)));
      }),
    );
    expect([trendOf(4, 2), trendOf(2, 4), trendOf(3, 3), trendOf(3, undefined)]).toEqual(['improved', 'worse', 'same', 'none']);
  });

  it('over a history: swapping the dates of the two latest scores of a domain reverses its trend', () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 20 }), domain, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (others, d, x, y) => {
        const older = others.filter((o) => o.key !== d).map((o) => ({ ...o, scoredAt: new Date(o.scoredAt.getTime() - 100 * DAY) }));
        const t1 = new Date(Date.UTC(2026, 5, 1));
        const t2 = new Date(Date.UTC(2026, 5, 20));
        const forward: Observation<ZrmDomain>[] = [...older, { assessmentId: 'a', key: d, value: x, scoredAt: t1 }, { assessmentId: 'b', key: d, value: y, scoredAt: t2 }];
        const swapped: Observation<ZrmDomain>[] = [...older, { assessmentId: 'a', key: d, value: x, scoredAt: t2 }, { assessmentId: 'b', key: d, value: y, scoredAt: t1 }];
        expect(trend(swapped, d)).toBe(oppositeTrend(trend(forward, d)));
      }),
    );
  });

  it('is none with fewer than two scores of the domain', () => {
    const one: Observation<ZrmDomain>[] = [{ assessmentId: 'a', key: 'housing', value: 2, scoredAt: new Date() }];
    expect(trend(one, 'housing')).toBe('none');
    expect(trend(one, 'finances')).toBe('none');
  });
});

describe('latestPerDomain', () => {
  it('picks the newest observation per domain, whatever the input order', () => {
    // One score per domain per scoring moment (the primary key of zrm_scores), in any order.
    const history = fc.uniqueArray(observation, { maxLength: 40, selector: (o) => `${o.assessmentId}/${o.key}` });
    const plain = (m: Map<string, Observation>) => Object.fromEntries([...m].map(([k, o]) => [k, { ...o }]));
    fc.assert(
      fc.property(history.chain((obs) => fc.tuple(fc.constant(obs), fc.shuffledSubarray(obs, { minLength: obs.length, maxLength: obs.length }))), ([obs, shuffled]) => {
        const a = latestPerDomain(obs);
        const b = latestPerDomain(shuffled);
        expect(plain(b)).toEqual(plain(a));
        expect(new Set(a.keys())).toEqual(new Set(obs.map((o) => o.key)));
        for (const [key, latest] of a) {
          for (const o of obs.filter((x) => x.key === key)) expect(o.scoredAt.getTime()).toBeLessThanOrEqual(latest.scoredAt.getTime());
        }
      }),
    );
  });
});
