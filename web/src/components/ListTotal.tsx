import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';

/**
 * How many there are in all, for every list: "116 inwoners", and on a page of a longer list "1–50 van 116" (the
 * total from the API's envelope { items, total, next }, never the page size).
 */
export function ListTotal({ label, total, from, shown }: { label: string; total: number; from: number; shown: number }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(localeOf(i18n.language));
  const to = from + shown - 1;
  return (
    <>
      <strong>{label}</strong>
      {shown > 0 && shown < total && (
        <span className="app-results__range">
          {' · '}
          <span aria-hidden="true">{t('listTotal.range', { from: n.format(from), to: n.format(to), total: n.format(total) })}</span>
          <span className="app-visually-hidden">
            {t('listTotal.rangeSr', { from: n.format(from), to: n.format(to), total: n.format(total) })}
          </span>
        </span>
      )}
    </>
  );
}
