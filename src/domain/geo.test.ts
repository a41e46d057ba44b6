import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm, locationOfPostcode } from './geo.ts';

describe('approximate PC4 locations', () => {
  it('places Overvecht a few km from the UMC and far from Arnhem; unknown PC4 has no location', () => {
    const overvecht = locationOfPostcode('3562AB')!;
    const umc = locationOfPostcode('3584CX')!;
    const arnhem = locationOfPostcode('6811AA')!;
    expect(distanceKm(overvecht, umc)).toBeGreaterThan(2);
    expect(distanceKm(overvecht, umc)).toBeLessThan(8);
    expect(distanceKm(overvecht, arnhem)).toBeGreaterThan(45);
    expect(locationOfPostcode('9999ZZ')).toBeNull();
  });

  it('distance is symmetric and zero to itself; the bounding box contains every point within the distance', () => {
    const pt = fc.record({ lat: fc.double({ min: 50.5, max: 53.5, noNaN: true }), lon: fc.double({ min: 3.3, max: 7.2, noNaN: true }) });
    fc.assert(
      fc.property(pt, pt, fc.integer({ min: 1, max: 200 }), (a, b, km) => {
        expect(Math.abs(distanceKm(a, b) - distanceKm(b, a))).toBeLessThan(1e-9);
        expect(distanceKm(a, a)).toBe(0);
        if (distanceKm(a, b) <= km) {
          const box = boundingBox(a, km);
          expect(b.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(b.lat).toBeLessThanOrEqual(box.maxLat);
          expect(b.lon).toBeGreaterThanOrEqual(box.minLon);
          expect(b.lon).toBeLessThanOrEqual(box.maxLon);
        }
      }),
    );
  });
});
