import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isConflict } from '../../../api/meetings.api.ts';
import type { Meeting, MeetingUpdate } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { toTypedDate } from '../../../rules/dateRules.ts';
import { useRuleText } from '../../../rules/useRuleText.ts';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import { formatTime, localDateOf } from './meetingText.ts';
import { useUpdateMeeting } from './useMeetings.ts';
import { WhenWhereFields, checkWhenWhere, instantOf, whenWhereFieldOf, type WhenWhere } from './WhenWhereFields.tsx';

/** 412: someone else changed the meeting meanwhile. The list reloads; the user checks and tries again. */
function ConflictOrError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert type={isConflict(error) ? 'warning' : 'error'} live="alert">
      <p className="utrecht-paragraph">{isConflict(error) ? t('meetings.conflict') : errorText(error)}</p>
    </Alert>
  );
}

/** "Verplaatsen": a new time or place (If-Match on the version shown). */
export function RescheduleForm({
  meeting,
  onDone,
  onCancel,
}: {
  meeting: Meeting;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const update = useUpdateMeeting(meeting.resident.id);
  const P = `mt-${meeting.id}-move`;
  const [initial] = useState<WhenWhere>(() => ({
    date: toTypedDate(localDateOf(meeting.startsAt)),
    start: formatTime(meeting.startsAt),
    end: formatTime(meeting.endsAt),
    mode: meeting.mode,
    location: meeting.location ?? '',
    videoUrl: meeting.videoUrl ?? '',
  }));
  const [when, setWhen] = useState<WhenWhere>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(update.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = update.error && Object.keys(serverErrors).length === 0 ? update.error : null;
  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({
    ...(whenWhereFieldOf(P, name, t) ?? { fieldId: `${P}-date`, label: t('meetings.form.date') }),
    message,
  }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const timesChanged = when.date !== initial.date || when.start !== initial.start || when.end !== initial.end;
    const problems = checkWhenWhere(when, t, ruleText, { type: meeting.type, checkTimes: timesChanged });
    update.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    // Only what the user changed: after a 412 a retry keeps what the other person changed meanwhile.
    const body: MeetingUpdate = {};
    if (timesChanged) {
      body.startsAt = instantOf(when.date, when.start)!;
      body.endsAt = instantOf(when.date, when.end)!;
    }
    if (when.mode !== initial.mode) body.mode = when.mode;
    if (when.mode !== initial.mode || when.location !== initial.location)
      body.location = when.mode === 'inPerson' ? when.location.trim() || null : null;
    if (when.mode !== initial.mode || when.videoUrl !== initial.videoUrl)
      body.videoUrl = when.mode === 'video' ? when.videoUrl.trim() || null : null;
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    update.mutate({ meeting, body }, { onSuccess: onDone });
  };

  return (
    <form className="app-mt-form" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-title`}>
      <Heading level={4} id={`${P}-title`}>
        {t('meetings.move.title')}
      </Heading>
      <ErrorSummary items={summary} id={`${P}-errors-title`} />
      <ConflictOrError error={otherError} />
      <WhenWhereFields
        prefix={P}
        value={when}
        errors={errors}
        onChange={(c) => setWhen((w) => ({ ...w, ...c }))}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={update.isPending}>
          {t('meetings.move.submit')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** "Annuleren": with a reason that the participants see. */
export function CancelForm({
  meeting,
  onDone,
  onCancel,
}: {
  meeting: Meeting;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.resident.id);
  const P = `mt-${meeting.id}-cancel`;
  const [reason, setReason] = useState('');
  const serverErrors = fieldErrorsOf(update.error);
  const otherError = update.error && Object.keys(serverErrors).length === 0 ? update.error : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { meeting, body: { status: 'cancelled', ...(reason.trim() ? { cancelReason: reason.trim() } : {}) } },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="app-mt-form" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-title`}>
      <Heading level={4} id={`${P}-title`}>
        {t('meetings.cancel.title')}
      </Heading>
      <ConflictOrError error={otherError} />
      <TextAreaField
        id={`${P}-reason`}
        label={t('meetings.cancel.reason')}
        optional
        rows={3}
        value={reason}
        error={serverErrors.cancelReason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" danger busy={update.isPending}>
          {t('meetings.cancel.submit')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('meetings.cancel.keep')}
        </Button>
      </div>
    </form>
  );
}
