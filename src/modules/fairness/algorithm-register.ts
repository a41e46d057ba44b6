import { MATCHER_VERSION, PROTECTED_ATTRIBUTES, SCORING_FEATURES } from '../matching/matcher.features.ts';
import type { AlgorithmRegisterEntry } from './fairness.schema.ts';
import { FOUR_FIFTHS, MINIMUM_CELL_SIZE } from './fairness.rules.ts';

/**
 * The matcher's entry for the Algoritmeregister van de Nederlandse overheid, following the fields of the publication
 * standard (name, organisation, short description, status, goal and impact, proportionality, human intervention,
 * data and sources, legal basis, impact assessments, risk management, links, contact). Built from
 * matcher.features.ts, so the published list of data used is the list the scoring reads. Pure: no personal data.
 */

type ProtectedAttribute = (typeof PROTECTED_ATTRIBUTES)[number];

const ORIGIN = 'Verboden onderscheid naar ras en nationaliteit (art. 1 Grondwet, Algemene wet gelijke behandeling); gegevens over etnische afkomst zijn bijzondere persoonsgegevens (art. 9 AVG).';
const AGE = 'Verboden onderscheid naar leeftijd bij werk (Wet gelijke behandeling op grond van leeftijd bij de arbeid). De leeftijd telt niet mee, ook niet via het geboortejaar.';
const SEX = 'Verboden onderscheid naar geslacht (art. 1 Grondwet, Algemene wet gelijke behandeling).';
const PLACE = 'Een wijk of postcode is een bekende vervanger (proxy) voor afkomst en inkomen; SyRI richtte zich op "probleemwijken". De postcode wordt alleen gebruikt om de afstand te berekenen voor het maximum dat de inwoner zelf opgeeft.';
const HEALTH = 'Gezondheid is een bijzonder persoonsgegeven (art. 9 AVG); onderscheid naar handicap of chronische ziekte is verboden (Wet gelijke behandeling op grond van handicap of chronische ziekte). Aanpassingen aan werk bespreekt de werkmatcher met de inwoner en de werkgever.';

const EXCLUSION_REASONS: Record<ProtectedAttribute, string> = {
  age: AGE,
  dateOfBirth: AGE,
  birthYear: AGE,
  gender: SEX,
  sex: SEX,
  nationality: ORIGIN,
  origin: ORIGIN,
  migrationBackground: `${ORIGIN} Migratieachtergrond wordt alleen vrijwillig en los van de matcher vastgelegd, voor de eerlijkheidsmonitor.`,
  ethnicity: ORIGIN,
  countryOfBirth: ORIGIN,
  language: 'Taal is een vervanger (proxy) voor afkomst; het algoritme van Rotterdam (2021) gebruikte taalvaardigheid en discrimineerde daardoor.',
  nativeLanguage: 'Moedertaal is een vervanger (proxy) voor afkomst.',
  religion: 'Verboden onderscheid naar godsdienst (art. 1 Grondwet, Algemene wet gelijke behandeling); bijzonder persoonsgegeven (art. 9 AVG).',
  neighbourhood: PLACE,
  area: PLACE,
  areaId: PLACE,
  postcode: PLACE,
  address: PLACE,
  health: HEALTH,
  disability: HEALTH,
  householdType: 'Het huishouden is een vervanger (proxy) voor geslacht en leeftijd (de meeste alleenstaande ouders zijn vrouwen) en voor burgerlijke staat (Algemene wet gelijke behandeling).',
  name: 'Een naam is een vervanger (proxy) voor afkomst en geslacht. De werkgever ziet de naam pas na toestemming van de inwoner en een toegezegd gesprek.',
  photo: 'Een foto toont uiterlijk, en daarmee vaak afkomst, leeftijd en geslacht.',
};

export interface RegisterInput {
  /** The caller's municipality, e.g. "Gemeente Utrecht". */
  organisation: string;
  /** The date of this publication (YYYY-MM-DD). */
  date: string;
}

export function registerFileName(version = MATCHER_VERSION): string {
  return `algoritmeregister-matcher-${version.replace(/[^A-Za-z0-9.-]+/g, '-')}.json`;
}

