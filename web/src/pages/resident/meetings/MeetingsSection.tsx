import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnavailable } from '../../../api/client.ts';
import type { Meeting, Resident } from '../../../api/models.ts';
import { hasPermission, useSession } from '../../../auth/session.ts';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Paragraph } from '../../../components/Paragraph.tsx';
import { Section } from '../Section.tsx';
import { useConsents } from '../useResident.ts';
import { MeetingItem } from './MeetingItem.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import { useHashScroll } from './useHashScroll.ts';
import { useMeetings } from './useMeetings.ts';
import './meetings.css';

export const MEETINGS_SECTION_ID = 'gesprekken';

/** Upcoming meetings first (soonest first), then the past ones (latest first). */
function timeline(items: Meeting[]): Meeting[] {
  const now = Date.now();
  const upcoming = items.filter((m) => Date.parse(m.endsAt) >= now && m.status === 'planned');
  const past = items.filter((m) => !upcoming.includes(m));
  upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  past.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return [...upcoming, ...past];
}

/**
 * "Gesprekken" on the resident page: the timeline of meetings, "Gesprek plannen" (3-gesprek and others) and per
 * meeting the invitation, the report with agreed actions, moving and cancelling. A buurtteam professional gets only
 * the meetings he takes part in (the API filters) and no forms unless the meeting's permissions allow them.
 */
export function MeetingsSection({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const session = useSession();
  const canRead = hasPermission(session, 'meetings:read');
  const canWrite = hasPermission(session, 'meetings:write') && resident.view === 'full';
  const meetings = useMeetings(resident.id, canRead);
  const consents = useConsents(resident.id, canRead && canWrite);
  const [planning, setPlanning] = useState(false);
  const [message, setMessage] = useState('');
  const planButton = useRef<HTMLButtonElement>(null);
  useHashScroll(!meetings.isPending);

  if (!canRead || isUnavailable(meetings.error)) return null;

  const consentNames = (consents.data ?? []).filter((c) => c.active).map((c) => c.partnerOrganisation.name);
  const items = timeline(meetings.data ?? []);
  const closePlanning = () => {
    setPlanning(false);
    window.requestAnimationFrame(() => planButton.current?.focus());
  };

  return (
    <Section id={MEETINGS_SECTION_ID} title={t('resident.sections.meetings')}>
      <p className="utrecht-paragraph app-mt-status" role="status">
        {message}
      </p>
      {canWrite && !planning && (
        <p className="utrecht-paragraph">
          <Button
            ref={planButton}
            appearance="primary"
            // The kind of meeting is preselected from the consents: wait until they are known.
            busy={consents.isPending && consents.fetchStatus !== 'idle'}
            onClick={() => {
              setMessage('');
              setPlanning(true);
            }}
          >
            {t('meetings.plan')}
          </Button>
        </p>
      )}
      {planning && (
        <ScheduleForm
          residentId={resident.id}
          selfId={session.user.id}
          consentNames={consentNames}
          onCancel={closePlanning}
          onDone={() => {
            setMessage(t('meetings.form.saved'));
            closePlanning();
          }}
        />
      )}
      {meetings.isPending && <LoadingState />}
      {meetings.error && <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {meetings.data && items.length === 0 && (
        <Paragraph className="app-muted">
          {canWrite ? t('meetings.empty') : t('meetings.emptyShared')}
        </Paragraph>
      )}
      {items.length > 0 && (
        <ol className="app-mt-list" aria-label={t('meetings.timeline')}>
          {items.map((m) => (
            <MeetingItem key={m.id} meeting={m} onMessage={setMessage} />
          ))}
        </ol>
      )}
    </Section>
  );
}
