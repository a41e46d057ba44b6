import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading.tsx';
import { ButtonLink } from '../components/Links.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Also used for a resident that does not exist or is out of the user's scope: we do not say which. */
export function NotFoundContent({ backTo = '/' }: { backTo?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <ul className="utrecht-unordered-list">
        <li>{t('notFound.hintAddress')}</li>
        <li>{t('notFound.hintScope')}</li>
      </ul>
      <ButtonLink to={backTo}>{t('notFound.back')}</ButtonLink>
    </>
  );
}
