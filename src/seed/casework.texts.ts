/** Dutch texts for seeded casework: barriers, goals, actions, meeting reports. All fictitious. */

import type { ZrmDomain } from '../modules/assessments/zrm.ts';

export type Owner = 'resident' | 'jobCoach' | 'partner';

export interface DomainTexts {
  barrier: readonly string[];
  goal: readonly string[];
  actions: readonly (readonly [Owner, string])[];
}

/** Per life domain: barriers (belemmeringen), goals and actions with who usually carries them. */
export const DOMAIN_TEXTS: Readonly<Record<ZrmDomain, DomainTexts>> = {
  workAndEducation: {
    barrier: [
      'Lang uit het arbeidsproces; weinig recente werkervaring.',
      'Geen startkwalificatie; twijfelt over eigen kunnen.',
      'Werkervaring uit het buitenland wordt hier niet erkend.',
    ],
    goal: [
      'Betaald werk vinden, in deeltijd om te beginnen',
      'Werkervaring opdoen via een werkervaringsplek',
      'Een mbo-2-certificaat halen',
      'Nederlands verbeteren voor op het werk',
    ],
    actions: [
      ['jobCoach', 'Cv samen bijwerken'],
      ['jobCoach', 'Twee passende vacatures zoeken en samen bespreken'],
      ['jobCoach', 'Proefplaatsing regelen bij een werkgever'],
      ['jobCoach', 'Aanmelden voor de banenmarkt in de wijk'],
      ['resident', 'Drie sollicitatiebrieven versturen'],
      ['resident', 'Meeloopdag bij de werkgever'],
      ['resident', 'Taalles volgen op dinsdag en donderdag'],
      ['resident', 'Inschrijven bij een uitzendbureau'],
    ],
  },
  finances: {
    barrier: [
      'Problematische schulden; aanmaningen van meerdere schuldeisers.',
      'Geen overzicht over inkomsten en uitgaven.',
    ],
    goal: ['Schulden in beeld en een betalingsregeling', 'Rust in de financiën'],
    actions: [
      ['partner', 'Aanmelden bij de schuldhulpverlening'],
      ['partner', 'Budgetcoach inschakelen'],
      ['resident', 'Alle post over rekeningen meenemen naar het gesprek'],
      ['jobCoach', 'Uitleggen hoe inkomsten uit parttime werk worden verrekend'],
    ],
  },
  timeUse: {
    barrier: ['Geen vast dagritme; slaapt overdag.'],
    goal: ['Een vast dagritme opbouwen'],
    actions: [
      ['resident', 'Twee ochtenden per week naar de dagbesteding'],
      ['partner', 'Kennismaken met het buurthuis'],
    ],
  },
  housing: {
    barrier: ['Dreigende huisuitzetting door huurachterstand.', 'Woont tijdelijk bij familie in.'],
    goal: ['Een stabiele woonsituatie'],
    actions: [
      ['partner', 'Contact met de woningcorporatie over de huurachterstand'],
      ['resident', 'Inschrijven bij WoningNet'],
    ],
  },
  domesticRelations: {
    barrier: ['Geen opvang voor de kinderen na schooltijd.', 'Spanningen thuis na de scheiding.'],
    goal: ['Opvang voor de kinderen geregeld', 'Rust in de thuissituatie'],
    actions: [
      ['partner', 'Aanvraag kinderopvangtoeslag samen invullen'],
      ['resident', 'Kennismaken met de buitenschoolse opvang'],
      ['partner', 'Gesprek met het gezin over de omgangsregeling'],
    ],
  },
  mentalHealth: {
    barrier: ['Somberheidsklachten; slaapt slecht.', 'Veel stress door de situatie thuis.'],
    goal: ['Meer grip op stress en somberheid'],
    actions: [
      ['resident', 'Afspraak maken met de huisarts'],
      ['partner', 'Verwijzing naar de praktijkondersteuner bespreken'],
    ],
  },
  physicalHealth: {
    barrier: ['Rugklachten; kan niet lang staan of tillen.', 'Chronische vermoeidheid.'],
    goal: ['Belastbaarheid in beeld brengen'],
    actions: [
      ['jobCoach', 'Arbeidsdeskundig onderzoek aanvragen'],
      ['resident', 'Fysiotherapie volgen'],
    ],
  },
  substanceUse: {
    barrier: ['Dagelijks cannabisgebruik.'],
    goal: ['Minder gebruiken, zodat werken haalbaar wordt'],
    actions: [['partner', 'Kennismaking met de verslavingszorg regelen']],
  },
  basicAdl: {
    barrier: ['Heeft hulp nodig bij de persoonlijke verzorging.'],
    goal: ['Zelfzorg op orde'],
    actions: [['partner', 'Wmo-aanvraag voor ondersteuning samen doen']],
  },
  instrumentalAdl: {
    barrier: ['Post blijft ongeopend liggen.'],
    goal: ['Administratie op orde'],
    actions: [
      ['partner', 'Formulierenhulp van de bibliotheek inschakelen'],
      ['resident', 'Eén keer per week de post openen met de buurvrouw'],
    ],
  },
  socialNetwork: {
    barrier: ['Weinig contacten buiten het gezin.'],
    goal: ['Meer mensen om op terug te vallen'],
    actions: [['resident', 'Vrijwilligerswerk bij het buurthuis proberen']],
  },
  communityParticipation: {
    barrier: ['Voelt zich buitengesloten in de wijk.'],
    goal: ['Meedoen in de wijk'],
    actions: [['resident', 'Het taalcafé in de bibliotheek bezoeken']],
  },
  justice: {
    barrier: ['Loopt een reclasseringstraject.'],
    goal: ['Reclasseringsafspraken combineren met werk'],
    actions: [['jobCoach', 'Werktijden afstemmen met de reclassering']],
  },
};

