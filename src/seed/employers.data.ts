/**
 * Fictitious employers of the demo municipalities (names end in "(demo)"), their vacancies as templates, and the
 * skills per occupation. Occupations are real ESCO codes (data/esco/occupations-nl.json); the generator takes the
 * label and ISCO group from that file and fails when a code is missing.
 */

export type ScheduleKind = 'school' | 'day' | 'early' | 'evening' | 'shift' | 'weekend';
export type ContractType = 'permanent' | 'temporary' | 'agency';
export type Instrument = 'wageCostSubsidy' | 'trialPlacement' | 'jobCoaching' | 'noRiskPolicy';

export interface VacancyTemplate {
  title: string;
  esco: string;
  kind: ScheduleKind;
  /** Open vacancies of this template; about half as many again were filled earlier. */
  open: number;
  licence?: boolean;
  carving?: string;
  contract?: ContractType;
}

export interface EmployerDef {
  key: string;
  name: string;
  sector: string;
  postcode: string;
  street: string;
  houseNumber: string;
  website?: string;
  notes?: string;
  /** The hospital of the story: intention agreement and anti-discrimination accord. */
  hospital?: boolean;
  antiDiscrimination?: boolean;
  /** Pledged placements of an intention agreement (other than the hospital's). */
  intention?: number;
  vacancies: readonly VacancyTemplate[];
}

export const HOSPITAL_KEY = 'stadsziekenhuis';
export const HOSPITAL_PLEDGE = 40;

