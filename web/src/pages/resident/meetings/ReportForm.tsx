import { useState, type FormEvent } from 'react';
import { DateField } from '../../../components/DateField.tsx';
import { apiDate, dueDateProblem, todayNl, toTypedDate } from '../../../rules/dateRules.ts';
import { useRuleText } from '../../../rules/useRuleText.ts';
import { useTranslation } from 'react-i18next';
import type {
  Meeting,
  MeetingAgreedActionCreate,
  MeetingReportResult,
  PlanActionOwnerChoice,
} from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { localIsoDate } from '../../../format/dates.ts';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import { useRecordReport } from './useMeetings.ts';

interface ActionRow {
  key: number;
  description: string;
  owner: string;
  otherName: string;
  dueDate: string;
  goalTitle: string;
}

function inTwoWeeks(): string {
  const d = new Date();
  d.setDate(d.getDate() + 14);
  return toTypedDate(localIsoDate(d));
}

/** Owner choices from the people in the meeting: the resident, the colleagues, or another partner. */
function ownerOptions(meeting: Meeting, t: (k: string, o?: Record<string, unknown>) => string) {
  const options = [
    { value: 'resident', label: t('meetings.report.ownerResident', { name: meeting.resident.name }) },
  ];
  for (const p of meeting.participants) {
    if (!p.staffUser) continue;
    const type = p.kind === 'partnerProfessional' ? 'partnerProfessional' : 'jobCoach';
    const who = p.partnerOrganisation ? `${p.name} (${p.partnerOrganisation.name})` : p.name;
    options.push({ value: `${type}:${p.staffUser.id}`, label: who });
  }
  options.push({ value: 'otherPartner', label: t('meetings.report.ownerOther') });
  return options;
}

function ownerOf(row: ActionRow): PlanActionOwnerChoice {
  if (row.owner === 'resident') return { type: 'resident' };
  if (row.owner === 'otherPartner')
    return { type: 'otherPartner', ...(row.otherName.trim() ? { name: row.otherName.trim() } : {}) };
  const [type, staffUserId = ''] = row.owner.split(':');
  return type === 'partnerProfessional'
    ? { type: 'partnerProfessional', staffUserId }
    : { type: 'jobCoach', staffUserId };
}

/**
 * "Verslag vastleggen": who was there, what was discussed, and the agreed actions that go straight into the plan.
 * One transaction on the server: all is stored, or a 400 says what to fix.
 */
