import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/Table.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { CoverageBars, Swatch } from './charts.tsx';
import { CloseCampaign } from './CloseCampaign.tsx';
import { formatPct } from './format.ts';
import { useCatchUp } from './useTeam.ts';
import './team.css';

/** One catch-up campaign: coverage now, per week (chart and table) and per werkmatcher. */
export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const campaign = useCatchUp(id);
  const c = campaign.data;
  useDocumentTitle(c ? c.name : t('team.catchUp.title'));

  if (isApiError(campaign.error, 404) || isApiError(campaign.error, 400))
    return <NotFoundContent backTo="/team" />;

  const pct = (v: number) => formatPct(v, locale);
  const week = (w: { week: string; weekStart: string; weekEnd: string }) =>
    t('team.catchUp.weekLabel', {
      week: w.week.split('-W')[1] ?? w.week,
      from: formatShortDate(w.weekStart, locale),
      to: formatShortDate(w.weekEnd, locale),
    });

  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to="/team#inhaalslag">
          <span aria-hidden="true">← </span>
          {t('team.catchUp.back')}
        </AppLink>
      </p>
      {campaign.isPending && (
        <>
          <Heading level={1}>{t('team.catchUp.title')}</Heading>
          <LoadingState />
        </>
      )}
      {campaign.error && (
        <>
          <Heading level={1}>{t('team.catchUp.title')}</Heading>
          <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
        </>
      )}
      {c && (
        <>
          <Heading level={1}>
            {c.name}{' '}
            <StatusBadge status={c.status === 'active' ? 'active' : 'inactive'}>
              {t(`team.catchUp.status.${c.status}`)}
            </StatusBadge>
          </Heading>
          {created && (
            <Alert type="ok" live="status" title={t('team.catchUp.created', { count: c.coverage.total })}>
              <Paragraph>{t('team.catchUp.createdDetail', { count: c.perStaffUser.length })}</Paragraph>
            </Alert>
          )}
          <Paragraph lead>
            {t('team.catchUp.meta', {
              date: formatShortDate(c.createdAt, locale),
              team: c.team.name,
              count: c.coverage.total,
              benefit: c.criteria.minMonthsOnBenefit,
              noContact: c.criteria.minMonthsWithoutContact,
            })}
          </Paragraph>

          <section className="app-section" aria-labelledby="coverage-heading">
            <Heading level={2} id="coverage-heading">
              {t('team.catchUp.coverageTitle')}
            </Heading>
            <p className="utrecht-paragraph">
              <strong>
                {t('team.catchUp.coverageLine', {
                  contacted: pct(c.coverage.contactedPct),
                  withPlan: pct(c.coverage.withPlanPct),
                })}
              </strong>
            </p>
            <CoverageBars
              contactedPct={c.coverage.contactedPct}
              withPlanPct={c.coverage.withPlanPct}
              contactedText={t('team.catchUp.contactedOf', {
                count: c.coverage.contacted,
                total: c.coverage.total,
              })}
              withPlanText={t('team.catchUp.withPlanOf', {
                count: c.coverage.withPlan,
                total: c.coverage.total,
              })}
            />
            <Paragraph small>{t('team.catchUp.coverageExplained')}</Paragraph>
          </section>

          <section className="app-section" aria-labelledby="weeks-heading">
            <Heading level={2} id="weeks-heading">
              {t('team.catchUp.weeksTitle')}
            </Heading>
            <Paragraph>{t('team.catchUp.weeksIntro')}</Paragraph>
            <figure className="app-figure">
              <figcaption className="app-figure__caption">
                <span className="app-legend">
                  <span className="app-legend__item">
                    <Swatch kind="contacted" /> {t('team.catchUp.contacted')}
                  </span>
                  <span className="app-legend__item">
                    <Swatch kind="plan" /> {t('team.catchUp.withPlan')}
                  </span>
                </span>
              </figcaption>
              <div className="app-weeks" role="img" aria-label={t('team.catchUp.weeksChartLabel')}>
                {c.weeks.map((w) => (
                  <div className="app-weeks__row" key={w.week}>
                    <span className="app-weeks__label">{week(w)}</span>
                    <CoverageBars
                      contactedPct={w.contactedPct}
                      withPlanPct={w.withPlanPct}
                      contactedText={t('team.catchUp.contactedShort', { pct: pct(w.contactedPct) })}
                      withPlanText={t('team.catchUp.withPlanShort', { pct: pct(w.withPlanPct) })}
                    />
                  </div>
                ))}
              </div>
            </figure>
            <Table id="weeks-table" caption={t('team.catchUp.weeksCaption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('team.catchUp.columns.week')}</TableHeaderCell>
                  <TableHeaderCell numeric>{t('team.catchUp.columns.contacted')}</TableHeaderCell>
                  <TableHeaderCell numeric>{t('team.catchUp.columns.withPlan')}</TableHeaderCell>
                  <TableHeaderCell numeric>{t('team.catchUp.columns.total')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.weeks.map((w) => (
                  <TableRow key={w.week}>
                    <TableHeaderCell scope="row" className="app-row-header">
                      {week(w)}
                    </TableHeaderCell>
                    <TableCell numeric>
                      {w.contacted} ({pct(w.contactedPct)})
                    </TableCell>
                    <TableCell numeric>
                      {w.withPlan} ({pct(w.withPlanPct)})
                    </TableCell>
                    <TableCell numeric>{w.total}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>

          <section className="app-section" aria-labelledby="per-staff-heading">
            <Heading level={2} id="per-staff-heading">
              {t('team.catchUp.perStaffTitle')}
            </Heading>
            <Table id="per-staff-table" caption={t('team.catchUp.perStaffCaption')} captionHidden>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('team.caseloads.columns.staff')}</TableHeaderCell>
                  <TableHeaderCell numeric>{t('team.catchUp.columns.total')}</TableHeaderCell>
                  <TableHeaderCell numeric>{t('team.catchUp.columns.contacted')}</TableHeaderCell>
                  <TableHeaderCell numeric>{t('team.catchUp.columns.withPlan')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.perStaffUser.map((p) => (
                  <TableRow key={p.staffUser.id}>
                    <TableHeaderCell scope="row" className="app-row-header">
                      {p.staffUser.displayName}
                    </TableHeaderCell>
                    <TableCell numeric>{p.total}</TableCell>
                    <TableCell numeric>
                      {p.contacted} ({pct(p.contactedPct)})
                    </TableCell>
                    <TableCell numeric>
                      {p.withPlan} ({pct(p.withPlanPct)})
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>

          <CloseCampaign campaign={c} />
        </>
      )}
    </>
  );
}
