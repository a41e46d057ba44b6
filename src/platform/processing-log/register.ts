/**
 * Register of processing activities (verwerkingsactiviteiten, art. 30 AVG) shipped with the app.
 * Published versions never change: to change an activity, add a new version. The migration runner
 * syncs this list into the processing_activities table and refuses a silently edited version.
 */
export interface ProcessingActivity {
  id: string;
  version: number;
  nameNl: string;
  nameEn: string;
  purpose: string;
  legalBasis: string;
  dataCategories: string[];
  retention: string;
}

const participatiewet =
  'Art. 6 lid 1 sub c en e AVG, jo. art. 7, 10 en 44 Participatiewet en art. 62 Wet SUWI';
const retentionCase =
  '10 jaar na beëindiging van de dienstverlening (Selectielijst gemeentelijke en intergemeentelijke organen 2020)';

export const processingActivities = [
  {
    id: 'PA-001',
    version: 1,
    nameNl: 'Begeleiding naar werk: dossier van een inwoner inzien en bijhouden',
    nameEn: 'Guidance towards work: viewing and keeping the file of a resident',
    purpose: 'Inwoners met bijstand begeleiden naar werk, opleiding of meedoen, met een vast aanspreekpunt.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'contactgegevens', 'adres', 'huishouden', 'opleiding', 'uitkering', 'contactmomenten'],
    retention: retentionCase,
  },
  {
    id: 'PA-002',
    version: 1,
    nameNl: 'Caseload bekijken en inwoners zoeken',
    nameEn: 'Viewing a caseload and searching residents',
    purpose: 'Werkmatchers en teamleiders zien welke inwoners zij begeleiden en wie aandacht nodig heeft.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'uitkering', 'contactmomenten'],
    retention: retentionCase,
  },
  {
    id: 'PA-003',
    version: 1,
    nameNl: 'Vast aanspreekpunt toewijzen en warm overdragen',
    nameEn: 'Assigning a fixed contact person and handing over',
    purpose: 'Elke inwoner heeft een vaste, vertrouwde contactpersoon; bij wisseling gaat de context mee.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'overdrachtsnotitie'],
    retention: retentionCase,
  },
  {
    id: 'PA-004',
    version: 1,
    nameNl: 'Toestemming om te delen met het buurtteam vastleggen',
    nameEn: 'Recording consent to share with the neighbourhood team',
    purpose: 'Vastleggen welke organisatie van de inwoner mag meekijken, waarvoor en hoe lang.',
    legalBasis: 'Art. 6 lid 1 sub a en art. 7 AVG (toestemming van de inwoner)',
    dataCategories: ['identificatie', 'toestemming'],
    retention: '5 jaar na intrekken of verlopen van de toestemming',
  },
  {
    id: 'PA-005',
    version: 1,
    nameNl: 'Samenwerken met het buurtteam aan één plan',
    nameEn: 'Working with the neighbourhood team on one plan',
    purpose: 'Buurtteamprofessionals zien de gedeelde delen van het dossier van inwoners die daar toestemming voor gaven.',
    legalBasis: 'Art. 6 lid 1 sub a AVG (toestemming van de inwoner)',
    dataCategories: ['identificatie', 'contactgegevens', 'contactpersoon'],
    retention: retentionCase,
  },
  {
    id: 'PA-006',
    version: 1,
    nameNl: 'Burgerservicenummer tonen',
    nameEn: 'Showing the citizen service number',
    purpose: 'Het BSN is nodig om gegevens uit te wisselen met de uitkeringsadministratie en ketenpartners.',
    legalBasis: 'Art. 10 Wet algemene bepalingen burgerservicenummer jo. art. 6 lid 1 sub e AVG',
    dataCategories: ['BSN'],
    retention: retentionCase,
  },
  {
    id: 'PA-007',
    version: 1,
    nameNl: 'Inzage in het logboek van verwerkingen',
    nameEn: 'Inspecting the processing log',
    purpose: 'Controleren wie welke gegevens van een inwoner heeft verwerkt en waarom (toezicht en inzageverzoeken).',
    legalBasis: 'Art. 5 lid 2, art. 15 en art. 39 AVG',
    dataCategories: ['identificatie', 'logboek'],
    retention: retentionCase,
  },
  {
    id: 'PA-008',
    version: 1,
    nameNl: 'Integrale diagnose: Zelfredzaamheid-Matrix, participatieladder en belemmeringen',
    nameEn: 'Integrated assessment: self-sufficiency matrix, participation ladder and barriers',
    purpose: 'Samen met de inwoner en het buurtteam in beeld brengen wat er speelt en wat de stap naar werk in de weg staat.',
    legalBasis: 'Art. 6 lid 1 sub e AVG jo. art. 7 en 44 Participatiewet; voor het buurtteam art. 6 lid 1 sub a en art. 9 lid 2 sub a AVG (uitdrukkelijke toestemming)',
    dataCategories: ['identificatie', 'zelfredzaamheid', 'gezondheid (bijzonder persoonsgegeven)', 'schulden', 'belemmeringen'],
    retention: retentionCase,
  },
  {
    id: 'PA-009',
    version: 1,
    nameNl: 'Eén plan: doelen en acties maken en bijhouden',
    nameEn: 'One plan: making and keeping goals and actions',
    purpose: 'Eén gedeeld plan van inwoner, werkmatcher en buurtteam, met wie wat doet en wanneer.',
    legalBasis: 'Art. 6 lid 1 sub e AVG jo. art. 44a Participatiewet (plan van aanpak); voor het buurtteam art. 6 lid 1 sub a AVG (toestemming)',
    dataCategories: ['identificatie', 'doelen', 'acties', 'afspraken'],
    retention: retentionCase,
  },
  {
    id: 'PA-010',
    version: 1,
    nameNl: 'Gesprekken plannen en verslaan (intake, 3-gesprek, vervolggesprek, huisbezoek)',
    nameEn: 'Scheduling and reporting meetings (intake, three-way meeting, follow-up, home visit)',
    purpose: 'Afspraken met de inwoner en het buurtteam plannen, uitnodigen en vastleggen wat is besproken en afgesproken.',
    legalBasis: 'Art. 6 lid 1 sub e AVG jo. art. 7 en 44a Participatiewet; voor het buurtteam art. 6 lid 1 sub a AVG (toestemming)',
    dataCategories: ['identificatie', 'contactgegevens', 'afspraken', 'gespreksverslag'],
    retention: retentionCase,
  },
  {
    id: 'PA-011',
    version: 1,
    nameNl: 'Werklijst en contactgarantie',
    nameEn: 'Worklist and contact guarantee',
    purpose: 'Werkmatchers zien welke acties en gesprekken aandacht vragen en wie te lang geen contact had.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'contactmomenten', 'acties', 'afspraken'],
    retention: retentionCase,
  },
  {
    id: 'PA-012',
    version: 1,
    nameNl: 'Caseloads verdelen en inhaalslag',
    nameEn: 'Dividing caseloads and catch-up campaigns',
    purpose: 'Teamleiders verdelen inwoners over werkmatchers en zorgen dat iedereen die lang in de bijstand zit weer gesproken wordt.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'uitkering', 'contactmomenten', 'overdrachtsnotitie'],
    retention: retentionCase,
  },
  {
    id: 'PA-013',
    version: 1,
    nameNl: 'Werkprofiel bijhouden en passend werk zoeken (matching)',
    nameEn: 'Keeping the work profile and finding fitting work (matching)',
    purpose:
      'Werkmatchers zoeken met een uitlegbare, niet-discriminerende score vacatures die passen bij uren, vaardigheden en reisafstand van een inwoner; een mens beslist.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'werkprofiel', 'beschikbaarheid', 'vaardigheden', 'opleiding', 'matchscore'],
    retention: retentionCase,
  },
  {
    id: 'PA-014',
    version: 1,
    nameNl: 'Kandidaat anoniem voorstellen aan een werkgever en identiteit vrijgeven',
    nameEn: 'Presenting a candidate anonymously to an employer and revealing identity',
    purpose:
      'Werkgeversadviseurs stellen een kandidaat zonder naam, leeftijd, geslacht, adres of afkomst voor; de identiteit gaat pas naar de werkgever na toestemming van de inwoner en een toezegging voor een gesprek.',
    legalBasis: participatiewet,
    dataCategories: ['werkprofiel', 'vaardigheden', 'toestemming', 'identificatie (na vrijgave)'],
    retention: retentionCase,
  },
  {
    id: 'PA-015',
    version: 1,
    nameNl: 'Plaatsing en nazorg',
    nameEn: 'Placement and follow-up',
    purpose: 'Plaatsingen bij werkgevers vastleggen, de uitstroom op de zaak bijhouden en nazorg geven na 1, 3, 6 en 12 maanden.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'dienstverband', 'loon', 'uitstroom', 'nazorg'],
    retention: retentionCase,
  },
  {
    id: 'PA-016',
    version: 1,
    nameNl: 'Monitor eerlijke matching (geaggregeerd)',
    nameEn: 'Fairness monitor for matching (aggregated)',
    purpose:
      'Beleidsmedewerkers controleren dat de matching niet discrimineert: alleen tellingen per groep, cellen onder de 10 onderdrukt; groepsgegevens worden nooit gebruikt voor de score.',
    legalBasis: 'Art. 6 lid 1 sub e en art. 9 lid 2 sub g AVG, jo. art. 1 Grondwet en art. 10 Uitvoeringswet AVG',
    dataCategories: ['leeftijdsgroep', 'huishouden', 'geslacht (vrijwillig)', 'migratieachtergrond (vrijwillig)', 'matchuitkomsten'],
    retention: '5 jaar na het jaar van de monitor (verantwoording algoritmegebruik)',
  },
  {
    id: 'PA-017',
    version: 1,
    nameNl: 'Werkgeversdienstverlening: werkgevers, contactpersonen en afspraken',
    nameEn: 'Employer services: employers, contacts and agreements',
    purpose: 'Werkgeversadviseurs onderhouden relaties met werkgevers, vacatures en afspraken over plaatsingen.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 7 lid 1 sub a Participatiewet',
    dataCategories: ['naam contactpersoon', 'functie', 'zakelijke contactgegevens'],
    retention: '2 jaar na het einde van de relatie met de werkgever',
  },
  {
    id: 'PA-018',
    version: 1,
    nameNl: 'Werklijst van de buurtteamprofessional',
    nameEn: 'Worklist of the neighbourhood team professional',
    purpose:
      'Buurtteamprofessionals zien hun open acties in gedeelde plannen, hun 3-gesprekken en welke toestemmingen binnenkort aflopen, alleen van inwoners die hun organisatie toestemming gaven.',
    legalBasis: 'Art. 6 lid 1 sub a AVG (toestemming van de inwoner)',
    dataCategories: ['identificatie', 'acties', 'afspraken', 'toestemming'],
    retention: retentionCase,
  },
  {
    id: 'PA-019',
    version: 1,
    nameNl: 'Inzageverzoek beantwoorden: overzicht van verwerkingen voor een inwoner',
    nameEn: 'Answering a subject access request: overview of processing for a resident',
    purpose:
      'De privacyfunctionaris geeft een inwoner op zijn verzoek een overzicht van alles wat het logboek over hem zegt: wie, wanneer, welke verwerking en waarom.',
    legalBasis: 'Art. 6 lid 1 sub c AVG jo. art. 15 AVG (recht van inzage)',
    dataCategories: ['identificatie', 'BSN', 'logboek'],
    retention: '5 jaar na het beantwoorden van het verzoek',
  },
  {
    id: 'PA-025',
    version: 1,
    nameNl: 'Uitstroom uit de bijstand, parttime werk en terugkeer',
    nameEn: 'Outflow from benefit, partial work and return to benefit',
    purpose:
      'Werkmatchers registreren waarom en wanneer een inwoner uit de bijstand stroomt (werk, opleiding, ander inkomen, verhuizing, partner), leggen parttime werk naast de uitkering per maand vast en zien of iemand binnen 12 maanden terugkeert.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'uitkering', 'uitstroomreden', 'dienstverband', 'uren en inkomsten'],
    retention: retentionCase,
  },
  {
    id: 'PA-026',
    version: 1,
    nameNl: 'Voortgang van programma\'s (geaggregeerd)',
    nameEn: 'Programme progress (aggregated)',
    purpose:
      'Beleidsmedewerkers volgen de voortgang van programma\'s zoals Werkbeweging: uitstroom tegen de basislijn, per wijk en groep, kosten per uitkomst en KPI\'s per actielijn. Alleen tellingen, cellen onder de 10 onderdrukt, ook tegen afleiden uit totalen.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 7 lid 1 Participatiewet en art. 212 Gemeentewet (verantwoording aan de raad)',
    dataCategories: ['geaggregeerde uitstroom', 'leeftijdsgroep', 'huishouden', 'opleidingsniveau', 'duur in de bijstand', 'wijk'],
    retention: '7 jaar na het einde van het programma (archief raadsinformatie)',
  },
  {
    id: 'PA-027',
    version: 1,
    nameNl: 'Raadsrapportage en maandstanden van programma\'s',
    nameEn: 'Council report and monthly snapshots of programmes',
    purpose: 'De gemeenteraad krijgt per periode een toegankelijke rapportage met bevroren maandcijfers (alleen tellingen, kleine aantallen onderdrukt).',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 169 en 212 Gemeentewet',
    dataCategories: ['geaggregeerde uitstroom', 'KPI\'s per actielijn', 'uitgaven'],
    retention: '7 jaar na het einde van het programma (archief raadsinformatie)',
  },
] as const satisfies readonly ProcessingActivity[];

export type ProcessingActivityId = (typeof processingActivities)[number]['id'];

export function activity(id: ProcessingActivityId): ProcessingActivity {
  const found = [...processingActivities].filter((a) => a.id === id).sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`unknown processing activity ${id}`);
  return found;
}
