import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listStudies } from '../../api/studies.api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import './studies.css';

/** The municipality's studies (issue 14): name, period, enrolment against the target and status; a link to each. */
export function StudiesPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  useDocumentTitle(t('studies.title'));
  const list = useQuery({ queryKey: ['studies'], queryFn: listStudies });
  if (list.isPending) return <LoadingState />;
  if (list.error) return <ErrorState error={list.error} />;
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="app-study">
      <Heading level={1}>{t('studies.title')}</Heading>
      <p className="utrecht-paragraph">{t('studies.intro')}</p>
      {list.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('studies.none')}</p>
      ) : (
        <Table id="studies-table" caption={t('studies.listCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('studies.name')}</TableHeaderCell>
              <TableHeaderCell>{t('studies.period')}</TableHeaderCell>
              <TableHeaderCell numeric>{t('studies.enrolled')}</TableHeaderCell>
              <TableHeaderCell>{t('studies.statusLabel')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((s) => (
              <TableRow key={s.id}>
                <TableHeaderCell scope="row">
                  <AppLink to={`/studies/${s.id}`}>{s.name}</AppLink>
                </TableHeaderCell>
                <TableCell>{t('studies.periodValue', { from: formatDate(s.startsOn, locale), to: formatDate(s.endsOn, locale) })}</TableCell>
                <TableCell numeric>{t('studies.enrolledOf', { n: n(s.enrolled), target: n(s.targetSize) })}</TableCell>
                <TableCell>{t(`studies.status.${s.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
