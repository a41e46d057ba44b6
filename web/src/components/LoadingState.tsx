import { useTranslation } from 'react-i18next';

/** A polite "loading" message; screen readers hear it without losing their place. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph app-loading" role="status">
      <span className="app-spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}
