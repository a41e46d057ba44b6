import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import enCatchUpConfirm from './en.catchUpConfirm.json';
import enDateRules from './en.dateRules.json';
import enEmployers from './en.employers.json';
import enMatching from './en.matching.json';
import enPartner from './en.partner.json';
import enPrivacy from './en.privacy.json';
import nl from './nl.json';
import nlCatchUpConfirm from './nl.catchUpConfirm.json';
import nlDateRules from './nl.dateRules.json';
import nlEmployers from './nl.employers.json';
import nlMatching from './nl.matching.json';
import nlPartner from './nl.partner.json';
import nlPrivacy from './nl.privacy.json';
import enOverview from './en.overview.json';
import enTerms from './en.terms.json';
import nlOverview from './nl.overview.json';
import nlTerms from './nl.terms.json';
import enIntegrations from './en.integrations.json';
import nlIntegrations from './nl.integrations.json';
import enPortal from './en.portal.json';
import nlPortal from './nl.portal.json';
import enYouth from './en.youth.json';
import nlYouth from './nl.youth.json';
import enProgrammes from './en.programmes.json';
import nlProgrammes from './nl.programmes.json';
import enStudies from './en.studies.json';
import nlStudies from './nl.studies.json';
import enReliability from './en.reliability.json';
import nlReliability from './nl.reliability.json';
import { installTerms } from './terms.ts';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'samenplan.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

void i18n.use(initReactI18next).init({
  // One file per area of the app (distinct top-level keys), merged into one namespace.
  resources: {
    nl: { translation: { ...nl, ...nlEmployers, ...nlMatching, ...nlPartner, ...nlPrivacy, ...nlCatchUpConfirm, ...nlDateRules, ...nlTerms, ...nlOverview, ...nlIntegrations, ...nlPortal, ...nlYouth, ...nlProgrammes, ...nlStudies, ...nlReliability } },
    en: { translation: { ...en, ...enEmployers, ...enMatching, ...enPartner, ...enPrivacy, ...enCatchUpConfirm, ...enDateRules, ...enTerms, ...enOverview, ...enIntegrations, ...enPortal, ...enYouth, ...enProgrammes, ...enStudies, ...enReliability } },
  },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
  // The resources are here already: initialise at once, so the municipality's words can be looked up right away.
  initAsync: false,
});
installTerms(i18n);

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', applyLanguage);

/** The locale for dates and numbers in the current language. */
export function localeOf(lng: string): string {
  return lng === 'en' ? 'en-GB' : 'nl-NL';
}

export default i18n;
