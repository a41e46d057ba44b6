/**
 * The demo municipalities: areas (wijken / gebiedsteams) with four-digit postcode ranges, the share of
 * bijstand recipients per area, and the naming of teams and partner organisations.
 * Utrecht's wijken and postcodes follow the real city (approximately); Arnhem's gebiedsteams are illustrative.
 */

export interface AreaDef {
  code: string;
  name: string;
  /** Share of the municipality's residents on bijstand living here. */
  share: number;
  /** Inclusive PC4 ranges; ranges of one municipality never overlap. */
  pc4: readonly (readonly [number, number])[];
  /** Share of residents (of generated colleagues) with an active consent to the area's partner organisation. */
  consentShare: number;
}

export interface MunicipalityDef {
  code: string;
  name: string;
  city: string;
  contactNormDays: number;
  /** The municipality's words for an area and for the partner team in a neighbourhood (shown in the web app). */
  terms: { area: 'wijk' | 'gebied'; partnerTeam: 'buurtteam' | 'gebiedsteam' };
  /** Residents in the demo. */
  demoResidents: number;
  /** Short name used in generated usernames of municipality-wide staff: wga.utrecht.01 */
  slug: string;
  /** Prefix for generated usernames of team members (usernames are unique across municipalities). */
  usernamePrefix: string;
  teamName: (area: AreaDef) => string;
  partnerName: (area: AreaDef) => string;
  /** A youth team covering all areas, taking part of the residents under 27. */
  youthTeam: { name: string; slug: string; shareOfUnder27: number } | null;
  areas: readonly AreaDef[];
}

export const UTRECHT: MunicipalityDef = {
  code: '0344',
  name: 'Utrecht (demo)',
  city: 'Utrecht',
  contactNormDays: 90,
  terms: { area: 'wijk', partnerTeam: 'buurtteam' },
  demoResidents: 9_320,
  slug: 'utrecht',
  usernamePrefix: '',
  teamName: (a) => `Team ${a.name}`,
  partnerName: (a) => `Buurtteam ${a.name}`,
  youthTeam: { name: 'Team Jongeren', slug: 'jongeren', shareOfUnder27: 0.6 },
  areas: [
    { code: 'west', name: 'West', share: 0.08, pc4: [[3531, 3533]], consentShare: 0.05 },
    // Noordwest includes Zuilen (3551, 3554, 3555) and Ondiep (3552, 3553).
    { code: 'noordwest', name: 'Noordwest', share: 0.12, pc4: [[3551, 3555]], consentShare: 0.06 },
    { code: 'overvecht', name: 'Overvecht', share: 0.33, pc4: [[3561, 3564]], consentShare: 0.1 },
    {
      code: 'noordoost',
      name: 'Noordoost',
      share: 0.05,
      pc4: [
        [3513, 3514],
        [3571, 3573],
      ],
      consentShare: 0.04,
    },
    { code: 'oost', name: 'Oost', share: 0.04, pc4: [[3581, 3585]], consentShare: 0.04 },
    { code: 'binnenstad', name: 'Binnenstad', share: 0.03, pc4: [[3511, 3512]], consentShare: 0.04 },
    { code: 'zuid', name: 'Zuid', share: 0.09, pc4: [[3523, 3525]], consentShare: 0.05 },
    {
      code: 'zuidwest',
      name: 'Zuidwest',
      share: 0.11,
      pc4: [
        [3521, 3522],
        [3526, 3527],
      ],
      consentShare: 0.06,
    },
    { code: 'leidsche-rijn', name: 'Leidsche Rijn', share: 0.11, pc4: [[3541, 3546]], consentShare: 0.04 },
    {
      code: 'vleuten-de-meern',
      name: 'Vleuten-De Meern',
      share: 0.04,
      pc4: [[3451, 3455]],
      consentShare: 0.04,
    },
  ],
};

export const ARNHEM: MunicipalityDef = {
  code: '0202',
  name: 'Arnhem (demo)',
  city: 'Arnhem',
  contactNormDays: 90,
  terms: { area: 'gebied', partnerTeam: 'gebiedsteam' },
  demoResidents: 2_500,
  slug: 'arnhem',
  usernamePrefix: 'arnhem-',
  teamName: (a) => `Gebiedsteam ${a.name}`,
  partnerName: (a) => `Sociaal Wijkteam ${a.name}`,
  youthTeam: null,
  areas: [
    { code: 'noord', name: 'Noord', share: 0.14, pc4: [[6814, 6818]], consentShare: 0.05 },
    { code: 'oost', name: 'Oost', share: 0.22, pc4: [[6821, 6829]], consentShare: 0.05 },
    { code: 'zuid', name: 'Zuid', share: 0.24, pc4: [[6831, 6836]], consentShare: 0.05 },
    { code: 'zuid-oost', name: 'Zuid-Oost', share: 0.12, pc4: [[6841, 6843]], consentShare: 0.05 },
    { code: 'west', name: 'West', share: 0.14, pc4: [[6844, 6846]], consentShare: 0.05 },
    { code: 'centrum', name: 'Centrum', share: 0.14, pc4: [[6811, 6813]], consentShare: 0.05 },
  ],
};

export const DEMO_MUNICIPALITIES: readonly MunicipalityDef[] = [UTRECHT, ARNHEM];

export function municipalityDef(code: string): MunicipalityDef | undefined {
  return DEMO_MUNICIPALITIES.find((m) => m.code === code);
}
