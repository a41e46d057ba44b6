import { useTranslation } from 'react-i18next';
import type { TrendDirection } from '../../../api/models.ts';
import { formatDate, formatShortDate } from '../../../format/dates.ts';
import { localeOf } from '../../../i18n/index.ts';

/**
 * The two scales (fixed instruments, integers in the API; their labels also come from GET /assessment-scales):
 * ZRM 1 Acute problematiek … 5 Volledig zelfredzaam, participatieladder (VNG) 1 Geïsoleerd … 6 Betaald werk.
 */
export const zrmScores = [1, 2, 3, 4, 5] as const;
export const ladderRungs = [1, 2, 3, 4, 5, 6] as const;

export const LADDER_MAX = Math.max(...ladderRungs);

/**
 * The words of the "Situatie" section: ZRM domains, the score scale, the ladder rungs and barrier statuses in
 * the current language. The API's Dutch label is the fallback for a code the app does not know yet.
 */
export function useSituationText() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const domain = (code: string, fallback?: string) =>
    t(`situation.domain.${code}`, { defaultValue: fallback ?? code });
  const scoreLabel = (score: number, fallback?: string) =>
    t(`situation.score.${score}`, { defaultValue: fallback ?? String(score) });
  const rungLabel = (rung: number, fallback?: string) =>
    t(`situation.rung.${rung}`, { defaultValue: fallback ?? String(rung) });
  return {
    t,
    locale,
    date: (value: string) => formatDate(value, locale),
    shortDate: (value: string) => formatShortDate(value, locale),
    domain,
    scoreLabel,
    /** "3 – Beperkt zelfredzaam" */
    score: (score: number, fallback?: string) =>
      t('situation.scoreWithLabel', { score, label: scoreLabel(score, fallback) }),
    rungLabel,
    /** "Trede 3 van 6 – Deelname aan georganiseerde activiteiten" */
    rung: (rung: number, fallback?: string) =>
      t('situation.ladder.rungOf', { rung, max: LADDER_MAX, label: rungLabel(rung, fallback) }),
    status: (status: string, fallback?: string) =>
      t(`situation.barrierStatus.${status}`, { defaultValue: fallback ?? status }),
    /** "beter dan vorige keer (was 2)"; empty for a first score. */
    trend: (direction: TrendDirection, previous?: string) =>
      direction === 'none'
        ? t('situation.trend.none')
        : previous
          ? t('situation.trend.withPrevious', { trend: t(`situation.trend.${direction}`), previous })
          : t(`situation.trend.${direction}`),
  };
}

export type SituationText = ReturnType<typeof useSituationText>;
