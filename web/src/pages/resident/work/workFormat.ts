import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { formatDate, formatDateTime } from '../../../format/dates.ts';
import { localeOf } from '../../../i18n/index.ts';

/** Numbers and dates in the current language: "24", "27,5", "78,5"; "3 december 2026". */
export function useWorkFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const number = (n: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  return {
    t,
    locale,
    number,
    /** Points with a sign: "+45", "+7,5". */
    points: (n: number) => `${n > 0 ? '+' : ''}${number(n)}`,
    percent: (rate: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate),
    date: (d: string) => formatDate(d, locale),
    dateTime: (d: string) => formatDateTime(d, locale),
  };
}

/** The API's Dutch detail when it has one (409 "already proposed", "no longer fits"), else our own sentence. */
export function useProblemText() {
  const errorText = useErrorText();
  return (error: unknown) => (isApiError(error) && error.status !== 0 && error.problem.detail ? error.problem.detail : errorText(error));
}
