/** The distributions and power calculations against R's figures (R 4.2, pinned to 17 digits). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal.ts';
import { noncentralTCdf, powerMeans, powerProportions, requiredSampleSize, sampleSizeMeans, sampleSizeProportions } from './power.ts';
import { tCdf, tQuantile, tTwoSidedP } from './t-distribution.ts';

const rel = (ours: number, r: number) => Math.abs(ours - r) / Math.max(Math.abs(r), 1e-300);
const expectClose = (ours: number, r: number, tol = 1e-12) => expect(rel(ours, r), `${ours} vs R ${r}`).toBeLessThan(tol);

describe('the t distribution equals R', () => {
  it('pt', () => {
    const r10 = [0.006671827511284794, 0.17044656615103004, 0.68605319712851354, 0.96330598261462974, 0.99874083368763167];
    [-3, -1, 0.5, 2, 4].forEach((t, i) => expectClose(tCdf(t, 10), r10[i]!));
    expectClose(tCdf(2.5, 3), 0.95614667649596718);
    expectClose(tCdf(1.96, 100000), 0.97500071840284919);
    expectClose(tTwoSidedP(-3, 10), 2 * 0.006671827511284794);
  });
  it('qt(0.975, df) for df from 1 to 99,990', () => {
    const r = [12.706204736174694, 4.3026527297494619, 3.1824463052837078, 2.5705818356363137, 2.2281388519862739, 2.0422724563012378, 1.9839715185235516, 1.9631320366857723, 1.9599877099071736];
    [1, 2, 3, 5, 10, 30, 100, 750, 99990].forEach((df, i) => expectClose(tQuantile(0.975, df), r[i]!));
  });
  it('the quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 200_000 }), (p, df) => {
        expect(Math.abs(tCdf(tQuantile(p, df), df) - p)).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('the normal distribution equals R', () => {
  it('pnorm and qnorm', () => {
    const rp = [6.2209605742717849e-16, 0.0013498980316300946, 0.025000000000000012, 0.30853753872598694, 0.5, 0.61791142218895267, 0.84134474606854293, 0.99379033467422384, 0.9999999990134123];
    [-8, -3, -1.959963984540054, -0.5, 0, 0.3, 1, 2.5, 6].forEach((x, i) => expectClose(normalCdf(x), rp[i]!));
    const rq = [-6.3613409024040557, -3.0902323061678132, -1.9599639845400538, -0.84162123357291418, 0, 0.84162123357291441, 1.9599639845400536, 3.0902323061678132];
    [1e-10, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999].forEach((p, i) => (rq[i] === 0 ? expect(normalQuantile(p)).toBe(0) : expectClose(normalQuantile(p), rq[i]!)));
  });
  it('the noncentral t (R pt with ncp)', () => {
    const r = [0.0015777567629633449, 0.022750131948179212, 0.30676408350376455, 0.49025705414277782, 0.8079477081479236, 0.99034656923127962];
    [-1, 0, 1.5, 2, 3, 5].forEach((t, i) => expectClose(noncentralTCdf(t, 20, 2), r[i]!, 1e-10));
    expectClose(noncentralTCdf(1.97, 300, 2.8), 0.20356134740654072, 1e-10);
    expectClose(noncentralTCdf(2, 5, -1), 0.99410353770996074, 1e-10);
  });
});

describe('power and sample size equal R (power.prop.test, power.t.test)', () => {
  // [p1, p2, alpha, power, R's n (uniroot, tol ~1e-4), R's power with n = 188]
  const props: [number, number, number, number, number, number][] = [
    [0.2, 0.3, 0.05, 0.8, 293.15128581364712, 0.61063053497155451],
    [0.3, 0.4, 0.05, 0.9, 476.00719699474291, 0.52915212769761755],
    [0.1, 0.15, 0.01, 0.8, 1020.4700462850046, 0.13280829545235476],
    [0.25, 0.35, 0.05, 0.8, 328.47154237319808, 0.56224844965216947],
  ];
  it('difference in proportions', () => {
    for (const [p1, p2, alpha, power, n, pow188] of props) {
      expectClose(powerProportions({ p1, p2, alpha }, 188), pow188);
      // R finds n with uniroot (tolerance about 1e-4 on n); ours is the closed form of the same equation.
      expect(Math.abs(sampleSizeProportions({ p1, p2, alpha }, power) - n)).toBeLessThan(1e-3);
      expect(powerProportions({ p1, p2, alpha }, sampleSizeProportions({ p1, p2, alpha }, power))).toBeCloseTo(power, 12);
    }
  });
  // [delta, sd, alpha, power, R's n, R's power with n = 188]
  const means: [number, number, number, number, number, number][] = [
    [1, 1, 0.05, 0.8, 16.714768142328293, 0.99999999999999378],
    [0.25, 1, 0.05, 0.8, 252.12811612265807, 0.67639732035687183],
    [0.3, 1, 0.01, 0.9, 332.31600401496257, 0.62546842468697683],
    [3, 10, 0.05, 0.8, 175.38509655527847, 0.8266904166728527],
  ];
  it('difference in means', () => {
    for (const [delta, sd, alpha, power, n, pow188] of means) {
      expectClose(powerMeans({ delta, sd, alpha }, 188), pow188, 1e-10);
      expect(Math.abs(sampleSizeMeans({ delta, sd, alpha }, power) - n)).toBeLessThan(1e-3);
    }
  });
  it('rounds up per arm and multiplies by the number of arms', () => {
    expect(requiredSampleSize({ kind: 'proportions', p1: 0.2, p2: 0.3, alpha: 0.05, power: 0.8 }, 4)).toMatchObject({ perArm: 294, total: 1176 });
    expect(requiredSampleSize({ kind: 'means', delta: 0.25, sd: 1, alpha: 0.05, power: 0.8 })).toMatchObject({ perArm: 253, total: 506 });
  });
});
