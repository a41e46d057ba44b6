/** Named demo accounts (shown in the demo login picker). The people are fictitious. */

export type Role =
  | 'jobCoach'
  | 'teamLead'
  | 'partnerProfessional'
  | 'employerAdvisor'
  | 'policyOfficer'
  | 'researcher'
  | 'admin'
  | 'privacyOfficer'
  | 'seniorJobCoach';

export interface PersonaDef {
  username: string;
  displayName: string;
  roles: Role[];
  /** Team membership: an area code, or 'youth' for the youth team. */
  team?: string;
  lead?: boolean;
  /** For partner professionals: the area whose partner organisation they work for. */
  partnerArea?: string;
}

export const PERSONAS: Readonly<Record<string, readonly PersonaDef[]>> = {
  '0344': [
    {
      username: 'werkmatcher.overvecht',
      displayName: 'Samira El Idrissi',
      roles: ['jobCoach'],
      team: 'overvecht',
    },
    { username: 'werkmatcher.zuilen', displayName: 'Jeroen Bakker', roles: ['jobCoach'], team: 'noordwest' },
    { username: 'werkmatcher.jongeren', displayName: 'Kevin Martens', roles: ['jobCoach'], team: 'youth' },
    {
      username: 'senior.jongeren',
      displayName: 'Leyla Dundar',
      roles: ['jobCoach', 'seniorJobCoach'],
      team: 'youth',
    },
    {
      username: 'teamleider.overvecht',
      displayName: 'Marieke van Dam',
      roles: ['teamLead'],
      team: 'overvecht',
      lead: true,
    },
    {
      username: 'buurtteam.overvecht',
      displayName: 'Fatma Yıldırım',
      roles: ['partnerProfessional'],
      partnerArea: 'overvecht',
    },
    { username: 'werkgeversadviseur', displayName: 'Ruud Hendriks', roles: ['employerAdvisor'] },
    { username: 'beleid', displayName: 'Anouk Verbeek', roles: ['policyOfficer'] },
    { username: 'onderzoeker', displayName: 'Thijs Kramer', roles: ['researcher'] },
    { username: 'beheerder', displayName: 'Pieter Smits', roles: ['admin'] },
    { username: 'privacy', displayName: 'Esther Mulder', roles: ['privacyOfficer'] },
  ],
  '0202': [
    { username: 'werkmatcher.arnhem', displayName: 'Lotte Gerritsen', roles: ['jobCoach'], team: 'noord' },
    {
      username: 'teamleider.arnhem',
      displayName: 'Hans Wolters',
      roles: ['teamLead'],
      team: 'noord',
      lead: true,
    },
  ],
};

/** Generated (non-persona) colleagues for municipality-wide roles: [username stem, roles, how many]. */
export const GENERATED_CENTRAL_STAFF: readonly (readonly [string, Role[], number])[] = [
  ['wga', ['employerAdvisor'], 3],
  ['beleid', ['policyOfficer'], 2],
  ['onderzoek', ['researcher'], 1],
  ['beheer', ['admin'], 1],
];

/** Generated partner professionals per partner organisation. */
export const PARTNER_PROFESSIONALS_PER_ORGANISATION = 2;
