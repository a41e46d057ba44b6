import { useTranslation } from 'react-i18next';
import { isUnavailable } from '../../api/client.ts';
import type { ContactPersonAssignment, Resident } from '../../api/models.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatDate } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { ContactPersonForm } from './ContactPersonForm.tsx';
import { Section } from './Section.tsx';
import type { SubResource } from './subResource.ts';

function Assignment({ a }: { a: ContactPersonAssignment }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <li className="app-history__item">
      <p className="utrecht-paragraph app-history__who">
        <strong>{a.staffUser.displayName}</strong>
        {a.endedAt === null && <span className="app-history__current"> ({t('contactPerson.current')})</span>}
      </p>
      <p className="utrecht-paragraph app-history__when">
        {a.endedAt
          ? t('contactPerson.period', { from: formatDate(a.assignedAt, locale), to: formatDate(a.endedAt, locale) })
          : t('contactPerson.since', { date: formatDate(a.assignedAt, locale) })}
        {a.assignedBy && <> · {t('contactPerson.assignedBy', { name: a.assignedBy.displayName })}</>}
      </p>
      {a.handoverNote && (
        <div className="app-history__note">
          <p className="utrecht-paragraph app-history__note-label">{t('contactPerson.handoverNote')}</p>
          <p className="utrecht-paragraph app-prewrap">{a.handoverNote}</p>
        </div>
      )}
    </li>
  );
}

/** Vast aanspreekpunt: who it is now, the history with handover notes, and (if allowed) a warm handover. */
export function ContactPersonSection({ resident, history }: { resident: Resident; history: SubResource<ContactPersonAssignment[]> }) {
  const { t } = useTranslation();
  const cp = resident.contactPerson;
  const hidden = isUnavailable(history.error);

  return (
    <Section id="aanspreekpunt" title={t('resident.sections.contactPerson')}>
      <Paragraph>
        {cp ? t('contactPerson.currentText', { name: cp.displayName }) : t('contactPerson.noneText')}
      </Paragraph>
      {!hidden && (
        <>
          <h3 className="utrecht-heading-3" id="history-heading">
            {t('contactPerson.history')}
          </h3>
          {history.isPending && <LoadingState />}
          {history.error !== null && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
          {history.data && history.data.length === 0 && <Paragraph>{t('contactPerson.historyEmpty')}</Paragraph>}
          {history.data && history.data.length > 0 && (
            <ol className="app-history" aria-labelledby="history-heading">
              {history.data.map((a) => (
                <Assignment key={a.id} a={a} />
              ))}
            </ol>
          )}
        </>
      )}
      {resident.permissions.assignContactPerson && <ContactPersonForm resident={resident} />}
    </Section>
  );
}