export function algorithmRegisterEntry({ organisation, date }: RegisterInput): AlgorithmRegisterEntry {
  const soft = SCORING_FEATURES.filter((f) => f.kind === 'soft');
  const hard = SCORING_FEATURES.filter((f) => f.kind === 'hard');
  const totalPoints = soft.reduce((sum, f) => sum + f.maxPoints, 0);
  return {
    standard: { name: 'Algoritmeregister publicatiestandaard', version: '1.0', url: 'https://algoritmes.overheid.nl' },
    language: 'nl',
    name: 'Samenplan matcher: passend werk zoeken voor werkzoekenden in de bijstand',
    organisation,
    department: 'Werk en Inkomen',
    descriptionShort:
      'De matcher zoekt vacatures die passen bij het werkprofiel van een inwoner met bijstand (uren, beschikbare tijden, reisafstand, beroep en vaardigheden), en omgekeerd inwoners bij een vacature. ' +
      'Hij geeft een score met uitleg per onderdeel. Een werkmatcher beslist of hij een vacature voorstelt; de inwoner beslist of hij wil.',
    type: 'Regelgebaseerd algoritme: harde voorwaarden en een gewogen puntentelling. Geen zelflerend model, geen risicoprofilering.',
    category: ['Werk en inkomen', 'Sociale zekerheid'],
    publicationCategory: 'Impactvol algoritme',
    status: 'in gebruik',
    goal:
      'Inwoners met bijstand sneller en beter aan passend werk helpen (art. 7 Participatiewet), zodat zij minder afhankelijk worden van een uitkering. ' +
      'De matcher helpt de werkmatcher om in het hele vacatureaanbod te zoeken, in plaats van alleen in vacatures die hij toevallig kent.',
    impact:
      'Inwoners krijgen vacatures voorgesteld die passen bij wat zij zelf willen en kunnen, bijvoorbeeld binnen schooltijden. ' +
      'De score bepaalt alleen de volgorde van een lijst voor de werkmatcher; er volgt geen besluit, sanctie of verplichting uit. ' +
      'Een slecht passende score kan er wel toe leiden dat een inwoner een vacature minder snel te zien krijgt: daarom meet de eerlijkheidsmonitor per groep wie vacatures te zien krijgt.',
    proportionality:
      'De matcher gebruikt alleen gegevens uit het werkprofiel dat de inwoner samen met de werkmatcher invult, en gegevens van de vacature. ' +
      'Hij gebruikt geen beschermde kenmerken of vervangers daarvan (zie uitgesloten kenmerken). ' +
      'Het alternatief, handmatig zoeken, blijft mogelijk; de matcher vervangt het oordeel van de werkmatcher niet. ' +
      'De voordelen (meer en beter passende vacatures, uitlegbaar) wegen op tegen de risico’s, die met de maatregelen hieronder beperkt en gemeten worden.',
    decisionMaking:
      'De matcher maakt een lijst met scores en uitleg. Een werkmatcher bekijkt de lijst en beslist zelf of hij een vacature aan een inwoner voorstelt, met een eigen toelichting. ' +
      'De inwoner stemt in of weigert. Pas na instemming kan de werkgeversadviseur de kandidaat anoniem aan de werkgever voorstellen. ' +
      'De matcher neemt geen besluit over de uitkering; zo’n besluit neemt de gemeente alleen apart, met bezwaar en beroep.',
    humanIntervention:
      'Een werkmatcher beslist; de inwoner stemt in; de werkgever ziet pas na toestemming wie het is. ' +
      'De werkgever ziet eerst een anoniem profiel (zonder naam, leeftijd, geslacht, adres of afkomst); de identiteit wordt pas vrijgegeven als de inwoner heeft ingestemd en de werkgever een gesprek heeft toegezegd. ' +
      'Bij elk voorstel worden de score, de uitleg en de versie van de matcher bewaard, zodat later na te gaan is waarom iets is voorgesteld.',
    methodsAndModels:
      `Eerst de harde voorwaarden: ${hard.map((f) => f.nameNl.toLowerCase()).join('; ')}. Alleen vacatures en inwoners die aan alle harde voorwaarden voldoen, komen in de lijst. ` +
      `Daarna punten (samen maximaal ${totalPoints}): ${soft.map((f) => `${f.nameNl.toLowerCase()} (max. ${f.maxPoints})`).join('; ')}. ` +
      'De lijst is gesorteerd op score en daarna vast (dezelfde invoer geeft altijd dezelfde volgorde). Bij elke score staat per onderdeel hoeveel punten het opleverde en waarom.',
    data: SCORING_FEATURES.map((f) => ({
      key: f.key,
      name: f.nameNl,
      nameEn: f.nameEn,
      kind: f.kind,
      use: f.kind === 'hard' ? 'Harde voorwaarde (filtert, geeft geen punten)' : `Geeft maximaal ${f.maxPoints} punten`,
      maxPoints: f.maxPoints,
      source: f.sourceNl,
    })),
    excludedAttributes: PROTECTED_ATTRIBUTES.map((attribute) => ({ attribute, reason: EXCLUSION_REASONS[attribute] })),
    excludedAttributesNote:
      'Deze kenmerken en hun vervangers zijn nooit invoer voor de score. Een geautomatiseerde test faalt als een ervan in de invoer van de score verschijnt. ' +
      'Gegevens over geslacht en migratieachtergrond staan, als de inwoner ze vrijwillig geeft, in een aparte tabel die alleen de eerlijkheidsmonitor leest.',
    legalBasis: [
      { title: 'Participatiewet, art. 7 (arbeidsinschakeling) en art. 10 (ondersteuning bij arbeidsinschakeling)', url: 'https://wetten.overheid.nl/BWBR0015703' },
      { title: 'Wet structuur uitvoeringsorganisatie werk en inkomen (Wet SUWI), art. 62', url: 'https://wetten.overheid.nl/BWBR0013060' },
      { title: 'Algemene verordening gegevensbescherming, art. 6 lid 1 sub e en art. 22 (geen uitsluitend geautomatiseerd besluit)', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
      { title: 'Algemene wet gelijke behandeling en art. 1 Grondwet (verbod op discriminatie)', url: 'https://wetten.overheid.nl/BWBR0006502' },
    ],
    impactAssessments: [
      {
        title: 'Gegevensbeschermingseffectbeoordeling (DPIA, art. 35 AVG)',
        description: 'De gemeente voert een DPIA uit voordat zij de matcher gebruikt, en herhaalt die bij elke nieuwe hoofdversie van de matcher.',
      },
      {
        title: 'Impact Assessment Mensenrechten en Algoritmes (IAMA)',
        description: 'De gemeente bespreekt met werkmatchers, inwoners en werkgevers of de matcher grondrechten raakt, vooral gelijke behandeling. De uitkomst en de maatregelen staan in dit register.',
      },
    ],
    risks: [
      {
        risk: 'Discriminatie via beschermde kenmerken of vervangers daarvan (lessen van SyRI, 2020, en het bijstandsalgoritme van Rotterdam, 2021).',
        mitigation: 'Beschermde kenmerken en vervangers (zoals wijk, postcode, taal, huishouden en naam) zijn uitgesloten als invoer; een test bewaakt dat. De matcher is regelgebaseerd en volledig uitlegbaar.',
      },
      {
        risk: 'Ongelijke uitkomsten, ook zonder beschermde kenmerken als invoer (indirecte discriminatie).',
        mitigation:
          `De eerlijkheidsmonitor telt per groep (leeftijdsgroep, huishouden en, alleen als vrijwillig opgegeven, geslacht en migratieachtergrond) hoeveel inwoners vacatures te zien krijgen, een voorstel, een gesprek en een plaatsing. ` +
          `Een groep krijgt een waarschuwing als haar aandeel lager is dan ${FOUR_FIFTHS} keer dat van de groep met het hoogste aandeel (de vier-vijfderegel). Beleidsmedewerkers bespreken elke waarschuwing.`,
      },
      {
        risk: 'Herleidbaarheid van personen in de monitor.',
        mitigation: `De monitor toont alleen aantallen per groep. Elk aantal onder de ${MINIMUM_CELL_SIZE} wordt onderdrukt en die groep telt niet mee in de vergelijking.`,
      },
      {
        risk: 'Vooroordelen bij de werkgever op basis van naam, leeftijd of afkomst.',
        mitigation: 'De werkgever ziet eerst een anoniem profiel met een kandidaatcode; de identiteit volgt pas na instemming van de inwoner en een toegezegd gesprek. Elke vrijgave wordt vastgelegd in het verwerkingenlogboek.',
      },
      {
        risk: 'Blind vertrouwen op de score (automation bias).',
        mitigation: 'De score is een hulpmiddel voor de volgorde; de uitleg per onderdeel staat erbij. De werkmatcher beslist en kan ook vacatures voorstellen die niet bovenaan staan. De inwoner stemt zelf in met een voorstel.',
      },
    ],
    monitoring:
      'De eerlijkheidsmonitor in Samenplan rekent per periode en per groep de aantallen en aandelen uit, met onderdrukking van kleine aantallen en de vier-vijfderegel. ' +
      'Bij elk voorstel worden score, uitleg en matcherversie bewaard. Een nieuwe versie van de matcher krijgt een nieuw versienummer en een bijgewerkte vermelding in dit register.',
    objectionProcedure:
      'Een voorstel van de matcher is geen besluit en kan dus niet worden aangevochten; de inwoner kan een voorstel weigeren en een besluit over de uitkering volgt er niet uit. Vragen of klachten over de matcher kunnen bij de gemeente worden gemeld (klachtenregeling, Algemene wet bestuursrecht hoofdstuk 9). ' +
      'Inwoners kunnen inzage vragen in hun gegevens en in het verwerkingenlogboek (art. 15 AVG).',
    provider: 'Samenplan (open source, EUPL-1.2), beheerd door de gemeente',
    links: [
      { title: 'Algoritmeregister van de Nederlandse overheid', url: 'https://algoritmes.overheid.nl' },
      { title: 'Uitspraak SyRI, Rechtbank Den Haag, 5 februari 2020 (ECLI:NL:RBDHA:2020:865)', url: 'https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:RBDHA:2020:865' },
      { title: 'Rekenkamer Rotterdam, Gekleurde technologie (2021), over het bijstandsalgoritme van Rotterdam', url: null },
      { title: 'ESCO-classificatie van de Europese Commissie (beroepen)', url: 'https://esco.ec.europa.eu' },
    ],
    contact: `${organisation}, team Werk en Inkomen`,
    version: MATCHER_VERSION,
    date,
  };
}