export const ASSESSMENT_NOTES: readonly string[] = [
  'Samen met de inwoner ingevuld tijdens het gesprek.',
  'Eerste meting bij de start van het plan.',
  'Herhaalmeting; vooruitgang op werk en financiën besproken.',
  'Ingevuld na het 3-gesprek met het buurtteam.',
];

export const REPORT_TEXTS: Readonly<Record<'intake' | 'threeWay' | 'followUp' | 'homeVisit', readonly string[]>> = {
  intake: [
    'Kennismaking: situatie, wensen en mogelijkheden besproken. De inwoner wil graag aan het werk, in deeltijd. Eerste afspraken gemaakt.',
    'Intake: thuissituatie en gezondheid in kaart. Eerst rust in de financiën, daarna werk. Plan samen opgesteld.',
  ],
  threeWay: [
    '3-gesprek met het buurtteam: één plan voor werk en schulden. Het buurtteam pakt de schulden op, de werkmatcher zoekt passend werk onder schooltijd.',
    '3-gesprek: afspraken van buurtteam en werkmatcher op elkaar afgestemd. De inwoner houdt de regie over de volgorde.',
  ],
  followUp: [
    'Voortgangsgesprek: afspraken uit het plan doorgelopen. Sollicitaties lopen; een nieuwe actie toegevoegd.',
    'Voortgang besproken; de inwoner heeft de meeloopdag gedaan en is positief.',
    'Vervolggesprek: belastbaarheid en uren besproken. Volgende stap: proefplaatsing.',
  ],
  homeVisit: ['Huisbezoek: administratie samen doorgenomen, rust in de thuissituatie. Kleine stappen afgesproken.'],
};

export const NO_SHOW_REPORT = 'De inwoner is niet verschenen. Gebeld en een nieuwe afspraak voorgesteld.';

export const AGENDA_TEXTS: readonly string[] = [
  'Voortgang van het plan; openstaande acties; werk onder schooltijd.',
  'Kennismaking en wensen rond werk; wat is er nodig om te starten?',
  'Afstemmen met het buurtteam: schulden, opvang en werk in één plan.',
];

export const MEETING_LOCATIONS: Readonly<Record<string, string>> = {
  default: 'Stadskantoor, spreekkamer 2',
  overvecht: 'Wijkbureau Overvecht, Zamenhofdreef',
};

export const CANCEL_REASONS: readonly string[] = ['Kind ziek; nieuwe afspraak volgt.', 'Inwoner heeft een sollicitatiegesprek op dat moment.'];
