import { useTranslation } from 'react-i18next';
import { isUnavailable } from '../../api/client.ts';
import type { ContactMoment, Resident } from '../../api/models.ts';
import type { SubResource } from './subResource.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { ContactMomentForm } from './ContactMomentForm.tsx';
import { Section } from './Section.tsx';

/** "Geen contact in 143 dagen (norm: 90)" — the number always with its norm. */
function LastContact({ resident, normDays }: { resident: Resident; normDays: number }) {
  const { t, i18n } = useTranslation();
  const c = resident.case;
  if (!c) return null;
  const over = c.overContactNorm;
  let text: string;
  if (c.lastContactAt === null || c.daysSinceContact === null) text = t('contact.neverWithNorm', { norm: normDays });
  else if (over) text = t('contact.noContactFor', { count: c.daysSinceContact, norm: normDays });
  else
    text = t('contact.lastContact', {
      date: formatDate(c.lastContactAt, localeOf(i18n.language)),
      ago: t('contact.daysAgo', { count: c.daysSinceContact }),
      norm: normDays,
    });
  return (
    <p className={`utrecht-paragraph app-last-contact${over ? ' app-over-norm' : ''}`}>
      {over && (
        <span className="app-over-norm__icon" aria-hidden="true">
          !
        </span>
      )}
      {over && <span className="app-visually-hidden">{t('contact.attention')}: </span>}
      {text}
    </p>
  );
}

export function ContactSection({ resident, normDays, moments }: { resident: Resident; normDays: number; moments: SubResource<ContactMoment[]> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);

  return (
    <Section id="contact" title={t('resident.sections.contact')}>
      <LastContact resident={resident} normDays={normDays} />
      {moments.isPending && <LoadingState />}
      {moments.error !== null && !isUnavailable(moments.error) && <ErrorState error={moments.error} onRetry={() => void moments.refetch()} />}
      {moments.data && moments.data.length === 0 && <Paragraph>{t('contact.emptyList')}</Paragraph>}
      {moments.data && moments.data.length > 0 && (
        <>
          <h3 className="utrecht-heading-3" id="contact-moments-heading">
            {t('contact.tableCaption')}
          </h3>
          <ol className="app-timeline" aria-labelledby="contact-moments-heading">
            {moments.data.map((m) => (
              <li key={m.id} className="app-timeline__item">
                <p className="utrecht-paragraph app-timeline__meta">
                  <strong>{formatDateTime(m.occurredAt, locale)}</strong>
                  <span> · {t(`contactChannel.${m.channel}`)}</span>
                  <span className="app-muted"> · {m.staffUser.displayName}</span>
                </p>
                <p className="utrecht-paragraph app-prewrap">
                  {m.summary ?? <span className="app-muted">{t('contact.noSummary')}</span>}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {resident.permissions.recordContact && <ContactMomentForm residentId={resident.id} />}
    </Section>
  );
}
