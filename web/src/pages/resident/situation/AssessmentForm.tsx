import { useRef, useState, type FormEvent } from 'react';
import { zrmDomains, type AssessmentHistory, type ZrmDomain } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { cx } from '../../../components/classNames.ts';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { localDateTimeWithOffset, todayIso } from '../../../format/dates.ts';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { calendarDateProblem, toIsoDate, toTypedDate } from '../../../rules/dateRules.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import { ladderRungs, useSituationText, zrmScores, type SituationText } from './labels.ts';
import { useRecordAssessment } from './useSituation.ts';

const NONE = '';
const radioId = (domain: ZrmDomain, value: number | typeof NONE) =>
  `zrm-${domain}-${value === NONE ? 'none' : value}`;
const firstRadioId = (domain: ZrmDomain) => radioId(domain, zrmScores[0]);

/** One ZRM domain: radios 1–5 with the Dutch labels, and "Niet besproken" to leave it out. */
function DomainFieldset({
  domain,
  value,
  previous,
  error,
  onChange,
  text,
}: {
  domain: ZrmDomain;
  value: number | undefined;
  previous: string | null;
  error: string | undefined;
  onChange: (value: number | undefined) => void;
  text: SituationText;
}) {
  const { t } = text;
  const descriptionId = `zrm-${domain}-description`;
  const errorId = `zrm-${domain}-error`;
  const described =
    [previous ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const option = (v: number | typeof NONE, label: string) => {
    const id = radioId(domain, v);
    return (
      <div className="app-radio" key={id}>
        <input
          id={id}
          type="radio"
          name={`zrm-${domain}`}
          value={String(v)}
          checked={v === NONE ? value === undefined : value === v}
          aria-invalid={error ? true : undefined}
          onChange={() => onChange(v === NONE ? undefined : v)}
          className={cx(
            'utrecht-radio-button',
            'utrecht-radio-button--html-input',
            error && 'utrecht-radio-button--invalid',
          )}
        />
        <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio">
          {label}
        </label>
      </div>
    );
  };
  return (
    <fieldset
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        'app-zrm-fieldset',
        error && 'app-zrm-fieldset--invalid',
      )}
      aria-describedby={described}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {text.domain(domain)}
      </legend>
      {previous && (
        <p className="utrecht-form-field-description app-zrm-fieldset__previous" id={descriptionId}>
          {previous}
        </p>
      )}
      {error && (
        <p className="app-field-error" id={errorId}>
          <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="app-radio-grid">
        {zrmScores.map((s) => option(s, text.score(s)))}
        {option(NONE, t('situation.form.notDiscussed'))}
      </div>
    </fieldset>
  );
}

/**
 * Record a new scoring, usually in the 3-gesprek: any domains that were discussed, the ladder rung, a note.
 * Earlier scorings stay; the overview shows the latest per domain.
 */
export function AssessmentForm({
  residentId,
  history,
  onOpen,
  onSaved,
}: {
  residentId: string;
  history: AssessmentHistory | undefined;
  onOpen: () => void;
  onSaved: () => void;
}) {
  const text = useSituationText();
  const { t } = text;
  const errorText = useErrorText();
  const record = useRecordAssessment(residentId);
  const [open, setOpen] = useState(false);
  const [scores, setScores] = useState<Partial<Record<ZrmDomain, number>>>({});
  const [rung, setRung] = useState('');
  const [note, setNote] = useState('');
  // Typed as day-month-year (DateField); sent as an ISO date.
  const [date, setDate] = useState(() => toTypedDate(todayIso()));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const toggleRef = useRef<HTMLButtonElement>(null);

  const serverErrors = fieldErrorsOf(record.error);
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const otherError = record.error && Object.keys(serverErrors).length === 0 ? record.error : null;

  const previousOf = (domain: ZrmDomain): string | null => {
    const latest = history?.trend.domains.find((d) => d.domain === domain)?.latest;
    return latest
      ? t('situation.form.previous', {
          score: text.score(latest.score, latest.scoreLabel),
          date: text.date(latest.scoredAt),
        })
      : null;
  };
  const previousRung = history?.trend.ladder.latest;

  // Where each error lives: the id to jump to and the name of the field.
  const fieldOf = (name: string): { fieldId: string; label: string } => {
    const domain = name.startsWith('scores.') ? (name.slice('scores.'.length) as ZrmDomain) : null;
    if (domain && zrmDomains.includes(domain))
      return { fieldId: firstRadioId(domain), label: text.domain(domain) };
    if (name === 'ladderRung') return { fieldId: 'zrm-ladderRung', label: t('situation.form.rung') };
    if (name === 'scoredAt') return { fieldId: 'zrm-date', label: t('situation.form.date') };
    if (name === 'note') return { fieldId: 'zrm-note', label: t('situation.form.note') };
    return { fieldId: firstRadioId(zrmDomains[0]!), label: t('situation.form.scoresLabel') };
  };
  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({
    ...fieldOf(name),
    message,
  }));
  const domainError = (domain: ZrmDomain) => errors[`scores.${domain}`];
  const generalError = errors.scores;

  const reset = () => {
    setScores({});
    setRung('');
    setNote('');
    setDate(toTypedDate(todayIso()));
    setLocalErrors({});
    record.reset();
  };

  const close = () => {
    setOpen(false);
    reset();
    window.requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const anyScore = Object.keys(scores).length > 0;
    if (!anyScore && !rung) problems.scores = t('situation.form.nothingChosen');
    const dateIso = toIsoDate(date);
    if (!date.trim()) problems.scoredAt = t('situation.form.dateRequired');
    else if (!dateIso) problems.scoredAt = calendarDateProblem(date)!.reason;
    else if (dateIso > todayIso()) problems.scoredAt = t('situation.form.dateFuture');
    record.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    record.mutate(
      {
        scores,
        ladderRung: rung ? Number(rung) : null,
        note: note.trim() || null,
        // Today: the server takes "now". An earlier conversation: midday of that day.
        scoredAt: dateIso === todayIso() ? undefined : localDateTimeWithOffset(dateIso!, '12:00'),
      },
      {
        onSuccess: () => {
          onSaved();
          close();
        },
      },
    );
  };

  return (
    <div className="app-subform app-zrm-form">
      <Button
        ref={toggleRef}
        appearance={open ? 'secondary' : 'primary'}
        aria-expanded={open}
        aria-controls="zrm-form"
        onClick={() => {
          if (open) close();
          else {
            onOpen();
            setOpen(true);
          }
        }}
      >
        {t('situation.form.toggle')}
      </Button>
      {open && (
        <form
          id="zrm-form"
          className="app-form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby="zrm-form-heading"
        >
          <Heading level={3} id="zrm-form-heading">
            {t('situation.form.title')}
          </Heading>
          <ErrorSummary items={summary} />
          {otherError && (
            <Alert type="error" live="alert" title={t('situation.form.failed')}>
              <p className="utrecht-paragraph">{errorText(otherError)}</p>
            </Alert>
          )}
          <p className="utrecht-paragraph app-zrm-form__intro">{t('situation.form.intro')}</p>
          <DateField
            id="zrm-date"
            label={t('situation.form.date')}
            description={t('situation.form.dateDescription')}
            required
            value={date}
            error={errors.scoredAt}
            onChange={(e) => setDate(e.target.value)}
          />
          <fieldset
            className="app-fieldset"
            aria-describedby={generalError ? 'zrm-scores-error' : 'zrm-scores-description'}
          >
            <legend>{t('situation.zrm.title')}</legend>
            <p className="utrecht-form-field-description app-muted" id="zrm-scores-description">
              {t('situation.form.scoresDescription')}
            </p>
            {generalError && (
              <p className="app-field-error" id="zrm-scores-error">
                <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
                {generalError}
              </p>
            )}
            {zrmDomains.map((domain) => (
              <DomainFieldset
                key={domain}
                domain={domain}
                value={scores[domain]}
                previous={previousOf(domain)}
                error={domainError(domain)}
                text={text}
                onChange={(v) =>
                  setScores((current) => {
                    const next = { ...current };
                    if (v === undefined) delete next[domain];
                    else next[domain] = v;
                    return next;
                  })
                }
              />
            ))}
          </fieldset>
          <SelectField
            id="zrm-ladderRung"
            label={t('situation.form.rung')}
            description={
              previousRung
                ? t('situation.form.previous', {
                    score: text.rung(previousRung.rung, previousRung.label),
                    date: text.date(previousRung.scoredAt),
                  })
                : t('situation.form.rungDescription')
            }
            optional
            emptyOption={t('situation.form.notDiscussed')}
            options={ladderRungs.map((r) => ({ value: String(r), label: text.rung(r) }))}
            value={rung}
            error={errors.ladderRung}
            onChange={(e) => setRung(e.target.value)}
          />
          <TextAreaField
            id="zrm-note"
            label={t('situation.form.note')}
            description={t('situation.form.noteDescription')}
            optional
            rows={3}
            value={note}
            error={errors.note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="app-button-row">
            <Button type="submit" appearance="primary" busy={record.isPending}>
              {t('situation.form.submit')}
            </Button>
            <Button appearance="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
