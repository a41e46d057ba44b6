import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../api/models.ts';

/**
 * "12 van 40 plaatsingen" with a bar. The bar is a progressbar with a text value, so screen readers hear the same
 * sentence; the written text makes the colour unnecessary. An anti-discrimination accord has no pledge: only the
 * number placed.
 */
export function AgreementProgress({ agreement, id }: { agreement: AgreementSummary; id: string }) {
  const { t } = useTranslation();
  const realised = agreement.realisedPlacements;
  const pledged = agreement.pledgedPlacements;
  if (!pledged) {
    return <span className="app-agreement-count">{t('employers.agreements.realisedOnly', { count: realised })}</span>;
  }
  const text = t('employers.agreements.progress', { realised, pledged });
  const pct = Math.min(100, Math.round((realised / pledged) * 100));
  return (
    <span className="app-agreement-progress">
      <span id={`${id}-text`} className="app-agreement-progress__text">
        {text}
      </span>
      <span
        className="app-progress"
        role="progressbar"
        aria-label={t('employers.agreements.progressLabel', { title: agreement.title })}
        aria-valuemin={0}
        aria-valuemax={pledged}
        aria-valuenow={Math.min(realised, pledged)}
        aria-valuetext={text}
      >
        <span className="app-progress__bar" style={{ inlineSize: `${pct}%` }} />
      </span>
    </span>
  );
}
