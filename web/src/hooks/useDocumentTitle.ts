import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the page title: "Mijn caseload — Samenplan". */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} — ${app}` : app;
  }, [title, app]);
}
