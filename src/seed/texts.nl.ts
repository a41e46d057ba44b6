/** Dutch texts for seeded history: contact summaries, handover notes, consent purposes. All fictitious. */

export type Channel = 'inPerson' | 'phone' | 'video' | 'homeVisit' | 'message';

export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['inPerson', 34],
  ['phone', 30],
  ['video', 7],
  ['homeVisit', 10],
  ['message', 19],
];

export const INTAKE_SUMMARY =
  'Intakegesprek: situatie, wensen en mogelijkheden in kaart gebracht. Vervolgafspraak gemaakt.';

export const CONTACT_SUMMARIES: Readonly<Record<Channel, readonly string[]>> = {
  inPerson: [
    'Gesprek op kantoor: cv samen bijgewerkt en twee vacatures besproken.',
    'Voortgangsgesprek: afspraken uit het plan doorgelopen, taalcursus loopt goed.',
    '3-gesprek met buurtteam: één plan gemaakt, schuldhulp en werk in samenhang.',
    'Gesprek over werken onder schooltijd; kinderopvang nog uitzoeken.',
    'Oriëntatie op werk in de zorg; meeloopdag bij een thuiszorgorganisatie afgesproken.',
    'Gesprek over gezondheid en belastbaarheid; voorlopig geen sollicitatieplicht besproken met teamleider.',
    'Sollicitatiegesprek voorbereid; oefenvragen doorgenomen.',
  ],
  phone: [
    'Telefonisch contact: afspraak verzet wegens ziekte kind.',
    'Gebeld over de uitnodiging voor het 3-gesprek; bevestigd.',
    'Telefonisch nagevraagd hoe de eerste werkweek ging; positief.',
    'Gebeld na gemiste afspraak; nieuwe afspraak gemaakt.',
    'Kort telefonisch contact over de brief van de belastingdienst; doorverwezen naar buurtteam.',
    'Telefonisch afgestemd over een werkervaringsplek in de groenvoorziening.',
  ],
  video: [
    'Videogesprek: sollicitatiebrief samen geschreven.',
    'Videobellen met werkgever en inwoner over proefplaatsing.',
    'Online voortgangsgesprek; doelen in het plan bijgesteld.',
  ],
  homeVisit: [
    'Huisbezoek samen met buurtteam; schuldhulp loopt, rust in de thuissituatie.',
    'Huisbezoek: inwoner komt moeilijk de deur uit, kleine stappen afgesproken (activering).',
    'Huisbezoek in het kader van de inhaalslag; inwoner wil graag weer meedoen.',
    'Huisbezoek: administratie op orde gebracht, budgetcoach ingeschakeld.',
  ],
  message: [
    'Bericht gestuurd: herinnering afspraak volgende week.',
    'Bericht ontvangen met vraag over de inkomstenvrijlating; uitgelegd.',
    'Vacature onder schooltijd doorgestuurd.',
    'Bericht: bewijsstukken voor de kinderopvangtoeslag ontvangen.',
    'Bericht gestuurd met uitnodiging voor de banenmarkt.',
  ],
};

/** {aanhef} is 'mevrouw' or 'meneer'; {Aanhef} the same with a capital. */
export const HANDOVER_NOTES: readonly string[] = [
  'Warme overdracht: {aanhef} wil graag parttime werken in de zorg, schulden zijn in beeld bij het buurtteam.',
  'Warme overdracht in een gezamenlijk gesprek. {Aanhef} zoekt werk onder schooltijd; kinderopvang is nog niet geregeld.',
  'Overdracht wegens herverdeling van de caseload. Lopende afspraken: taalcursus op dinsdag en een sollicitatie bij de groenvoorziening.',
  'Warme overdracht: {aanhef} heeft rugklachten en wil administratief werk proberen via een werkervaringsplek.',
  'Overdracht na vertrek van de vorige werkmatcher. Contact verloopt het best telefonisch, liever geen brieven.',
  'Warme overdracht met het buurtteam erbij. Eerst rust in de schulden, daarna oriëntatie op werk.',
  '{Aanhef} heeft nog geen startkwalificatie; een mbo-opleiding logistiek is besproken. Vaste contactmomenten om de twee weken.',
  'Verhuisd binnen de wijk; overdracht zonder bijzonderheden. Het plan is actueel.',
  'Warme overdracht: {aanhef} werkt 12 uur per week in de schoonmaak en wil uitbreiden. Inkomstenvrijlating loopt.',
  'Overdracht: {aanhef} is mantelzorger voor een ouder; afspraken over beschikbaarheid staan in het plan.',
];

export const YOUTH_HANDOVER_NOTES: readonly string[] = [
  'Warme overdracht van het jongerenloket: {aanhef} wil een opleiding in de techniek starten; de zoektermijn is afgerond.',
  'Warme overdracht vanuit het buurtteam: {aanhef} heeft geen vaste woonplek, eerst huisvesting regelen.',
  'Overdracht na casuïstiekoverleg: maatwerk nodig, {aanhef} is vrijgesteld van de zoektermijn.',
];

export const CONSENT_PURPOSES: readonly string[] = [
  'Samenwerken aan één plan (3-gesprek)',
  'Samenwerken aan één plan (3-gesprek)',
  'Afstemming tussen schuldhulpverlening en begeleiding naar werk',
  'Gezamenlijke begeleiding naar werk of dagbesteding',
];

export function fillSalutation(template: string, female: boolean): string {
  const aanhef = female ? 'mevrouw' : 'meneer';
  return template
    .replaceAll('{aanhef}', aanhef)
    .replaceAll('{Aanhef}', aanhef[0]?.toUpperCase() + aanhef.slice(1));
}
