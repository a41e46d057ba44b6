import type { i18n as I18n } from 'i18next';
import type { Session } from '../api/models.ts';

// The municipality's own words (Utrecht: wijk, buurtteam; Arnhem: gebied, gebiedsteam), from the session, as default
// interpolation variables: every text can say {{termArea}}, {{termPartnerTeam}}… without each page passing them.
// Recomputed when the language changes, so English says "neighbourhood team" or "area team".

export type MunicipalityTerms = Session['user']['municipality']['terms'];

const DEFAULT: MunicipalityTerms = { area: 'wijk', partnerTeam: 'buurtteam' };
let current: MunicipalityTerms = DEFAULT;

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The variables for the current language: termArea (wijk), termAreas (wijken), termTheArea (de wijk), … */
export function termVariables(i18n: I18n, terms: MunicipalityTerms = current): Record<string, string> {
  const word = (key: string) => i18n.t(key, { lng: i18n.language });
  const area = word(`terms.area.${terms.area}.one`);
  const areas = word(`terms.area.${terms.area}.other`);
  const team = word(`terms.partnerTeam.${terms.partnerTeam}.one`);
  const teams = word(`terms.partnerTeam.${terms.partnerTeam}.other`);
  return {
    termArea: area,
    termAreas: areas,
    TermArea: capital(area),
    TermAreas: capital(areas),
    termTheArea: word(`terms.area.${terms.area}.the`),
    termPartnerTeam: team,
    termPartnerTeams: teams,
    TermPartnerTeam: capital(team),
    TermPartnerTeams: capital(teams),
  };
}

function apply(i18n: I18n): void {
  if (!i18n.isInitialized) return;
  const interpolation = i18n.options.interpolation ?? {};
  interpolation.defaultVariables = termVariables(i18n);
  i18n.options.interpolation = interpolation;
}

/** Installs the variables (with the defaults until a session says otherwise) and keeps them in step with the language. */
export function installTerms(i18n: I18n): void {
  apply(i18n);
  i18n.on('languageChanged', () => apply(i18n));
}

/** Called when the session is known (or gone): the words of the signed-in user's municipality. */
export function setMunicipalityTerms(i18n: I18n, terms: MunicipalityTerms | undefined): void {
  current = terms ?? DEFAULT;
  apply(i18n);
}
