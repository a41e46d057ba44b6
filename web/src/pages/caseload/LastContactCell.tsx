import { useTranslation } from 'react-i18next';
import type { ResidentSummary } from '../../api/models.ts';
import { localeOf } from '../../i18n/index.ts';
import { formatShortDate } from '../../format/dates.ts';

/** "143 dagen geleden" and, over the norm, red text plus the words "boven norm van 90 dagen" (never colour alone). */
export function LastContactCell({ resident, normDays }: { resident: ResidentSummary; normDays: number }) {
  const { t, i18n } = useTranslation();
  const days = resident.daysSinceContact;
  const over = resident.overContactNorm === true;
  if (days === null || days === undefined) {
    return (
      <span className={over ? 'app-over-norm' : undefined}>
        {t('contact.never')}
        {over && <span className="app-over-norm__note">{t('contact.overNorm', { norm: normDays })}</span>}
      </span>
    );
  }
  return (
    <span className={over ? 'app-over-norm' : undefined}>
      {over && (
        <span className="app-over-norm__icon" aria-hidden="true">
          !
        </span>
      )}
      {t('contact.daysAgo', { count: days })}
      {over && <span className="app-over-norm__note">{t('contact.overNorm', { norm: normDays })}</span>}
      {resident.lastContactAt && (
        <span className="app-cell-note app-cell-note--plain">{formatShortDate(resident.lastContactAt, localeOf(i18n.language))}</span>
      )}
    </span>
  );
}
