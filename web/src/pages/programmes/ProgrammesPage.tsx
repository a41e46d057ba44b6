import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listProgrammes } from '../../api/programmes.api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';

/** The municipality's programmes, each with its goal, budget and a link to its dashboard. */
export function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  useDocumentTitle(t('programmes.title'));
  const list = useQuery({ queryKey: ['programmes'], queryFn: listProgrammes });
  if (list.isPending) return <LoadingState />;
  if (list.error) return <ErrorState error={list.error} />;
  const euro = (c: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(c / 100);
  return (
    <>
      <Heading level={1}>{t('programmes.title')}</Heading>
      {list.data.items.length === 0 && <p className="utrecht-paragraph">{t('programmes.none')}</p>}
      <ul className="utrecht-unordered-list app-prog__list">
        {list.data.items.map((p) => (
          <li key={p.id} className="utrecht-unordered-list__item">
            <AppLink to={`/programmas/${p.id}`}>{p.name}</AppLink>
            {': '}
            {t('programmes.listLine', { goal: p.goalExtra.toLocaleString(locale), baseline: p.baselinePerYear.toLocaleString(locale), budget: euro(p.budgetCents), from: formatDate(p.periodStart, locale), to: formatDate(p.periodEnd, locale) })}
          </li>
        ))}
      </ul>
    </>
  );
}
