import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading.tsx';
import { ButtonLink } from '../components/Links.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { landingPath, useSession } from '../auth/session.ts';

/** The user's role does not allow this page. Rendered inside the layout. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('forbidden.title'));
  return (
    <>
      <Heading level={1}>{t('forbidden.title')}</Heading>
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <ButtonLink to={landingPath(session)}>{t('forbidden.back')}</ButtonLink>
    </>
  );
}
