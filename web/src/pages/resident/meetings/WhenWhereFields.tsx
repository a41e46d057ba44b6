import { useTranslation } from 'react-i18next';
import { meetingModes, type MeetingMode } from '../../../api/models.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';

export interface WhenWhere {
  date: string;
  start: string;
  end: string;
  mode: MeetingMode;
  location: string;
  videoUrl: string;
}

/** Date, start and end time, and where: a place, a video link or by phone. Ids start with `prefix`. */
export function WhenWhereFields({
  prefix,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  value: WhenWhere;
  onChange: (change: Partial<WhenWhere>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="app-mt-when">
        <TextField
          id={`${prefix}-date`}
          label={t('meetings.form.date')}
          type="date"
          required
          value={value.date}
          error={errors.startsAt}
          onChange={(e) => onChange({ date: e.target.value })}
        />
        <TextField
          id={`${prefix}-start`}
          label={t('meetings.form.start')}
          type="time"
          required
          value={value.start}
          onChange={(e) => onChange({ start: e.target.value })}
        />
        <TextField
          id={`${prefix}-end`}
          label={t('meetings.form.end')}
          type="time"
          required
          value={value.end}
          error={errors.endsAt}
          onChange={(e) => onChange({ end: e.target.value })}
        />
      </div>
      <SelectField
        id={`${prefix}-mode`}
        label={t('meetings.form.mode')}
        value={value.mode}
        error={errors.mode}
        options={meetingModes.map((m) => ({ value: m, label: t(`meetings.mode.${m}`) }))}
        onChange={(e) => onChange({ mode: e.target.value as MeetingMode })}
      />
      {value.mode === 'inPerson' && (
        <TextField
          id={`${prefix}-location`}
          label={t('meetings.form.location')}
          description={t('meetings.form.locationHint')}
          value={value.location}
          error={errors.location}
          autoComplete="off"
          onChange={(e) => onChange({ location: e.target.value })}
        />
      )}
      {value.mode === 'video' && (
        <TextField
          id={`${prefix}-videoUrl`}
          label={t('meetings.form.videoUrl')}
          description={t('meetings.form.videoUrlHint')}
          type="url"
          inputMode="url"
          value={value.videoUrl}
          error={errors.videoUrl}
          autoComplete="off"
          onChange={(e) => onChange({ videoUrl: e.target.value })}
        />
      )}
    </>
  );
}

/** The field ids of WhenWhereFields, for the error summary. */
export function whenWhereFieldOf(
  prefix: string,
  name: string,
  t: (k: string) => string,
): { fieldId: string; label: string } | null {
  if (name === 'startsAt') return { fieldId: `${prefix}-date`, label: t('meetings.form.date') };
  if (name === 'endsAt') return { fieldId: `${prefix}-end`, label: t('meetings.form.end') };
  if (name === 'mode') return { fieldId: `${prefix}-mode`, label: t('meetings.form.mode') };
  if (name === 'location') return { fieldId: `${prefix}-location`, label: t('meetings.form.location') };
  if (name === 'videoUrl') return { fieldId: `${prefix}-videoUrl`, label: t('meetings.form.videoUrl') };
  return null;
}

/** Check the fields before sending; the server checks the rest (end after start, place for the mode). */
export function checkWhenWhere(value: WhenWhere, t: (k: string) => string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!value.date || !value.start) problems.startsAt = t('meetings.form.whenRequired');
  if (!value.end) problems.endsAt = t('meetings.form.endRequired');
  else if (value.start && value.end <= value.start) problems.endsAt = t('meetings.form.endAfterStart');
  if (value.mode === 'video' && !value.videoUrl.trim())
    problems.videoUrl = t('meetings.form.videoUrlRequired');
  return problems;
}
