import { useTranslation } from 'react-i18next';
import type { CatchUpCampaign } from '../../api/models.ts';
import { AppLink } from '../../components/Links.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { CoverageBars } from './charts.tsx';
import { formatPct } from './format.ts';

/** The team's catch-up campaigns, each with its coverage: "42% gesproken, 18% met plan". */
export function CampaignList({ campaigns }: { campaigns: CatchUpCampaign[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <ul className="app-campaigns">
      {campaigns.map((c) => (
        <li className="app-campaign" key={c.id}>
          <h3 className="utrecht-heading-3 app-campaign__title">
            <AppLink to={`/team/inhaalslag/${c.id}`}>{c.name}</AppLink>{' '}
            <StatusBadge status={c.status === 'active' ? 'active' : 'inactive'}>
              {t(`team.catchUp.status.${c.status}`)}
            </StatusBadge>
          </h3>
          <p className="utrecht-paragraph app-campaign__meta">
            {t('team.catchUp.meta', {
              date: formatShortDate(c.createdAt, locale),
              team: c.team.name,
              count: c.coverage.total,
              benefit: c.criteria.minMonthsOnBenefit,
              noContact: c.criteria.minMonthsWithoutContact,
            })}
          </p>
          <p className="utrecht-paragraph app-campaign__summary">
            <strong>
              {t('team.catchUp.coverageLine', {
                contacted: formatPct(c.coverage.contactedPct, locale),
                withPlan: formatPct(c.coverage.withPlanPct, locale),
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
        </li>
      ))}
    </ul>
  );
}
