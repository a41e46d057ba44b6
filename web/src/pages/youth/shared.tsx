import { useTranslation } from 'react-i18next';
import type { SearchPeriod } from '../../api/youth.api.ts';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.tsx';

/** The countdown as a badge: words, not colour alone ("Zoektermijn eindigt over 3 dagen"); urgent in the last 3 days. */
export function CountdownBadge({ daysLeft }: { daysLeft: number }) {
  const { t } = useTranslation();
  return <StatusBadge status={daysLeft <= 3 ? 'warning' : 'active'}>{t('youth.countdown', { count: daysLeft })}</StatusBadge>;
}

const STATUS_BADGE: Record<SearchPeriod['status'], BadgeStatus> = { running: 'active', ended: 'neutral', exempted: 'safe', withdrawn: 'inactive' };

export function PeriodStatus({ period }: { period: Pick<SearchPeriod, 'status' | 'daysLeft'> }) {
  const { t } = useTranslation();
  if (period.status === 'running' && period.daysLeft !== null) return <CountdownBadge daysLeft={period.daysLeft} />;
  return <StatusBadge status={STATUS_BADGE[period.status]}>{t(`youth.status.${period.status}`)}</StatusBadge>;
}

export const periodHref = (id: string) => `/jongeren/zoektermijnen/${encodeURIComponent(id)}`;
