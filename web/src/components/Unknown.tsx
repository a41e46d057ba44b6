import { useTranslation } from 'react-i18next';

/** An unknown value: a dash for the eye, the word "onbekend" for screen readers. */
export function Unknown() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="app-visually-hidden">{t('common.unknown')}</span>
    </>
  );
}
