import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listMySearchPeriods, listPendingExemptions } from '../../api/youth.api.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { PeriodStatus, periodHref } from './shared.tsx';

/** werkmatcher.jongeren's young people with a running search period, the soonest end first. */
export function YouthPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const session = useSession();
  useDocumentTitle(t('youth.list.title'));
  const periods = useQuery({ queryKey: ['youth', 'periods', 'mine'], queryFn: listMySearchPeriods, retry: false });
  const senior = hasPermission(session, 'youth:confirmExemption');
  const pending = useQuery({ queryKey: ['youth', 'exemptions', 'pending'], queryFn: listPendingExemptions, retry: false, enabled: senior });
  const toReview = pending.data?.filter((e) => e.canReview).length ?? 0;
  return (
    <>
      <Heading level={1}>{t('youth.list.title')}</Heading>
      <Paragraph lead>{t('youth.list.intro')}</Paragraph>
      {senior && toReview > 0 && (
        <Paragraph>
          {t('youth.list.pendingCount', { count: toReview })} <AppLink to="/jongeren/ontheffingen">{t('youth.list.toExemptions')}</AppLink>
        </Paragraph>
      )}
      {periods.isPending && <LoadingState />}
      {periods.error && <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />}
      {periods.data && periods.data.length === 0 && <Paragraph>{t('youth.list.empty')}</Paragraph>}
      {periods.data && periods.data.length > 0 && (
        <Table id="youth-periods" caption={t("youth.list.caption")} captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('youth.list.name')}</TableHeaderCell>
              <TableHeaderCell>{t('youth.list.reported')}</TableHeaderCell>
              <TableHeaderCell>{t('youth.list.ends')}</TableHeaderCell>
              <TableHeaderCell>{t('youth.list.left')}</TableHeaderCell>
              <TableHeaderCell>{t('youth.list.exemption')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {periods.data.map((p) => {
              const open = p.exemptions.find((e) => e.status !== 'rejected');
              return (
                <TableRow key={p.id}>
                  <TableCell>
                    <AppLink to={periodHref(p.id)}>{p.residentName}</AppLink>
                  </TableCell>
                  <TableCell>{formatDate(p.reportDate, locale)}</TableCell>
                  <TableCell>{formatDate(p.endDate, locale)}</TableCell>
                  <TableCell>
                    <PeriodStatus period={p} />
                  </TableCell>
                  <TableCell>{open ? <StatusBadge status={open.status === 'confirmed' ? 'safe' : 'warning'}>{t(`youth.exemptionStatus.${open.status}`)}</StatusBadge> : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
