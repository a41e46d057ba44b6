import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.ts';
import { cx } from './classNames.ts';

const NAMES: Record<string, { label: string; full: string }> = {
  nl: { label: 'NL', full: 'Nederlands' },
  en: { label: 'EN', full: 'English' },
};

/** Language switch: each option is named in its own language, with the right lang attribute. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="app-language-switch" aria-label={t('layout.languageNav')}>
      <ul className="app-inline-list">
        {LANGUAGES.map((lng) => {
          const current = i18n.language === lng;
          const name = NAMES[lng] ?? { label: lng, full: lng };
          return (
            <li key={lng}>
              <button
                type="button"
                lang={lng}
                className={cx('utrecht-button', 'utrecht-button--subtle', 'app-language-switch__button', current && 'app-language-switch__button--current')}
                aria-pressed={current}
                onClick={() => void i18n.changeLanguage(lng)}
              >
                {name.label}
                <span className="app-visually-hidden"> ({name.full})</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
