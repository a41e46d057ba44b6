import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { VacancyForm } from './VacancyForm.tsx';
import { useVacancy } from './useVacancies.ts';
import '../employers/employers.css';

/** /vacatures/nieuw (optionally ?werkgever=id) */
export function VacancyCreatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('vacancies.create.title'));
  const [sp] = useSearchParams();
  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to="/vacatures">
          <span aria-hidden="true">← </span>
          {t('vacancies.back')}
        </AppLink>
      </p>
      <Heading level={1}>{t('vacancies.create.title')}</Heading>
      <Paragraph lead>{t('vacancies.create.intro')}</Paragraph>
      <VacancyForm initialEmployerId={sp.get('werkgever') ?? ''} />
    </>
  );
}

/** /vacatures/:id/bewerken — saves with If-Match; a 412 explains what the other person changed. */
export function VacancyEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useVacancy(id);
  const data = query.data;
  useDocumentTitle(data ? t('vacancies.edit.titleOf', { title: data.vacancy.title }) : t('vacancies.edit.title'));
  if (isApiError(query.error, 404) || isApiError(query.error, 400)) return <NotFoundContent backTo="/vacatures" />;
  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to={`/vacatures/${id}`}>
          <span aria-hidden="true">← </span>
          {t('vacancies.edit.back')}
        </AppLink>
      </p>
      <Heading level={1} data-loading={query.isPending || undefined}>
        {data ? t('vacancies.edit.titleOf', { title: data.vacancy.title }) : t('vacancies.edit.title')}
      </Heading>
      {query.isPending && <LoadingState />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <VacancyForm
          key={data.vacancy.id}
          vacancy={data.vacancy}
          etag={data.etag}
          onReload={async () => (await query.refetch()).data}
        />
      )}
    </>
  );
}
