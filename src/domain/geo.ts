/**
 * Approximate locations by four-digit postcode (PC4), for the matching constraint "within the resident's own
 * maximum travel distance" only. Never a street address; never a scoring feature beyond that hard constraint.
 *
 * The table holds approximate district centres for the PC4 ranges of the demo municipalities (Utrecht, Arnhem) and a
 * few nearby towns; each PC4 in a range is spread a little around its district centre. A production deployment loads
 * the CBS/PDOK PC4 centroids instead (see docs/adr/0009-matching.md). A postcode outside the table has no location:
 * the travel constraint is then "unknown" and shown as such, never silently passed or failed.
 */

export interface LatLon {
  lat: number;
  lon: number;
}

interface Pc4Block {
  from: number;
  to: number;
  centre: LatLon;
}

const BLOCKS: readonly Pc4Block[] = [
  // Utrecht
  { from: 3511, to: 3512, centre: { lat: 52.0907, lon: 5.1214 } }, // Binnenstad
  { from: 3513, to: 3514, centre: { lat: 52.1, lon: 5.128 } }, // Noordoost (Wittevrouwen)
  { from: 3521, to: 3522, centre: { lat: 52.078, lon: 5.105 } }, // Zuidwest
  { from: 3523, to: 3525, centre: { lat: 52.07, lon: 5.125 } }, // Zuid
  { from: 3526, to: 3527, centre: { lat: 52.072, lon: 5.095 } }, // Zuidwest (Kanaleneiland)
  { from: 3531, to: 3533, centre: { lat: 52.093, lon: 5.095 } }, // West
  { from: 3541, to: 3546, centre: { lat: 52.097, lon: 5.05 } }, // Leidsche Rijn
  { from: 3551, to: 3555, centre: { lat: 52.108, lon: 5.098 } }, // Noordwest (Zuilen, Ondiep)
  { from: 3561, to: 3564, centre: { lat: 52.116, lon: 5.115 } }, // Overvecht
  { from: 3571, to: 3573, centre: { lat: 52.103, lon: 5.14 } }, // Noordoost
  { from: 3581, to: 3585, centre: { lat: 52.085, lon: 5.155 } }, // Oost (incl. Science Park / UMC)
  { from: 3451, to: 3455, centre: { lat: 52.09, lon: 5.005 } }, // Vleuten-De Meern
  // Around Utrecht
  { from: 3431, to: 3439, centre: { lat: 52.03, lon: 5.085 } }, // Nieuwegein
  { from: 3701, to: 3709, centre: { lat: 52.09, lon: 5.235 } }, // Zeist
  { from: 3601, to: 3608, centre: { lat: 52.14, lon: 5.03 } }, // Maarssen
  { from: 3991, to: 3994, centre: { lat: 52.02, lon: 5.165 } }, // Houten
  // Arnhem
  { from: 6811, to: 6813, centre: { lat: 51.985, lon: 5.905 } }, // Centrum
  { from: 6814, to: 6818, centre: { lat: 52.0, lon: 5.905 } }, // Noord
  { from: 6821, to: 6829, centre: { lat: 51.99, lon: 5.935 } }, // Oost
  { from: 6831, to: 6836, centre: { lat: 51.955, lon: 5.89 } }, // Zuid
  { from: 6841, to: 6843, centre: { lat: 51.955, lon: 5.92 } }, // Zuid-Oost
  { from: 6844, to: 6846, centre: { lat: 51.965, lon: 5.86 } }, // West
];

/** The approximate centre of the postcode's PC4, or null when the PC4 is not in the table. */
export function locationOfPostcode(postcode: string): LatLon | null {
  const pc4 = Number(postcode.replace(/\s+/g, '').slice(0, 4));
  if (!Number.isInteger(pc4)) return null;
  const block = BLOCKS.find((b) => pc4 >= b.from && pc4 <= b.to);
  if (!block) return null;
  // Spread the PC4s of a block around its centre (~600 m apart), deterministic.
  const i = pc4 - block.from;
  const angle = i * 2.399963; // golden angle
  const r = 0.004 * Math.sqrt(i);
  return { lat: round(block.centre.lat + r * Math.cos(angle)), lon: round(block.centre.lon + r * Math.sin(angle) * 1.6) };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

const EARTH_KM = 6371;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A bounding box around a point that contains every point within `km` (for an index-friendly SQL pre-filter; the
 * exact distance is checked afterwards).
 */
export function boundingBox(p: LatLon, km: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = (km / EARTH_KM) * (180 / Math.PI);
  const dLon = dLat / Math.max(0.01, Math.cos((p.lat * Math.PI) / 180));
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLon: p.lon - dLon, maxLon: p.lon + dLon };
}
