import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingTypes, type Meeting, type MeetingType, type StaffMember } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { localIsoDate } from '../../../format/dates.ts';
import { OFFICE_HOURS, nlClockOf, toTypedDate } from '../../../rules/dateRules.ts';
import { useRuleText } from '../../../rules/useRuleText.ts';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import { useCreateMeeting, useStaffOptions } from './useMeetings.ts';
import { WhenWhereFields, checkWhenWhere, instantOf, whenWhereFieldOf, type WhenWhere } from './WhenWhereFields.tsx';

const P = 'mt-new';

/** The next working day (meetings are planned on working days), as typed in the form: dd-mm-jjjj. */
function nextWorkday(): string {
  const d = new Date();
  do d.setDate(d.getDate() + 1);
  while (!OFFICE_HOURS.days.includes(nlClockOf(new Date(d.getFullYear(), d.getMonth(), d.getDate(), 12)).weekday));
  return toTypedDate(localIsoDate(d));
}

/** "Gesprek plannen": type, when, where, who and the agenda (filled in from the plan and barriers when left empty). */
export function ScheduleForm({
  residentId,
  selfId,
  consentNames,
  onDone,
  onCancel,
}: {
  residentId: string;
  selfId: string;
  /** Partner organisations with an active consent of the resident. */
  consentNames: string[];
  onDone: (meeting: Meeting) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ruleText = useRuleText();
  const create = useCreateMeeting(residentId);
  const { jobCoaches, partners, teams } = useStaffOptions(true);
  const [type, setType] = useState<MeetingType>(consentNames.length > 0 ? 'threeWay' : 'followUp');
  const [when, setWhen] = useState<WhenWhere>({
    date: nextWorkday(),
    start: '10:00',
    end: '11:00',
    mode: 'inPerson',
    location: '',
    videoUrl: '',
  });
  const [coach, setCoach] = useState('');
  const [pro, setPro] = useState('');
  const [agenda, setAgenda] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // The participants as sent: the buurtteam professional first, then a werkmatcher (errors name them by index).
  const participants = [pro, coach].filter(Boolean);
  const serverErrors = fieldErrorsOf(create.error);
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries({ ...serverErrors, ...localErrors })) {
    const m = /^participants\.(\d+)/.exec(name);
    if (m) {
      const sid = participants[Number(m[1])];
      const key = sid && sid === pro ? 'partners' : 'coaches';
      errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
    } else if (name === 'participants') {
      errors.partners = errors.partners ? `${errors.partners} ${message}` : message;
    } else errors[name] = message;
  }
  const otherError = create.error && Object.keys(serverErrors).length === 0 ? create.error : null;

  const fieldOf = (name: string) =>
    whenWhereFieldOf(P, name, t) ??
    (name === 'type'
      ? { fieldId: `${P}-type`, label: t('meetings.form.type') }
      : name === 'agenda'
        ? { fieldId: `${P}-agenda`, label: t('meetings.form.agenda') }
        : name === 'coaches'
          ? { fieldId: `${P}-coaches`, label: t('meetings.form.jobCoach') }
          : { fieldId: `${P}-partners`, label: t('meetings.form.partner') });
  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({
    ...fieldOf(name),
    message,
  }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Every field at once, with the server's rules: date, time, place and who takes part.
    const problems = checkWhenWhere(when, t, ruleText, { type });
    if (type === 'threeWay' && !pro) problems.participants = t('meetings.form.threeWayNeedsPartner');
    create.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      {
        type,
        startsAt: instantOf(when.date, when.start)!,
        endsAt: instantOf(when.date, when.end)!,
        mode: when.mode,
        location: when.mode === 'inPerson' ? when.location.trim() || null : null,
        videoUrl: when.mode === 'video' ? when.videoUrl.trim() || null : null,
        ...(agenda.trim() ? { agenda: agenda.trim() } : {}),
        participants: participants.map((staffUserId) => ({ staffUserId })),
      },
      { onSuccess: onDone },
    );
  };

  const coachList = (jobCoaches.data ?? []).filter((s) => s.id !== selfId);
  const partnerList = partners.data ?? [];
  // Two colleagues with the same name are told apart by their team.
  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const staffLabel = (s: StaffMember) => {
    const names = s.teamIds.map((id) => teamName.get(id)).filter(Boolean);
    return names.length ? `${s.displayName} (${names.join(', ')})` : s.displayName;
  };

  return (
    <form
      id={`${P}-form`}
      className="app-mt-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${P}-title`}
    >
      <Heading level={3} id={`${P}-title`}>
        {t('meetings.form.title')}
      </Heading>
      <ErrorSummary items={summary} id={`${P}-errors-title`} />
      {otherError && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(otherError)}</p>
        </Alert>
      )}
      <SelectField
        id={`${P}-type`}
        label={t('meetings.form.type')}
        description={t('meetings.form.typeHint')}
        value={type}
        error={errors.type}
        options={meetingTypes.map((m) => ({ value: m, label: t(`meetings.type.${m}`) }))}
        onChange={(e) => setType(e.target.value as MeetingType)}
      />
      <WhenWhereFields
        prefix={P}
        value={when}
        errors={errors}
        onChange={(c) => setWhen((w) => ({ ...w, ...c }))}
      />
      <SelectField
        id={`${P}-partners`}
        label={t('meetings.form.partner')}
        description={
          consentNames.length > 0
            ? t('meetings.form.partnersHint', { names: consentNames.join(', ') })
            : t('meetings.form.partnersNoConsent')
        }
        optional={type !== 'threeWay'}
        required={type === 'threeWay'}
        emptyOption={t('meetings.form.choosePartner')}
        value={pro}
        error={errors.partners}
        options={partnerList.map((s) => ({ value: s.id, label: staffLabel(s) }))}
        onChange={(e) => setPro(e.target.value)}
      />
      <SelectField
        id={`${P}-coaches`}
        label={t('meetings.form.jobCoach')}
        description={t('meetings.form.jobCoachesHint')}
        optional
        emptyOption={t('meetings.form.noJobCoach')}
        value={coach}
        error={errors.coaches}
        options={coachList.map((s) => ({ value: s.id, label: staffLabel(s) }))}
        onChange={(e) => setCoach(e.target.value)}
      />
      <TextAreaField
        id={`${P}-agenda`}
        label={t('meetings.form.agenda')}
        description={t('meetings.form.agendaHint')}
        optional
        rows={5}
        value={agenda}
        error={errors.agenda}
        onChange={(e) => setAgenda(e.target.value)}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('meetings.form.submit')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
