import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationUrl } from '../../../api/meetings.api.ts';
import type { Meeting, MeetingReportResult, MeetingStatus } from '../../../api/models.ts';
import { Button } from '../../../components/Button.tsx';
import { StatusBadge, type BadgeStatus } from '../../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '../../../format/dates.ts';
import { localeOf } from '../../../i18n/index.ts';
import { CancelForm, RescheduleForm } from './ChangeForms.tsx';
import { formatMeetingWhen } from './meetingText.ts';
import { ReportForm } from './ReportForm.tsx';

const BADGE: Record<MeetingStatus, BadgeStatus> = {
  planned: 'active',
  held: 'safe',
  noShow: 'warning',
  cancelled: 'inactive',
};
const EXCERPT = 280;

type Open = null | 'report' | 'move' | 'cancel';

/** One meeting in the timeline: when, where, who, status, agenda and report, and what the viewer may do with it. */
export function MeetingItem({
  meeting,
  onMessage,
}: {
  meeting: Meeting;
  onMessage: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [open, setOpen] = useState<Open>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const m = meeting;
  const headingId = `mt-${m.id}-heading`;

  const close = () => {
    setOpen(null);
    window.requestAnimationFrame(() => headingRef.current?.focus());
  };
  const reported = (result: MeetingReportResult) => {
    const added = result.plan?.addedActionIds.length ?? 0;
    const failed = result.plan?.failed.length ?? 0;
    onMessage(
      [
        t('meetings.report.saved'),
        added > 0 ? t('meetings.report.addedToPlan', { count: added }) : '',
        result.contactMomentRecorded ? t('meetings.report.contactRecorded') : '',
        failed > 0 ? t('meetings.report.failed', { count: failed }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    close();
  };

  const where =
    m.mode === 'video' ? (
      m.videoUrl ? (
        <a className="utrecht-link utrecht-link--html-a" href={m.videoUrl} rel="noreferrer" target="_blank">
          {t('meetings.videoLink')}
          <span className="app-visually-hidden"> {t('meetings.newWindow')}</span>
        </a>
      ) : (
        t('meetings.mode.video')
      )
    ) : m.mode === 'phone' ? (
      t('meetings.mode.phone')
    ) : (
      (m.location ?? t('meetings.atHome'))
    );
  const reportText = m.report?.text ?? '';

  return (
    <li className={`app-mt-item app-mt-item--${m.status}`}>
      <h3 className="utrecht-heading-3 app-mt-item__title" id={headingId} ref={headingRef} tabIndex={-1}>
        <span>{t(`meetings.type.${m.type}`)}</span>{' '}
        <time dateTime={m.startsAt} className="app-mt-item__when">
          {formatMeetingWhen(m.startsAt, m.endsAt, locale)}
        </time>
      </h3>
      <p className="utrecht-paragraph app-mt-item__status">
        <StatusBadge status={BADGE[m.status]}>{t(`meetings.status.${m.status}`)}</StatusBadge>
        {m.status === 'cancelled' && m.cancelReason && <span className="app-muted"> {m.cancelReason}</span>}
      </p>
      <dl className="app-mt-details">
        <div>
          <dt>{t('meetings.where')}</dt>
          <dd>{where}</dd>
        </div>
        <div>
          <dt>{t('meetings.participants')}</dt>
          <dd>
            <ul className="app-mt-people">
              {m.participants.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.kind === 'resident' && (
                    <span className="app-muted"> ({t('meetings.participant.resident')})</span>
                  )}
                  {p.partnerOrganisation && (
                    <span className="app-muted"> ({p.partnerOrganisation.name})</span>
                  )}
                  {p.organiser && <span className="app-muted"> ({t('meetings.participant.organiser')})</span>}
                  {p.attended === false && (
                    <span className="app-muted"> – {t('meetings.participant.absent')}</span>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {m.agenda && (
          <div>
            <dt>{t('meetings.agenda')}</dt>
            <dd className="app-mt-pre">{m.agenda}</dd>
          </div>
        )}
        {m.report && (
          <div>
            <dt>{t('meetings.reportLabel')}</dt>
            <dd>
              {reportText.length > EXCERPT ? (
                <details className="app-mt-more">
                  <summary>
                    <span className="app-mt-pre">{`${reportText.slice(0, EXCERPT).trimEnd()}…`}</span>{' '}
                    <span className="utrecht-link">{t('meetings.readAll')}</span>
                  </summary>
                  <p className="utrecht-paragraph app-mt-pre">{reportText}</p>
                </details>
              ) : (
                <span className="app-mt-pre">{reportText || t('meetings.noReportText')}</span>
              )}
              <span className="app-mt-recorded app-muted">
                {t('meetings.recordedBy', {
                  person: m.report.recordedBy.displayName,
                  date: formatDateTime(m.report.recordedAt, locale),
                })}
              </span>
            </dd>
          </div>
        )}
        {m.report && m.report.agreedActions.length > 0 && (
          <div>
            <dt>{t('meetings.agreed')}</dt>
            <dd>
              <ul className="app-mt-people">
                {m.report.agreedActions.map((a, i) => (
                  <li key={i}>
                    {a.description}{' '}
                    <span className="app-muted">
                      (
                      {t('meetings.agreedMeta', { owner: a.owner.name, date: formatDate(a.dueDate, locale) })}
                      )
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {open === null && (
        <div className="app-button-row app-mt-item__actions">
          {m.status === 'planned' && (
            <a className="utrecht-link utrecht-link--html-a" href={invitationUrl(m.id)} download>
              {t('meetings.ics')}
              <span className="app-visually-hidden">
                {' '}
                {t('meetings.forMeeting', { when: formatMeetingWhen(m.startsAt, m.endsAt, locale) })}
              </span>
            </a>
          )}
          {m.permissions.recordReport && (
            <Button appearance="primary" onClick={() => setOpen('report')} aria-describedby={headingId}>
              {t('meetings.report.open')}
            </Button>
          )}
          {m.permissions.edit && (
            <>
              <Button appearance="secondary" onClick={() => setOpen('move')} aria-describedby={headingId}>
                {t('meetings.move.open')}
              </Button>
              <Button appearance="subtle" onClick={() => setOpen('cancel')} aria-describedby={headingId}>
                {t('meetings.cancel.open')}
              </Button>
            </>
          )}
        </div>
      )}
      {open === 'report' && <ReportForm meeting={m} onDone={reported} onCancel={close} />}
      {open === 'move' && (
        <RescheduleForm
          meeting={m}
          onDone={() => {
            onMessage(t('meetings.move.saved'));
            close();
          }}
          onCancel={close}
        />
      )}
      {open === 'cancel' && (
        <CancelForm
          meeting={m}
          onDone={() => {
            onMessage(t('meetings.cancel.saved'));
            close();
          }}
          onCancel={close}
        />
      )}
    </li>
  );
}
