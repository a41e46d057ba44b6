import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PageLayout } from '../components/PageLayout.tsx';

/** Shown while we find out whether the user is logged in. */
export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <Heading level={1} data-loading="">
        {t('app.name')}
      </Heading>
      <LoadingState />
    </PageLayout>
  );
}
