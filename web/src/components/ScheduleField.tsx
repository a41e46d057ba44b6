import './ScheduleField.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HALF_HOURS,
  WEEKDAYS,
  formatSchedule,
  normaliseWindows,
  schoolHours,
  slotOf,
  timeOfSlot,
  type TimeWindow,
  type Weekday,
} from '../format/schedule.ts';
import { Button } from './Button.tsx';
import { cx } from './classNames.ts';

export interface ScheduleFieldProps {
  /** The id of the fieldset; error summaries link to it (it takes focus). Controls get `${id}-<day>-…` ids. */
  id: string;
  legend: ReactNode;
  value: TimeWindow[];
  onChange: (value: TimeWindow[]) => void;
  description?: ReactNode;
  error?: string | null;
}

const DEFAULT_FROM = '09:00';
const DEFAULT_TO = '17:00';

/**
 * An editor for a weekly schedule: per weekday a checkbox and "van"/"tot" selects in half hours, plus a quick
 * button for school hours (Monday to Friday 09:00–14:30). One window per day: when the value holds more windows
 * on a day, the editor shows (and keeps on edit) the span from the earliest start to the latest end.
 */
export function ScheduleField({ id, legend, value, onChange, description, error }: ScheduleFieldProps) {
  const { t } = useTranslation();
  const byDay = new Map<number, { from: string; to: string }>();
  for (const w of normaliseWindows(value)) {
    const prev = byDay.get(w.day);
    byDay.set(w.day, prev ? { from: prev.from, to: w.to } : { from: w.from, to: w.to });
  }

  function update(day: Weekday, window: { from: string; to: string } | null) {
    const next = new Map(byDay);
    if (window) next.set(day, window);
    else next.delete(day);
    onChange(WEEKDAYS.filter((d) => next.has(d)).map((d) => ({ day: d, ...next.get(d)! })));
  }

  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null, `${id}-summary`]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={cx('app-fieldset', 'app-schedule', error && 'app-schedule--invalid')}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {description && (
        <div className="utrecht-form-field-description app-schedule__description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <p className="utrecht-form-field-error-message app-field-error" id={`${id}-error`}>
          <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="app-schedule__quick">
        <Button appearance="secondary" onClick={() => onChange(schoolHours())}>
          {t('schedule.schoolHoursButton')}
        </Button>
        {value.length > 0 && (
          <Button appearance="subtle" onClick={() => onChange([])}>
            {t('schedule.clear')}
          </Button>
        )}
      </div>
      <div className="app-schedule__days">
        {WEEKDAYS.map((day) => {
          const window = byDay.get(day);
          const dayName = t(`schedule.day.${day}`);
          const base = `${id}-${day}`;
          const fromSlot = slotOf(window?.from ?? DEFAULT_FROM) ?? 18;
          return (
            <div className={cx('app-schedule__day', window && 'app-schedule__day--on')} key={day}>
              <div className="app-schedule__check">
                <input
                  id={`${base}-on`}
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                  checked={Boolean(window)}
                  onChange={(e) => update(day, e.target.checked ? { from: DEFAULT_FROM, to: DEFAULT_TO } : null)}
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${base}-on`}>
                  {dayName}
                </label>
              </div>
              <div className="app-schedule__time">
                <label className="utrecht-form-label" htmlFor={`${base}-from`}>
                  <span className="app-visually-hidden">{dayName} </span>
                  {t('schedule.from')}
                </label>
                <select
                  id={`${base}-from`}
                  className="utrecht-select utrecht-select--html-select"
                  disabled={!window}
                  value={window?.from ?? DEFAULT_FROM}
                  onChange={(e) => {
                    const from = e.target.value;
                    const to = window?.to ?? DEFAULT_TO;
                    // Keep the window valid: move the end along when the start passes it.
                    const newTo = (slotOf(to) ?? 0) <= (slotOf(from) ?? 0) ? timeOfSlot(Math.min(48, (slotOf(from) ?? 0) + 2)) : to;
                    update(day, { from, to: newTo });
                  }}
                >
                  {HALF_HOURS.slice(0, 48).map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
              <div className="app-schedule__time">
                <label className="utrecht-form-label" htmlFor={`${base}-to`}>
                  <span className="app-visually-hidden">{dayName} </span>
                  {t('schedule.to')}
                </label>
                <select
                  id={`${base}-to`}
                  className="utrecht-select utrecht-select--html-select"
                  disabled={!window}
                  value={window?.to ?? DEFAULT_TO}
                  onChange={(e) => update(day, { from: window?.from ?? DEFAULT_FROM, to: e.target.value })}
                >
                  {HALF_HOURS.slice(fromSlot + 1).map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          );
        })}
      </div>
      <p className="utrecht-paragraph app-schedule__summary" id={`${id}-summary`} aria-live="polite">
        <span className="app-schedule__summary-label">{t('schedule.summary')}</span> {formatSchedule(value, t)}
      </p>
    </fieldset>
  );
}