export function ReportForm({
  meeting,
  onDone,
  onCancel,
}: {
  meeting: Meeting;
  onDone: (result: MeetingReportResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const errorText = useErrorText();
  const record = useRecordReport(meeting.resident.id);
  const P = `mt-${meeting.id}-report`;
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(meeting.participants.map((p) => [p.id, true])),
  );
  const [report, setReport] = useState('');
  const [rows, setRows] = useState<ActionRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const options = ownerOptions(meeting, t);

  const addRow = () => {
    setRows((r) => [
      ...r,
      {
        key: nextKey,
        description: '',
        owner: 'resident',
        otherName: '',
        dueDate: inTwoWeeks(),
        goalTitle: '',
      },
    ]);
    const key = nextKey;
    setNextKey((k) => k + 1);
    window.requestAnimationFrame(() => document.getElementById(`${P}-a${key}-description`)?.focus());
  };
  const removeRow = (key: number) => {
    setRows((r) => r.filter((x) => x.key !== key));
    window.requestAnimationFrame(() => document.getElementById(`${P}-add`)?.focus());
  };
  const change = (key: number, c: Partial<ActionRow>) =>
    setRows((r) => r.map((x) => (x.key === key ? { ...x, ...c } : x)));

  const serverErrors = fieldErrorsOf(record.error);
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const otherError = record.error && Object.keys(serverErrors).length === 0 ? record.error : null;

  const fieldOf = (name: string): { fieldId: string; label: string } => {
    const m = /^agreedActions\.(\d+)(?:\.(\w+))?/.exec(name);
    if (m) {
      const row = rows[Number(m[1])];
      const field =
        m[2] === 'owner' && row?.owner === 'otherPartner'
          ? 'otherName'
          : m[2] === 'owner'
            ? 'owner'
            : m[2] === 'dueDate'
              ? 'dueDate'
              : m[2] === 'goalTitle' || m[2] === 'goalId'
                ? 'goalTitle'
                : 'description';
      return {
        fieldId: row ? `${P}-a${row.key}-${field}` : `${P}-add`,
        label: t('meetings.report.actionN', { n: Number(m[1]) + 1 }),
      };
    }
    if (name === 'agreedActions') return { fieldId: `${P}-add`, label: t('meetings.report.actions') };
    if (name.startsWith('attendance'))
      return { fieldId: `${P}-attendance`, label: t('meetings.report.attendance') };
    return { fieldId: `${P}-text`, label: t('meetings.report.text') };
  };
  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({
    ...fieldOf(name),
    message,
  }));
  const rowError = (i: number, field: string) =>
    errors[`agreedActions.${i}.${field}`] ??
    (field === 'owner'
      ? Object.entries(errors).find(([n]) => n.startsWith(`agreedActions.${i}.owner`))?.[1]
      : undefined) ??
    (field === 'description' ? errors[`agreedActions.${i}`] : undefined);
  const attendanceError = Object.entries(errors).find(([n]) => n.startsWith('attendance'))?.[1];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const resident = meeting.participants.find((p) => p.kind === 'resident');
    const residentThere = resident ? attended[resident.id] !== false : true;
    if (residentThere && !report.trim()) problems.report = t('meetings.report.textRequired');
    rows.forEach((r, i) => {
      if (!r.description.trim())
        problems[`agreedActions.${i}.description`] = t('meetings.report.descriptionRequired');
      // The plan's shared rule for a due date: a day that exists, today or later, within 5 years.
      const due = r.dueDate.trim() ? ruleText(dueDateProblem(r.dueDate, todayNl())) : t('meetings.report.dueDateRequired');
      if (due) problems[`agreedActions.${i}.dueDate`] = due;
      if (r.owner === 'otherPartner' && !r.otherName.trim())
        problems[`agreedActions.${i}.owner.name`] = t('meetings.report.otherNameRequired');
    });
    record.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const agreedActions: MeetingAgreedActionCreate[] = rows.map((r) => ({
      description: r.description.trim(),
      owner: ownerOf(r),
      dueDate: apiDate(r.dueDate),
      ...(r.goalTitle.trim() ? { goalTitle: r.goalTitle.trim() } : {}),
    }));
    record.mutate(
      {
        meetingId: meeting.id,
        body: {
          report: report.trim() || null,
          attendance: meeting.participants.map((p) => ({
            participantId: p.id,
            attended: attended[p.id] !== false,
          })),
          agreedActions,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      id={`${P}-form`}
      className="app-mt-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${P}-title`}
    >
      <Heading level={4} id={`${P}-title`}>
        {t('meetings.report.title')}
      </Heading>
      <ErrorSummary items={summary} id={`${P}-errors-title`} />
      {otherError && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(otherError)}</p>
        </Alert>
      )}
      <fieldset
        id={`${P}-attendance`}
        tabIndex={-1}
        className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-mt-fieldset"
        aria-describedby={attendanceError ? `${P}-attendance-error` : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('meetings.report.attendance')}
        </legend>
        {attendanceError && (
          <p className="app-field-error" id={`${P}-attendance-error`}>
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {attendanceError}
          </p>
        )}
        <ul className="app-mt-choices">
          {meeting.participants.map((p) => (
            <li key={p.id} className="app-mt-choice">
              <input
                id={`${P}-att-${p.id}`}
                type="checkbox"
                checked={attended[p.id] !== false}
                onChange={(e) => setAttended((a) => ({ ...a, [p.id]: e.target.checked }))}
                className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              />
              <label htmlFor={`${P}-att-${p.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
                {p.name}
                {p.kind === 'resident' && (
                  <span className="app-muted"> ({t('meetings.participant.resident')})</span>
                )}
                {p.partnerOrganisation && <span className="app-muted"> ({p.partnerOrganisation.name})</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextAreaField
        id={`${P}-text`}
        label={t('meetings.report.text')}
        description={t('meetings.report.textHint')}
        rows={6}
        value={report}
        error={errors.report}
        onChange={(e) => setReport(e.target.value)}
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-mt-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('meetings.report.actions')}
        </legend>
        <p className="utrecht-form-field-description">{t('meetings.report.actionsHint')}</p>
        {errors.agreedActions && (
          <p className="app-field-error">
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {errors.agreedActions}
          </p>
        )}
        {rows.map((r, i) => (
          <fieldset
            key={r.key}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-mt-action"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('meetings.report.actionN', { n: i + 1 })}
            </legend>
            <TextField
              id={`${P}-a${r.key}-description`}
              label={t('meetings.report.description')}
              value={r.description}
              required
              error={rowError(i, 'description')}
              onChange={(e) => change(r.key, { description: e.target.value })}
            />
            <SelectField
              id={`${P}-a${r.key}-owner`}
              label={t('meetings.report.owner')}
              value={r.owner}
              options={options}
              error={r.owner === 'otherPartner' ? undefined : rowError(i, 'owner')}
              onChange={(e) => change(r.key, { owner: e.target.value })}
            />
            {r.owner === 'otherPartner' && (
              <TextField
                id={`${P}-a${r.key}-otherName`}
                label={t('meetings.report.otherName')}
                required
                value={r.otherName}
                error={rowError(i, 'owner')}
                onChange={(e) => change(r.key, { otherName: e.target.value })}
              />
            )}
            <DateField
              id={`${P}-a${r.key}-dueDate`}
              label={t('meetings.report.dueDate')}
              required
              value={r.dueDate}
              error={rowError(i, 'dueDate')}
              onChange={(e) => change(r.key, { dueDate: e.target.value })}
            />
            <TextField
              id={`${P}-a${r.key}-goalTitle`}
              label={t('meetings.report.goal')}
              description={t('meetings.report.goalHint')}
              optional
              value={r.goalTitle}
              error={rowError(i, 'goalTitle') ?? rowError(i, 'goalId')}
              onChange={(e) => change(r.key, { goalTitle: e.target.value })}
            />
            <Button appearance="subtle" onClick={() => removeRow(r.key)}>
              {t('meetings.report.removeAction', { n: i + 1 })}
            </Button>
          </fieldset>
        ))}
        <Button id={`${P}-add`} appearance="secondary" onClick={addRow}>
          {rows.length === 0 ? t('meetings.report.addAction') : t('meetings.report.addAnother')}
        </Button>
      </fieldset>
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={record.isPending}>
          {t('meetings.report.submit')}
        </Button>
        <Button appearance="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
