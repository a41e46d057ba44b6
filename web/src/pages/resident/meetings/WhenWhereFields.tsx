import { useTranslation } from 'react-i18next';
import { meetingModes, type MeetingMode, type MeetingType } from '../../../api/models.ts';
import { DateField } from '../../../components/DateField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { localDateTimeWithOffset } from '../../../format/dates.ts';
import { calendarDateProblem, plannedMeetingProblems, toIsoDate, type DateProblem } from '../../../rules/dateRules.ts';
import { checkPlace } from '../../../rules/meetingRules.ts';

export interface WhenWhere {
  /** As typed: dd-mm-jjjj. */
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
        <DateField
          id={`${prefix}-date`}
          label={t('meetings.form.date')}
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

/** The instant of a typed date and time (local time zone, with its offset), or null when the date is not a date. */
export function instantOf(date: string, time: string): string | null {
  const iso = toIsoDate(date);
  return iso && time ? localDateTimeWithOffset(iso, time) : null;
}

/**
 * Every problem of the fields at once, with the server's own rules (src/domain/date-rules.ts and the meetings'
 * place rule): a date that does not exist, a moment in the past, on a weekend or outside office hours, an end before
 * the start, a place or link missing. `checkTimes: false` when only the place changes (the time stays as it was).
 */
export function checkWhenWhere(
  value: WhenWhere,
  t: (k: string) => string,
  ruleText: (p: DateProblem | null) => string | undefined,
  options: { type?: MeetingType; checkTimes?: boolean } = {},
): Record<string, string> {
  const problems: Record<string, string> = {};
  const add = (name: string, text: string | undefined) => {
    if (text) problems[name] = problems[name] ? `${problems[name]} ${text}` : text;
  };
  if (!value.date.trim() || !value.start) add('startsAt', t('meetings.form.whenRequired'));
  else add('startsAt', ruleText(calendarDateProblem(value.date)));
  if (!value.end) add('endsAt', t('meetings.form.endRequired'));
  const startsAt = instantOf(value.date, value.start);
  const endsAt = instantOf(value.date, value.end);
  if (startsAt && endsAt && options.checkTimes !== false) {
    for (const p of plannedMeetingProblems(new Date(startsAt), new Date(endsAt), new Date())) add(p.name, ruleText(p));
  }
  if (options.type) {
    const place: Array<{ name: string; code: string; reason: string }> = [];
    checkPlace(
      {
        type: options.type,
        mode: value.mode,
        location: value.mode === 'inPerson' ? value.location.trim() || null : null,
        videoUrl: value.mode === 'video' ? value.videoUrl.trim() || null : null,
      },
      place,
    );
    for (const p of place) add(p.name, ruleText({ code: `place.${p.name}.${p.code}`, reason: p.reason }));
  } else if (value.mode === 'video' && !value.videoUrl.trim()) {
    add('videoUrl', t('meetings.form.videoUrlRequired'));
  }
  return problems;
}
