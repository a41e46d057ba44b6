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
  /**
   * The retention in machine-readable form (issue 16, ADR 0027): how long after which event the data of this activity
   * is kept. The retention job (src/platform/retention) computes each rule's cut-off from it. Like the text, part of
   * the published version: the migration runner stores it once and refuses a silently changed one.
   */
  retentionRule?: RetentionRule;
}

/** Events a retention term runs from; each retention rule of a module knows how to find it in its own data. */
export type RetentionEvent =
  | 'caseClosed'
  | 'consentEnded'
  | 'relationEnded'
  | 'monitorYearEnded'
  | 'requestAnswered'
  | 'recorded'
  | 'studyEnded'
  | 'programmeEnded';

/** ISO 8601 duration in whole years, months or days, e.g. P10Y, P6M, P30D. */
export type RetentionTerm = `P${number}${'Y' | 'M' | 'D'}`;

export interface RetentionRule {
  term: RetentionTerm;
  after: RetentionEvent;
}

const ruleCase: RetentionRule = { term: 'P10Y', after: 'caseClosed' };

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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: { term: 'P5Y', after: 'consentEnded' },
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: ruleCase,
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
    retentionRule: { term: 'P5Y', after: 'monitorYearEnded' },
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
    retentionRule: { term: 'P2Y', after: 'relationEnded' },
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
    retentionRule: ruleCase,
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
    retentionRule: { term: 'P5Y', after: 'requestAnswered' },
  },
  // Issue 16: PA-041 to PA-043 (reliability, retention and erasure).
  {
    id: 'PA-041',
    version: 1,
    nameNl: 'Bewaartermijnen uitvoeren: verlopen persoonsgegevens verwijderen of pseudonimiseren',
    nameEn: 'Applying retention periods: deleting or pseudonymising expired personal data',
    purpose:
      'Persoonsgegevens niet langer bewaren dan nodig: na de bewaartermijn van elke verwerking worden ze verwijderd of gepseudonimiseerd; vastgelegd wordt alleen hoeveel (aantallen, geen inhoud).',
    legalBasis: 'Art. 5 lid 1 sub e en art. 17 AVG, jo. de Archiefwet 1995 en de Selectielijst 2020',
    dataCategories: ['aantallen verwijderde en gepseudonimiseerde gegevens per soort'],
    retention: '7 jaar na de uitvoering (verantwoording)',
    retentionRule: { term: 'P7Y', after: 'recorded' },
  },
  {
    id: 'PA-042',
    version: 1,
    nameNl: 'Verzoek om gegevenswissing afhandelen (recht op vergetelheid)',
    nameEn: 'Handling an erasure request (right to be forgotten)',
    purpose:
      'De privacyfunctionaris handelt een verzoek van een inwoner om zijn gegevens te wissen af: gewist (gepseudonimiseerd) als de wet het toestaat, anders geweigerd met de wettelijke reden en de datum tot wanneer bewaard moet worden.',
    legalBasis: 'Art. 6 lid 1 sub c AVG jo. art. 17 AVG (lid 3 sub b: wettelijke bewaarplicht), Participatiewet en Archiefwet 1995',
    dataCategories: ['identificatie', 'BSN', 'besluit op het verzoek'],
    retention: '5 jaar na het besluit op het verzoek',
    retentionRule: { term: 'P5Y', after: 'requestAnswered' },
  },
  // Issue 15: events for partner systems (webhooks, ADR 0025) and partner systems' API clients (ADR 0032).
  {
    id: 'PA-039',
    version: 1,
    nameNl: 'Partnersystemen melden dat er iets veranderde (gebeurtenissen via webhooks)',
    nameEn: 'Notifying partner systems of changes (events through webhooks)',
    purpose:
      'Partnersystemen die met de inwoner samenwerken (re-integratiebedrijf, buurtteam) krijgen een melding als een plan verandert, een plaatsing is gemaakt of uitstroom is geregistreerd. De melding bevat geen persoonsgegevens, alleen kenmerken en een verwijzing die het partnersysteem met zijn eigen autorisatie ophaalt.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 7 en 10 Participatiewet en art. 62 Wet SUWI',
    dataCategories: ['kenmerk van het plan, de plaatsing of de uitstroom', 'soort gebeurtenis en tijdstip'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-040',
    version: 1,
    nameNl: 'Partnersystemen die de API gebruiken (OAuth2-clients)',
    nameEn: 'Partner systems using the API (OAuth2 clients)',
    purpose:
      'Een partnersysteem haalt met een eigen client (OAuth2 client credentials) en alleen de toegestane scopes gegevens op waarnaar een melding verwijst, zodat de partner niet opnieuw hoeft te vragen wat Samenplan al weet.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 7 en 10 Participatiewet en art. 62 Wet SUWI',
    dataCategories: ['kenmerk van het plan, de plaatsing of de uitstroom', 'status en data van het plan'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  // Issue 16 (second part): PA-054 (the processing log's own retention); PA-055 is not used.
  {
    id: 'PA-054',
    version: 1,
    nameNl: 'Logboek van verwerkingen bewaren en na de termijn opschonen',
    nameEn: 'Keeping the processing log and pruning it after its term',
    purpose:
      'Verantwoorden wie welke persoonsgegevens verwerkte (NEN 7513, Logboek Dataverwerkingen) zolang een dossier bewaard kan worden; daarna worden de oudste logregels verwijderd vanaf het begin van de keten, met een ondertekend controlepunt zodat de rest controleerbaar blijft.',
    legalBasis: 'Art. 5 lid 2 en art. 32 AVG (verantwoording en beveiliging), jo. art. 5 lid 1 sub e AVG',
    dataCategories: ['pseudoniemen van inwoners', 'medewerker', 'verwerkingsactiviteit', 'tijdstip'],
    retention: '10 jaar na de verwerking, daarna verwijderen',
    retentionRule: { term: 'P10Y', after: 'recorded' },
  },
  // Issue 14: studies (randomised policy experiments).
  {
    id: 'PA-033',
    version: 1,
    nameNl: 'Studie: toestemming, inschrijving en loting',
    nameEn: 'Study: consent, enrolment and allocation',
    purpose:
      'De gemeente onderzoekt met een gerandomiseerde studie welke aanpak werkt (bijv. Weten wat werkt): een inwoner doet na geïnformeerde toestemming mee, wordt door loting aan een groep toegewezen en krijgt de regels van die groep (contactnorm, sollicitatieplicht, inkomstenvrijlating).',
    legalBasis: 'Art. 6 lid 1 sub a AVG (toestemming van de inwoner) en sub e (taak van algemeen belang: art. 7 Participatiewet)',
    dataCategories: ['identificatie', 'toestemming', 'opleidingsniveau', 'wijk', 'studiegroep'],
    retention: '15 jaar na het einde van de studie (wetenschappelijke integriteit), daarna vernietigen',
    retentionRule: { term: 'P15Y', after: 'studyEnded' },
  },
  {
    id: 'PA-034',
    version: 1,
    nameNl: 'Studie: analyse van het effect per groep (geaggregeerd)',
    nameEn: 'Study: analysis of the effect per group (aggregated)',
    purpose:
      'Het effect van elke groep tegen de controlegroep op uitkomsten uit de eigen registratie (werk > 12 uur per week, vast contract, uren, uitstroom), alleen als aantallen, gemiddelden en schattingen.',
    legalBasis: 'Art. 6 lid 1 sub e AVG jo. art. 89 AVG (wetenschappelijk onderzoek met waarborgen)',
    dataCategories: ['studiegroep', 'werk', 'uitstroom'],
    retention: 'Geen bewaring van persoonsgegevens: alleen de geaggregeerde uitkomst',
    retentionRule: { term: 'P0D', after: 'recorded' },
  },
  {
    id: 'PA-035',
    version: 1,
    nameNl: 'Studie: gepseudonimiseerde dataset voor onderzoekers',
    nameEn: 'Study: pseudonymised data set for researchers',
    purpose:
      'Onderzoekers analyseren een studie met een gepseudonimiseerde dataset: per deelnemer een vast pseudoniem per studie, de groep, opleidingsniveau, wijk, leeftijdsgroep, huishouden en de uitkomsten; geen BSN, naam, adres of geboortedatum, data als maand, kleine cellen samengevoegd.',
    legalBasis: 'Art. 6 lid 1 sub e AVG jo. art. 89 AVG (wetenschappelijk onderzoek met waarborgen: pseudonimisering)',
    dataCategories: ['studiegroep', 'opleidingsniveau', 'wijk', 'leeftijdsgroep', 'huishouden', 'werk', 'uitstroom'],
    retention: 'Het logboek van de uitgifte: 15 jaar na het einde van de studie; de dataset zelf bewaart de onderzoeker onder de verwerkersafspraak',
    retentionRule: { term: 'P15Y', after: 'studyEnded' },
  },
  {
    id: 'PA-037',
    version: 1,
    nameNl: 'Import van inwoners uit de uitkeringsadministratie',
    nameEn: 'Import of residents from the benefit administration',
    purpose:
      'De functioneel beheerder neemt inwoners met een bijstandsuitkering over uit de export van de uitkeringsadministratie (Suite4Sociaal Domein, GWS4all, Socrates), zodat werkmatchers ze niet met de hand hoeven in te voeren; elke regel wordt eerst gecontroleerd.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'BSN', 'adres', 'contactgegevens', 'huishouden', 'opleidingsniveau', 'uitkering'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-038',
    version: 1,
    nameNl: 'Persoonsgegevens raadplegen in de BRP',
    nameEn: 'Looking up personal data in the BRP',
    purpose:
      'Werkmatchers halen naam, adres en gezinssamenstelling van een inwoner op uit de Basisregistratie Personen (Haal Centraal BRP Bevragen) bij het inschrijven of op verzoek, zodat Samenplan de juiste, actuele gegevens gebruikt.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 3.3 Wet BRP en art. 64 Participatiewet',
    dataCategories: ['BSN', 'naam', 'geboortedatum', 'adres', 'partner en kinderen (gezinssamenstelling)'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  // Issue 11: Mijn Samenplan, the resident's own portal. The resident is the actor (actor_role 'resident').
  {
    id: 'PA-020',
    version: 1,
    nameNl: 'Mijn Samenplan: de inwoner bekijkt zijn eigen plan, afspraken en contactpersoon',
    nameEn: 'My Samenplan: the resident views his own plan, appointments and contact person',
    purpose:
      'De inwoner ziet in zijn eigen omgeving wie hem helpt, zijn afspraken en zijn plan, zodat hij zelf de regie houdt.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'contactpersoon', 'afspraken', 'plan'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-021',
    version: 1,
    nameNl: 'Mijn Samenplan: de inwoner werkt zijn eigen plan en afspraken bij',
    nameEn: 'My Samenplan: the resident updates his own plan and appointments',
    purpose:
      'De inwoner bevestigt of verzet een afspraak, zet zijn eigen acties op klaar, stelt een eigen doel voor en stemt in met het plan.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'afspraken', 'plan', 'acties'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-022',
    version: 1,
    nameNl: 'Berichten tussen de inwoner en zijn contactpersoon',
    nameEn: 'Messages between the resident and his contact person',
    purpose: 'Een beveiligd gesprek binnen Samenplan tussen de inwoner en zijn vaste contactpersoon.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'berichten'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-023',
    version: 1,
    nameNl: 'Mijn Samenplan: toestemmingen bekijken, geven en intrekken',
    nameEn: 'My Samenplan: viewing, giving and withdrawing consents',
    purpose: 'De inwoner bepaalt zelf welke organisatie mag meekijken in zijn plan, en trekt die toestemming in wanneer hij wil.',
    legalBasis: 'Art. 6 lid 1 sub a en art. 7 AVG (toestemming en het intrekken daarvan)',
    dataCategories: ['identificatie', 'toestemming'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-024',
    version: 1,
    nameNl: 'Mijn Samenplan: inzage in wie het dossier bekeek en alle eigen gegevens downloaden',
    nameEn: 'My Samenplan: seeing who looked at the file and downloading all own data',
    purpose:
      'De inwoner ziet zelf wie zijn dossier bekeek (NEN 7513) en downloadt alles wat Samenplan over hem bewaart (recht van inzage).',
    legalBasis: 'Art. 6 lid 1 sub c AVG jo. art. 15 AVG (recht van inzage)',
    dataCategories: ['identificatie', 'BSN', 'plan', 'afspraken', 'toestemming', 'logboek'],
    retention: '5 jaar na het beantwoorden van het verzoek',
    retentionRule: { term: 'P5Y', after: 'requestAnswered' },
  },
  // Issue 11 (second part): the resident's own work wishes and his answers to proposals.
  {
    id: 'PA-044',
    version: 1,
    nameNl: 'Mijn Samenplan: de inwoner vult zijn werkwensen in en beantwoordt voorstellen',
    nameEn: 'My Samenplan: the resident fills in his work wishes and answers proposals',
    purpose:
      'De inwoner vult zelf zijn werkprofiel in (dat telt mee bij het zoeken naar passend werk) en zegt zelf ja of nee tegen een vacature die zijn werkmatcher voorstelt.',
    legalBasis: participatiewet,
    dataCategories: ['identificatie', 'werkprofiel', 'beschikbaarheid', 'vaardigheden', 'opleiding', 'voorstellen'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-028',
    version: 1,
    nameNl: 'Zoektermijn jongeren: melding, aftellen, zoekactiviteiten en eerder behandelen',
    nameEn: 'Search period for young people: report, countdown, search activities and earlier handling',
    purpose:
      'Voor jongeren onder de 27 de zoektermijn van vier weken bijhouden vanaf de melding: wanneer hij eindigt, wat de jongere in die weken deed, een herinnering aan de werkmatcher vóór het einde, en het besluit de aanvraag eerder te behandelen met de reden.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 41 lid 4 en lid 11 Participatiewet',
    dataCategories: ['identificatie', 'geboortedatum', 'meldingsdatum', 'zoekactiviteiten', 'besluit eerder behandelen'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-029',
    version: 1,
    nameNl: 'Ontheffing van de zoektermijn met vier-ogencontrole',
    nameEn: 'Exemption from the search period with a four-eyes check',
    purpose:
      'Een werkmatcher stelt een ontheffing van de zoektermijn voor met wettelijke grondslag en reden; een senior werkmatcher (een ander) bevestigt of stuurt terug. Het ontheffingspercentage per maand en team wordt geteld, kleine aantallen onderdrukt.',
    legalBasis: 'Art. 6 lid 1 sub e en art. 9 lid 2 sub b AVG, jo. art. 41 lid 4 Participatiewet',
    dataCategories: ['identificatie', 'redencategorie', 'toelichting (kan gezondheid of zorg betreffen)', 'besluit en beoordelaar'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-030',
    version: 1,
    nameNl: 'Warme overdracht naar Team Jongeren en de individuele intake',
    nameEn: 'Warm handover to Team Jongeren and the individual intake',
    purpose:
      'Een partner (jeugdzorg, school/RMC, buurtteam, zorg, wonen, jeugdreclassering) draagt een jongere warm over met de context en de toestemming van de jongere; de begeleider wordt uitgenodigd voor de individuele intake, waarvan het verslag het plan start.',
    legalBasis: 'Art. 6 lid 1 sub a en e AVG (toestemming van de jongere), jo. art. 7 lid 1 Participatiewet',
    dataCategories: ['identificatie', 'context van de overdracht (kan zorg betreffen)', 'toestemming', 'urgentie', 'naam en e-mail van de begeleider'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-031',
    version: 1,
    nameNl: 'Maatwerkvoorzieningen voor jongeren: aanvraag, onderbouwing, goedkeuring en betaling',
    nameEn: 'Custom provisions for young people: request, justification, approval and payment',
    purpose:
      'Werkmatchers vragen een maatwerkvoorziening aan (bijvoorbeeld een laptop en boeken voor een opleiding), met de regelruimte en waarom het helpt; boven een bedrag keurt een tweede persoon goed; de betaling wordt vastgelegd en het budget per team bijgehouden.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 10 en art. 35 Participatiewet',
    dataCategories: ['identificatie', 'soort en bedrag van de voorziening', 'onderbouwing', 'goedkeuring en betaling'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  // Issue 13 (session 2026-12-07): case reviews, transition moments and the yearly council letter of Team Jongeren.
  {
    id: 'PA-048',
    version: 1,
    nameNl: 'Casuïstiekoverleg en afstemmingsoverleg Team Jongeren',
    nameEn: 'Case consultation and alignment meetings of Team Jongeren',
    purpose:
      'Een jongere op de agenda van het casuïstiekoverleg (elke 2 weken) of afstemmingsoverleg (elke 3 weken) zetten met een vraag en de partners die deelnemen (alleen met toestemming van de jongere), de bespreking en het besluit vastleggen, en de afgesproken acties in het plan zetten.',
    legalBasis: 'Art. 6 lid 1 sub a en e AVG (toestemming voor partners), jo. art. 7 lid 1 en art. 10 Participatiewet',
    dataCategories: ['identificatie', 'vraag aan het overleg', 'deelnemende partners', 'bespreking en besluit (kan zorg betreffen)', 'afgesproken acties'],
    retention: retentionCase,
    retentionRule: ruleCase,
  },
  {
    id: 'PA-049',
    version: 1,
    nameNl: 'Overgangsmomenten van jongeren (18 na jeugdzorg, school zonder startkwalificatie, uit residentiële jeugdzorg, 27)',
    nameEn: 'Transition moments of young people (18 after youth care, leaving school without basic qualification, leaving residential care, 27)',
    purpose:
      'Uit de geboortedatum en de gegevens van warme overdrachten afleiden welke jongeren voor een overgang staan, zodat de werkmatcher op tijd de juiste partner betrekt.',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 7 lid 1 Participatiewet',
    dataCategories: ['identificatie', 'geboortedatum', 'soort en datum van de warme overdracht'],
    retention: 'Niet bewaard: elke keer opnieuw afgeleid uit gegevens die onder PA-028 en PA-030 vallen',
    retentionRule: { term: 'P0D', after: 'recorded' },
  },
  {
    id: 'PA-032',
    version: 1,
    nameNl: 'Jaarlijkse opgave jongvolwassenen aan de gemeenteraad (geaggregeerd)',
    nameEn: 'Yearly council letter on young adults (aggregated)',
    purpose:
      'Per jaar en wijk de aantallen jongeren, zoektermijnen, ontheffingen met reden, uitstroom naar werk en opleiding en maatwerkvoorzieningen voor de raad, met cellen onder 10 onderdrukt (ook tegen terugrekenen uit totalen).',
    legalBasis: 'Art. 6 lid 1 sub e AVG, jo. art. 169 Gemeentewet (informatieplicht aan de raad)',
    dataCategories: ['geaggregeerde aantallen per wijk'],
    retention: 'Geen bewaring van persoonsgegevens: alleen de geaggregeerde uitkomst',
    retentionRule: { term: 'P0D', after: 'recorded' },
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
    retentionRule: ruleCase,
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
    retentionRule: { term: 'P7Y', after: 'programmeEnded' },
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
    retentionRule: { term: 'P7Y', after: 'programmeEnded' },
  },
] as const satisfies readonly ProcessingActivity[];

export type ProcessingActivityId = (typeof processingActivities)[number]['id'];

export function activity(id: ProcessingActivityId): ProcessingActivity {
  const found = [...processingActivities].filter((a) => a.id === id).sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`unknown processing activity ${id}`);
  return found;
}
