import { useTranslation } from 'react-i18next';
import type { Consent } from '../../api/models.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';

/** "Buurtteam Overvecht mag meekijken tot 1-3-2027" for each active consent. */
export function ConsentBadges({ consents }: { consents: Consent[] }) {
  const { t, i18n } = useTranslation();
  const active = consents.filter((c) => c.active);
  if (active.length === 0) return <span>{t('consents.noneActive')}</span>;
  return (
    <ul className="app-badge-list">
      {active.map((c) => (
        <li key={c.id}>
          <StatusBadge status="safe">
            {c.validTo
              ? t('consents.badgeUntil', { organisation: c.partnerOrganisation.name, date: formatShortDate(c.validTo, localeOf(i18n.language)) })
              : t('consents.badge', { organisation: c.partnerOrganisation.name })}
          </StatusBadge>
        </li>
      ))}
    </ul>
  );
}
