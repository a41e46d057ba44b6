import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState.tsx';
import { Heading } from '../components/Heading.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Samenplan could not be reached at all (no session known). */
export function ErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.pageTitle'));
  return (
    <PageLayout>
      <Heading level={1}>{t('errors.pageTitle')}</Heading>
      <ErrorState error={error} onRetry={onRetry} />
    </PageLayout>
  );
}
