/** Running tallies of what was generated, reported in the seed summary. */
export interface SeedStats {
  residents: number;
  ageUnder27: number;
  age27to44: number;
  age45plus: number;
  households: Record<string, number>;
  withoutStartkwalificatie: number;
  benefitNew60Days: number;
  benefit3YearsPlus: number;
  benefit15YearsPlus: number;
  youthTeam: number;
  handovers: number;
  contactMoments: number;
  neverContacted: number;
  lastContactOverNorm: number;
  lastContactOver12Months: number;
  consentsActive: number;
  consentsWithdrawn: number;
  consentsExpired: number;
  assessments: number;
  plans: number;
  meetingsPast: number;
  meetingsPlanned: number;
  workProfiles: number;
  proposals: number;
  placements: number;
}

export function emptyStats(): SeedStats {
  return {
    residents: 0,
    ageUnder27: 0,
    age27to44: 0,
    age45plus: 0,
    households: {},
    withoutStartkwalificatie: 0,
    benefitNew60Days: 0,
    benefit3YearsPlus: 0,
    benefit15YearsPlus: 0,
    youthTeam: 0,
    handovers: 0,
    contactMoments: 0,
    neverContacted: 0,
    lastContactOverNorm: 0,
    lastContactOver12Months: 0,
    consentsActive: 0,
    consentsWithdrawn: 0,
    consentsExpired: 0,
    assessments: 0,
    plans: 0,
    meetingsPast: 0,
    meetingsPlanned: 0,
    workProfiles: 0,
    proposals: 0,
    placements: 0,
  };
}

/** Percentages (one decimal) of the main distributions, to check them against the CBS figures at a glance. */
export function shares(s: SeedStats): Record<string, number> {
  const pct = (n: number) => (s.residents === 0 ? 0 : Math.round((n / s.residents) * 1000) / 10);
  return {
    ageUnder27: pct(s.ageUnder27),
    age27to44: pct(s.age27to44),
    age45plus: pct(s.age45plus),
    householdSingle: pct(s.households.single ?? 0),
    householdSingleParent: pct(s.households.singleParent ?? 0),
    withoutStartkwalificatie: pct(s.withoutStartkwalificatie),
    benefitNew60Days: pct(s.benefitNew60Days),
    benefit3YearsPlus: pct(s.benefit3YearsPlus),
    benefit15YearsPlus: pct(s.benefit15YearsPlus),
    noContactWithinNorm: pct(s.lastContactOverNorm + s.neverContacted),
    lastContactOver12Months: pct(s.lastContactOver12Months),
    neverContacted: pct(s.neverContacted),
    activeConsent: pct(s.consentsActive),
  };
}
