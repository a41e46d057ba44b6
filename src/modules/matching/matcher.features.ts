/**
 * What the matcher may look at, and nothing else. The scoring (matcher.score.ts) reads only these features; the
 * Algoritmeregister entry and the fairness monitor describe them from this list. Protected attributes and their
 * proxies are listed too, so that a test can fail when one of them appears in the scoring input.
 */

export const MATCHER_VERSION = 'samenplan-matcher/1.0.0';

export type FeatureKind = 'hard' | 'soft';

export interface ScoringFeature {
  key: string;
  kind: FeatureKind;
  /** Maximum points (soft) or 0 (hard constraints filter, they do not add points). */
  maxPoints: number;
  nameNl: string;
  nameEn: string;
  /** Where the value comes from (for the Algoritmeregister entry). */
  sourceNl: string;
}

export const SCORING_FEATURES: readonly ScoringFeature[] = [
  { key: 'hours', kind: 'hard', maxPoints: 0, nameNl: 'Uren per week', nameEn: 'Hours per week', sourceNl: 'Vacature (uren) en werkprofiel (minimaal en maximaal aantal uren)' },
  { key: 'schedule', kind: 'hard', maxPoints: 0, nameNl: 'Werktijden binnen beschikbare tijden', nameEn: 'Working times within available times', sourceNl: 'Vacature (rooster) en werkprofiel (beschikbare dagen en tijden)' },
  { key: 'travel', kind: 'hard', maxPoints: 0, nameNl: 'Reisafstand binnen het eigen maximum', nameEn: 'Travel distance within own maximum', sourceNl: 'Vacature (postcode) en werkprofiel (maximale reisafstand); afstand tussen de middens van de viercijferige postcodes' },
  { key: 'drivingLicence', kind: 'hard', maxPoints: 0, nameNl: 'Rijbewijs als de vacature dat vraagt', nameEn: 'Driving licence when the vacancy requires one', sourceNl: 'Vacature en werkprofiel' },
  { key: 'occupation', kind: 'soft', maxPoints: 50, nameNl: 'Beroep (afstand in de ISCO-beroepenindeling)', nameEn: 'Occupation (distance in the ISCO classification)', sourceNl: 'Vacature (ESCO-beroep) en werkprofiel (gewenste beroepen)' },
  { key: 'requiredSkills', kind: 'soft', maxPoints: 30, nameNl: 'Gevraagde vaardigheden en ervaring', nameEn: 'Required skills and experience', sourceNl: 'Vacature en werkprofiel (vaardigheden)' },
  { key: 'niceToHaveSkills', kind: 'soft', maxPoints: 10, nameNl: 'Gewenste vaardigheden', nameEn: 'Nice-to-have skills', sourceNl: 'Vacature en werkprofiel (vaardigheden)' },
  { key: 'contractType', kind: 'soft', maxPoints: 5, nameNl: 'Voorkeur voor soort contract', nameEn: 'Preferred contract type', sourceNl: 'Vacature en werkprofiel (voorkeuren)' },
  { key: 'sector', kind: 'soft', maxPoints: 5, nameNl: 'Voorkeur voor sector', nameEn: 'Preferred sector', sourceNl: 'Werkgever (sector) en werkprofiel (voorkeuren)' },
];

/**
 * Protected attributes and proxies that must never be scoring input (AVG art. 9, Awgb, EU AI Act high-risk rules;
 * lessons of SyRI 2020 and the Rotterdam welfare algorithm 2021). Neighbourhood covers area and postcode as such:
 * the postcode is used only to compute the distance for the resident's own travel maximum.
 */
export const PROTECTED_ATTRIBUTES = [
  'age',
  'dateOfBirth',
  'birthYear',
  'gender',
  'sex',
  'nationality',
  'origin',
  'migrationBackground',
  'ethnicity',
  'countryOfBirth',
  'language',
  'nativeLanguage',
  'religion',
  'neighbourhood',
  'area',
  'areaId',
  'postcode',
  'address',
  'health',
  'disability',
  'householdType',
  'name',
  'photo',
] as const;