export const UTRECHT_EMPLOYERS: readonly EmployerDef[] = [
  {
    key: HOSPITAL_KEY,
    name: 'Stadsziekenhuis Utrecht (demo)',
    sector: 'zorg',
    postcode: '3584CX',
    street: 'Heidelberglaan',
    houseNumber: '100',
    website: 'https://stadsziekenhuis.example.org',
    notes: 'Groot ziekenhuis; werkt met jobcarving in voeding, schoonmaak en ontvangst. Intentieverklaring: 40 plaatsingen.',
    hospital: true,
    antiDiscrimination: true,
    vacancies: [
      {
        title: 'Medewerker voedingsassistentie',
        esco: '5246.1',
        kind: 'school',
        open: 4,
        carving: 'Taken van de voedingsassistent gesplitst: maaltijden rondbrengen en afruimen, zonder dieetadvies.',
      },
      { title: 'Schoonmaakmedewerker', esco: '9112.2', kind: 'school', open: 3 },
      { title: 'Schoonmaakmedewerker vroege dienst', esco: '9112.2', kind: 'early', open: 2 },
      { title: 'Gastvrouw / gastheer', esco: '5131.1', kind: 'school', open: 3 },
      { title: 'Medewerker keuken', esco: '9412.2', kind: 'day', open: 2 },
      { title: 'Brancardier', esco: '5329.1', kind: 'shift', open: 2 },
      { title: 'Sterilisatieassistent', esco: '5329.3', kind: 'day', open: 2 },
      { title: 'Zorghulp', esco: '5321.1', kind: 'shift', open: 2 },
      { title: 'Medewerker postkamer', esco: '4412.1', kind: 'school', open: 1 },
      { title: 'Receptionist polikliniek', esco: '4226.1', kind: 'day', open: 1 },
    ],
  },
  {
    key: 'zorggroep-overvecht',
    name: 'Zorggroep Overvecht (demo)',
    sector: 'zorg',
    postcode: '3562AB',
    street: 'Zamenhofdreef',
    houseNumber: '12',
    antiDiscrimination: true,
    vacancies: [
      { title: 'Zorghulp', esco: '5321.1', kind: 'shift', open: 3 },
      { title: 'Thuiszorgmedewerker', esco: '5322.1', kind: 'day', open: 3 },
      { title: 'Medewerker maaltijden', esco: '5246.1', kind: 'school', open: 2 },
      { title: 'Medewerker huishoudelijke dienst', esco: '9112.4', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'thuiszorg-domstad',
    name: 'Thuiszorg Domstad (demo)',
    sector: 'zorg',
    postcode: '3523BC',
    street: 'Rivierenlaan',
    houseNumber: '40',
    vacancies: [
      { title: 'Thuiszorgmedewerker', esco: '5322.1', kind: 'day', open: 4 },
      { title: 'Huishoudelijke hulp', esco: '9112.4', kind: 'school', open: 3 },
    ],
  },
  {
    key: 'glans',
    name: 'Schoonmaakbedrijf Glans & Co (demo)',
    sector: 'schoonmaak',
    postcode: '3542CD',
    street: 'Atoomweg',
    houseNumber: '7',
    intention: 10,
    vacancies: [
      { title: 'Schoonmaker kantoren (ochtend)', esco: '9112.2', kind: 'early', open: 4, contract: 'agency' },
      { title: 'Schoonmaker kantoren (avond)', esco: '9112.2', kind: 'evening', open: 3, contract: 'agency' },
      { title: 'Interieurverzorger scholen', esco: '9111.1', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'cleanteam',
    name: 'CleanTeam Utrecht (demo)',
    sector: 'schoonmaak',
    postcode: '3531EF',
    street: 'Damstraat',
    houseNumber: '3',
    vacancies: [
      { title: 'Schoonmaakmedewerker', esco: '9112.2', kind: 'early', open: 3 },
      { title: 'Schoonmaakmedewerker overdag', esco: '9112.2', kind: 'school', open: 2 },
      { title: 'Schoonmaakmedewerker avond', esco: '9112.2', kind: 'evening', open: 2 },
    ],
  },
  {
    key: 'dc-lage-weide',
    name: 'Distributiecentrum Lage Weide (demo)',
    sector: 'logistiek',
    postcode: '3542GH',
    street: 'Strijkviertel',
    houseNumber: '55',
    antiDiscrimination: true,
    vacancies: [
      { title: 'Orderpicker', esco: '9333.8.1', kind: 'shift', open: 5, contract: 'agency' },
      { title: 'Heftruckchauffeur', esco: '8344.1', kind: 'shift', open: 2 },
      { title: 'Expeditiemedewerker', esco: '9333.2', kind: 'day', open: 2 },
      { title: 'Inpakker', esco: '9321.2', kind: 'day', open: 2, contract: 'temporary' },
    ],
  },
  {
    key: 'pakketdienst',
    name: 'Pakketdienst Midden (demo)',
    sector: 'logistiek',
    postcode: '3543JK',
    street: 'Groenewoudsedijk',
    houseNumber: '20',
    vacancies: [
      { title: 'Bezorger bestelbus', esco: '8322.2', kind: 'day', open: 3, licence: true },
      { title: 'Sorteerder pakketten', esco: '9333.3', kind: 'early', open: 3, contract: 'agency' },
    ],
  },
  {
    key: 'versmarkt',
    name: 'Supermarkt Versmarkt Kanaleneiland (demo)',
    sector: 'retail',
    postcode: '3526LM',
    street: 'Columbusplein',
    houseNumber: '9',
    vacancies: [
      { title: 'Kassamedewerker', esco: '5230.1', kind: 'evening', open: 3 },
      { title: 'Kassamedewerker overdag', esco: '5230.1', kind: 'school', open: 2 },
      { title: 'Vakkenvuller', esco: '9334.1', kind: 'early', open: 3 },
    ],
  },
  {
    key: 'bouwmarkt',
    name: 'Bouwmarkt De Klusser (demo)',
    sector: 'retail',
    postcode: '3541NP',
    street: 'Proostwetering',
    houseNumber: '30',
    vacancies: [
      { title: 'Winkelmedewerker', esco: '5223.6', kind: 'day', open: 3 },
      { title: 'Winkelmedewerker weekend', esco: '5223.6', kind: 'weekend', open: 2 },
    ],
  },
  {
    key: 'kringloop',
    name: 'Kringloopwarenhuis Utrecht (demo)',
    sector: 'retail',
    postcode: '3553RS',
    street: 'Amsterdamsestraatweg',
    houseNumber: '410',
    notes: 'Sociale onderneming; begeleidt graag mensen met afstand tot de arbeidsmarkt.',
    antiDiscrimination: true,
    vacancies: [
      { title: 'Winkelmedewerker kringloop', esco: '5223.6', kind: 'day', open: 2 },
      { title: 'Sorteerder goederen', esco: '9321.2', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'domtoren',
    name: 'Grand Café De Domtoren (demo)',
    sector: 'horeca',
    postcode: '3512TV',
    street: 'Domplein',
    houseNumber: '4',
    vacancies: [
      { title: 'Bediening', esco: '5131.2', kind: 'evening', open: 3 },
      { title: 'Barista', esco: '5132.1.1', kind: 'day', open: 2 },
      { title: 'Keukenhulp', esco: '9412.1', kind: 'evening', open: 2 },
    ],
  },
  {
    key: 'hotel',
    name: 'Hotel Jaarbeurs Plaza (demo)',
    sector: 'horeca',
    postcode: '3521WX',
    street: 'Jaarbeursplein',
    houseNumber: '1',
    vacancies: [
      { title: 'Kamermedewerker (housekeeping)', esco: '9111.1', kind: 'school', open: 3 },
      { title: 'Receptionist', esco: '4226.1', kind: 'shift', open: 2 },
      { title: 'Keukenhulp', esco: '9412.1', kind: 'shift', open: 1 },
    ],
  },
  {
    key: 'science-park',
    name: 'Bedrijfsrestaurant Science Park (demo)',
    sector: 'horeca',
    postcode: '3584CS',
    street: 'Princetonplein',
    houseNumber: '5',
    vacancies: [
      { title: 'Medewerker lunchrestaurant', esco: '5246.1', kind: 'school', open: 3 },
      { title: 'Kok', esco: '5120.1', kind: 'day', open: 1 },
      { title: 'Medewerker keuken', esco: '9412.2', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'van-rijn',
    name: 'Installatiebedrijf Van Rijn (demo)',
    sector: 'techniek',
    postcode: '3542YZ',
    street: 'Nijverheidsweg',
    houseNumber: '18',
    vacancies: [
      { title: 'Leerling-monteur elektrotechniek', esco: '7411.1', kind: 'day', open: 3, licence: true },
      { title: 'Allround klusser', esco: '9622.1', kind: 'day', open: 2 },
    ],
  },
  {
    key: 'fietsen',
    name: 'Fietsenmakerij Centraal (demo)',
    sector: 'techniek',
    postcode: '3511AX',
    street: 'Stationsplein',
    houseNumber: '2',
    vacancies: [{ title: 'Fietsenmaker in opleiding', esco: '9622.1', kind: 'day', open: 2 }],
  },
  {
    key: 'stadsbeheer',
    name: 'Gemeente Utrecht, Stadsbeheer (demo)',
    sector: 'overheid',
    postcode: '3521AZ',
    street: 'Stadsplateau',
    houseNumber: '1',
    antiDiscrimination: true,
    vacancies: [
      { title: 'Medewerker straatreiniging', esco: '9613.1', kind: 'early', open: 3 },
      { title: 'Medewerker groenonderhoud', esco: '6113.1', kind: 'day', open: 3 },
      { title: 'Medewerker postkamer', esco: '4412.1', kind: 'school', open: 1 },
      { title: 'Administratief medewerker', esco: '4110.1', kind: 'day', open: 2 },
    ],
  },
  {
    key: 'groen-noord',
    name: 'Groenbedrijf Utrecht Noord (demo)',
    sector: 'groen',
    postcode: '3551BA',
    street: 'Kanaalweg',
    houseNumber: '66',
    vacancies: [{ title: 'Hovenier / groenmedewerker', esco: '6113.1', kind: 'day', open: 4 }],
  },
  {
    key: 'regenboog',
    name: 'Kinderopvang De Regenboog (demo)',
    sector: 'kinderopvang',
    postcode: '3563BB',
    street: 'Gambiadreef',
    houseNumber: '8',
    vacancies: [
      { title: 'Pedagogisch medewerker (in opleiding)', esco: '5311.1.3', kind: 'day', open: 3 },
      { title: 'Groepshulp', esco: '5311.1.3', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'zonnestraal',
    name: 'Kinderopvang Zonnestraal (demo)',
    sector: 'kinderopvang',
    postcode: '3525BC',
    street: 'Hooft Graaflandstraat',
    houseNumber: '14',
    vacancies: [
      { title: 'Pedagogisch medewerker', esco: '5311.1.3', kind: 'day', open: 3 },
      { title: 'Groepshulp ochtend', esco: '5311.1.3', kind: 'school', open: 1 },
    ],
  },
  {
    key: 'wereldboom',
    name: 'Basisschool De Wereldboom (demo)',
    sector: 'onderwijs',
    postcode: '3561BD',
    street: 'Marshalllaan',
    houseNumber: '22',
    vacancies: [
      { title: 'Onderwijsassistent', esco: '5312.2', kind: 'school', open: 2 },
      { title: 'Conciërge', esco: '5153.1', kind: 'school', open: 1 },
    ],
  },
  {
    key: 'klantcontact',
    name: 'KlantContact Utrecht (demo)',
    sector: 'zakelijke dienstverlening',
    postcode: '3541BE',
    street: 'Veldhuizen',
    houseNumber: '90',
    vacancies: [
      { title: 'Medewerker klantenservice', esco: '4222.1', kind: 'day', open: 4 },
      { title: 'Medewerker klantenservice (schooltijden)', esco: '4222.1', kind: 'school', open: 2 },
      { title: 'Datatypist', esco: '4132.1', kind: 'school', open: 1 },
    ],
  },
  {
    key: 'domwacht',
    name: 'Beveiligingsbedrijf Domwacht (demo)',
    sector: 'beveiliging',
    postcode: '3531BF',
    street: 'Vleutenseweg',
    houseNumber: '200',
    vacancies: [{ title: 'Beveiliger', esco: '5414.1', kind: 'shift', open: 4 }],
  },
  {
    key: 'tuindorp',
    name: 'Verpleeghuis Tuindorp (demo)',
    sector: 'zorg',
    postcode: '3571BG',
    street: 'Tuindorpstraat',
    houseNumber: '31',
    vacancies: [
      { title: 'Zorghulp', esco: '5321.1', kind: 'shift', open: 3 },
      { title: 'Gastvrouw restaurant', esco: '5246.1', kind: 'school', open: 2 },
      { title: 'Medewerker huishoudelijke dienst', esco: '9112.4', kind: 'school', open: 1 },
    ],
  },
  {
    key: 'vleutense-maaltijden',
    name: 'Vleutense Maaltijden (demo)',
    sector: 'productie',
    postcode: '3452BH',
    street: 'Industrieweg',
    houseNumber: '6',
    vacancies: [
      { title: 'Productiemedewerker inpak', esco: '9321.2', kind: 'day', open: 3, contract: 'agency' },
      { title: 'Medewerker keuken (vroeg)', esco: '9412.2', kind: 'early', open: 2 },
    ],
  },
  {
    key: 'hogeschool',
    name: 'Facilitair Bedrijf Hogeschool (demo)',
    sector: 'facilitair',
    postcode: '3584BJ',
    street: 'Padualaan',
    houseNumber: '99',
    vacancies: [
      { title: 'Conciërge', esco: '5153.1', kind: 'day', open: 1 },
      { title: 'Receptionist', esco: '4226.1', kind: 'school', open: 1 },
      { title: 'Schoonmaakmedewerker', esco: '9112.2', kind: 'early', open: 2 },
    ],
  },
];

export const ARNHEM_EMPLOYERS: readonly EmployerDef[] = [
  {
    key: 'zorgcentrum-noord',
    name: 'Zorgcentrum Arnhem-Noord (demo)',
    sector: 'zorg',
    postcode: '6815AB',
    street: 'Schelmseweg',
    houseNumber: '10',
    antiDiscrimination: true,
    vacancies: [
      { title: 'Zorghulp', esco: '5321.1', kind: 'shift', open: 3 },
      { title: 'Medewerker maaltijden', esco: '5246.1', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'lc-arnhem',
    name: 'Logistiek Centrum Arnhem (demo)',
    sector: 'logistiek',
    postcode: '6826CD',
    street: 'Westervoortsedijk',
    houseNumber: '50',
    vacancies: [{ title: 'Orderpicker', esco: '9333.8.1', kind: 'shift', open: 4, contract: 'agency' }],
  },
  {
    key: 'veluwezoom',
    name: 'Schoonmaakbedrijf Veluwezoom (demo)',
    sector: 'schoonmaak',
    postcode: '6831EF',
    street: 'Nijmeegseweg',
    houseNumber: '70',
    vacancies: [
      { title: 'Schoonmaakmedewerker', esco: '9112.2', kind: 'early', open: 3 },
      { title: 'Schoonmaakmedewerker overdag', esco: '9112.2', kind: 'school', open: 2 },
    ],
  },
  {
    key: 'rijnkade',
    name: 'Restaurant Rijnkade (demo)',
    sector: 'horeca',
    postcode: '6811GH',
    street: 'Rijnkade',
    houseNumber: '15',
    vacancies: [
      { title: 'Bediening', esco: '5131.2', kind: 'evening', open: 2 },
      { title: 'Keukenhulp', esco: '9412.1', kind: 'evening', open: 2 },
    ],
  },
];

export const EMPLOYERS_BY_MUNICIPALITY: Readonly<Record<string, readonly EmployerDef[]>> = {
  '0344': UTRECHT_EMPLOYERS,
  '0202': ARNHEM_EMPLOYERS,
};

/** Skills per ISCO group: the first are asked as required, the rest are nice to have. */
export const SKILLS_BY_ISCO: Readonly<Record<string, readonly string[]>> = {
  '9112': ['schoonmaken', 'hygiëne', 'zelfstandig werken', 'nauwkeurig', 'VCA-basis'],
  '9111': ['schoonmaken', 'hygiëne', 'bedden opmaken', 'nauwkeurig'],
  '5246': ['klantvriendelijk', 'hygiëne', 'samenwerken', 'HACCP'],
  '9412': ['hygiëne', 'afwassen', 'samenwerken', 'HACCP'],
  '5131': ['klantvriendelijk', 'gastvrijheid', 'stressbestendig', 'samenwerken'],
  '5132': ['koffie zetten', 'klantvriendelijk', 'kassa'],
  '5120': ['koken', 'HACCP', 'plannen'],
  '5230': ['kassa', 'klantvriendelijk', 'rekenen'],
  '5223': ['klantvriendelijk', 'producten aanvullen', 'kassa'],
  '9334': ['producten aanvullen', 'nauwkeurig', 'fysiek werk'],
  '9333': ['orderpicken', 'scanner gebruiken', 'fysiek werk', 'heftruckcertificaat'],
  '8344': ['heftruckcertificaat', 'veilig werken', 'orderpicken'],
  '8322': ['rijbewijs B', 'klantvriendelijk', 'plannen'],
  '9321': ['inpakken', 'nauwkeurig', 'fysiek werk'],
  '5311': ['omgaan met kinderen', 'geduld', 'samenwerken', 'EHBO'],
  '5312': ['omgaan met kinderen', 'geduld', 'toezicht houden'],
  '5321': ['zorg verlenen', 'empathie', 'samenwerken', 'hygiëne'],
  '5322': ['zorg verlenen', 'empathie', 'zelfstandig werken'],
  '5329': ['zorg verlenen', 'nauwkeurig', 'hygiëne', 'fysiek werk'],
  '4226': ['klantvriendelijk', 'plannen', 'computervaardigheden', 'telefoneren'],
  '4222': ['telefoneren', 'computervaardigheden', 'klantvriendelijk', 'agenda beheren'],
  '4110': ['computervaardigheden', 'nauwkeurig', 'archiveren'],
  '4132': ['typen', 'computervaardigheden', 'nauwkeurig'],
  '4412': ['post sorteren', 'nauwkeurig', 'zelfstandig werken'],
  '6113': ['groenonderhoud', 'fysiek werk', 'samenwerken', 'VCA-basis'],
  '7411': ['elektrotechniek', 'VCA-basis', 'technisch inzicht'],
  '9622': ['technisch inzicht', 'gereedschap gebruiken', 'zelfstandig werken'],
  '5414': ['beveiliging', 'alert', 'rapporteren'],
  '5153': ['technisch inzicht', 'klantvriendelijk', 'zelfstandig werken'],
  '9613': ['fysiek werk', 'samenwerken', 'buiten werken'],
};

export const GENERIC_SKILLS: readonly string[] = ['samenwerken', 'op tijd komen', 'nauwkeurig werken', 'klantvriendelijk'];

export const EDUCATION_NL: Readonly<Record<string, string>> = {
  none: 'Geen diploma',
  primary: 'Basisonderwijs',
  vmbo: 'Vmbo',
  mbo1: 'Mbo-1 (entree)',
  mbo2to4: 'Mbo-2 tot en met 4',
  havoVwo: 'Havo of vwo',
  hbo: 'Hbo',
  wo: 'Wo',
  unknown: 'Onbekend',
};

export const CONTACT_TITLES: readonly string[] = ['HR-adviseur', 'Teamleider', 'Recruiter', 'Vestigingsmanager'];
