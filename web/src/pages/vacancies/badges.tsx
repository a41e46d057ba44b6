import { useTranslation } from 'react-i18next';
import type { VacancyStatus } from '../../api/models.ts';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.tsx';

const STATUS_BADGE: Record<VacancyStatus, BadgeStatus> = { draft: 'neutral', open: 'active', filled: 'safe', closed: 'inactive' };

export function VacancyStatusBadge({ status }: { status: VacancyStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={STATUS_BADGE[status]}>{t(`vacancies.status.${status}`)}</StatusBadge>;
}

/** "Past binnen schooltijden": words, not only colour. */
export function SchoolHoursBadge() {
  const { t } = useTranslation();
  return (
    <StatusBadge status="safe" className="app-school-hours">
      <span aria-hidden="true">✓ </span>
      {t('vacancies.fitsSchoolHours')}
    </StatusBadge>
  );
}
