import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField.tsx';
import { apiDate, followUpDoneProblem, todayNl, toTypedDate } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import type { FollowUp } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { daysAgo } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { FormProblems, Section, focusLater, formErrors, useFormat } from '../employers/shared.tsx';
import { useRecordFollowUp, usePlacement } from './usePlacements.ts';
import '../employers/employers.css';

function FollowUpForm({ placementId, etag, startDate, followUp, onDone }: { placementId: string; etag: string; startDate: string; followUp: FollowUp; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const save = useRecordFollowUp(placementId);
  const m = followUp.months;
  const [still, setStill] = useState<'' | 'yes' | 'no'>(followUp.stillEmployed === null ? '' : followUp.stillEmployed ? 'yes' : 'no');
  const [doneOn, setDoneOn] = useState(toTypedDate(followUp.doneOn ?? todayNl()));
  const ruleText = useRuleText();
  const [note, setNote] = useState(followUp.note ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const stale = isApiError(save.error, 412);
  const { errors, other } = formErrors(stale ? null : save.error, local);
  const prefix = `followup-${m}`;
  const fields = {
    stillEmployed: { id: `${prefix}-still-yes`, label: t('placements.followUp.stillEmployed') },
    doneOn: { id: `${prefix}-date`, label: t('placements.followUp.doneOn') },
    note: { id: `${prefix}-note`, label: t('placements.followUp.note') },
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!still) missing.stillEmployed = t('placements.followUp.errors.stillEmployed');
    // The shared rule: not before the placement started, not in the future (the server holds it too).
    const problem = doneOn.trim() ? ruleText(followUpDoneProblem(doneOn, startDate, todayNl())) : t('placements.followUp.errors.doneOn');
    if (problem) missing.doneOn = problem;
    setLocal(missing);
    save.reset();
    if (Object.keys(missing).length > 0) return;
    save.mutate({ months: m, etag, body: { doneOn: apiDate(doneOn), stillEmployed: still === 'yes', note: note.trim() || undefined } }, { onSuccess: () => onDone(true) });
  };
  return (
    <form id={`${prefix}-form`} className="app-form" noValidate onSubmit={onSubmit} aria-labelledby={`${prefix}-form-heading`}>
      <h4 className="utrecht-heading-4" id={`${prefix}-form-heading`} tabIndex={-1}>
        {t('placements.followUp.formTitle', { count: m })}
      </h4>
      {stale && (
        <Alert type="warning" live="alert" title={t('placements.followUp.conflictTitle')}>
          <p className="utrecht-paragraph">{t('placements.followUp.conflictText')}</p>
        </Alert>
      )}
      <FormProblems formId={`${prefix}-form`} errors={errors} other={other} fields={fields} failedTitle={t('placements.followUp.failed')} />
      <fieldset className="app-fieldset app-fieldset--compact" aria-describedby={errors.stillEmployed ? `${prefix}-still-error` : undefined}>
        <legend>{t('placements.followUp.stillEmployed')}</legend>
        {errors.stillEmployed && (
          <p className="utrecht-form-field-error-message app-field-error" id={`${prefix}-still-error`}>
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {errors.stillEmployed}
          </p>
        )}
        <div className="app-button-row">
          {(['yes', 'no'] as const).map((o) => (
            <div className="utrecht-form-field utrecht-form-field--radio app-form-field app-radio" key={o}>
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  id={`${prefix}-still-${o}`}
                  name={`${prefix}-still`}
                  checked={still === o}
                  onChange={() => setStill(o)}
                  aria-invalid={errors.stillEmployed ? true : undefined}
                  className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${prefix}-still-${o}`}>
                  {t(`placements.followUp.${o}`)}
                </label>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <DateField id={`${prefix}-date`} label={t('placements.followUp.doneOn')} required value={doneOn} error={errors.doneOn} onChange={(e) => setDoneOn(e.target.value)} />
      <TextAreaField
        id={`${prefix}-note`}
        label={t('placements.followUp.note')}
        description={t('placements.followUp.noteDescription')}
        optional
        rows={3}
        maxLength={1000}
        value={note}
        error={errors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('placements.followUp.submit')}
        </Button>
        <Button appearance="subtle" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function FollowUpItem({ placementId, etag, startDate, followUp: fu }: { placementId: string; etag: string; startDate: string; followUp: FollowUp }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const done = fu.doneOn !== null;
  const overdueDays = !done ? daysAgo(fu.dueOn) : 0;
  const toggleId = `followup-${fu.months}-toggle`;
  return (
    <li className="app-card app-followup">
      <h3 className="utrecht-heading-3 app-card__title">
        {t('placements.followUp.after', { count: fu.months })}{' '}
        {done ? (
          <StatusBadge status={fu.stillEmployed ? 'safe' : 'warning'}>{t(fu.stillEmployed ? 'placements.followUp.stillYes' : 'placements.followUp.stillNo')}</StatusBadge>
        ) : overdueDays > 0 ? (
          <StatusBadge status="danger">{t('placements.followUp.overdue', { count: overdueDays })}</StatusBadge>
        ) : (
          <StatusBadge status="neutral">{t('placements.followUp.todo')}</StatusBadge>
        )}
      </h3>
      <p className="utrecht-paragraph app-card__line">
        <span className="app-muted">{t('placements.followUp.dueOn')}: </span>
        {fmt.date(fu.dueOn)}
      </p>
      {done && fu.doneOn && (
        <p className="utrecht-paragraph app-card__line">
          <span className="app-muted">{t('placements.followUp.doneOn')}: </span>
          {fmt.date(fu.doneOn)}
        </p>
      )}
      {done && fu.note && (
        <p className="utrecht-paragraph app-card__line app-prewrap">
          <span className="app-muted">{t('placements.followUp.note')}: </span>
          {fu.note}
        </p>
      )}
      <div className="app-card__spacer" />
      <div role="status">{saved && !open && <Alert type="ok">{t('placements.followUp.saved', { count: fu.months })}</Alert>}</div>
      {!open && (
        <Button
          id={toggleId}
          appearance={done ? 'subtle' : 'secondary'}
          aria-expanded={false}
          onClick={() => {
            setSaved(false);
            setOpen(true);
            focusLater(`followup-${fu.months}-form-heading`);
          }}
        >
          {done ? t('placements.followUp.change', { count: fu.months }) : t('placements.followUp.record', { count: fu.months })}
        </Button>
      )}
      {open && (
        <FollowUpForm
          placementId={placementId}
          etag={etag}
          startDate={startDate}
          followUp={fu}
          onDone={(ok) => {
            setOpen(false);
            setSaved(ok);
            focusLater(toggleId);
          }}
        />
      )}
    </li>
  );
}

/** One placement with its follow-up (nazorg) moments at 1, 3, 6 and 12 months. */
export function PlacementPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const query = usePlacement(id);
  const canRegisterOutflow = hasPermission(useSession(), 'outflow:write');
  const p = query.data?.placement;
  const etag = query.data?.etag ?? '';
  const title = p ? (p.residentName ? t('placements.titleNamed', { name: p.residentName, employer: p.employer.name }) : t('placements.titleAt', { employer: p.employer.name })) : t('placements.title');
  useDocumentTitle(title);
  if (isApiError(query.error, 404) || isApiError(query.error, 400)) return <NotFoundContent />;

  return (
    <>
      {p?.vacancy && (
        <p className="utrecht-paragraph app-back">
          <AppLink to={`/vacatures/${p.vacancy.id}`}>
            <span aria-hidden="true">← </span>
            {t('placements.backToVacancy', { title: p.vacancy.title })}
          </AppLink>
        </p>
      )}
      <Heading level={1} data-loading={query.isPending || undefined}>
        {title}
      </Heading>
      {query.isPending && <LoadingState />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {p && (
        <>
          {created && (
            <Alert type="ok" live="status" title={t('placements.created')}>
              <p className="utrecht-paragraph">{t('placements.createdDetail')}</p>
            </Alert>
          )}
          <DataList
            items={[
              { key: 'employer', label: t('placements.fields.employer'), value: <AppLink to={`/werkgevers/${p.employer.id}`}>{p.employer.name}</AppLink> },
              p.vacancy ? { key: 'vacancy', label: t('placements.fields.vacancy'), value: <AppLink to={`/vacatures/${p.vacancy.id}`}>{p.vacancy.title}</AppLink> } : null,
              { key: 'start', label: t('placements.fields.startDate'), value: fmt.date(p.startDate) },
              { key: 'contract', label: t('placements.fields.contractType'), value: t(`vacancies.contractType.${p.contractType}`) },
              { key: 'hours', label: t('placements.fields.hoursPerWeek'), value: t('vacancies.hoursLong', { hours: fmt.number(p.hoursPerWeek) }) },
              { key: 'wage', label: t('placements.fields.hourlyWage'), value: p.hourlyWage !== null ? fmt.money(p.hourlyWage) : t('common.notFilledIn') },
              { key: 'instrument', label: t('placements.fields.instrument'), value: p.instrument ? t(`vacancies.instrument.${p.instrument}`) : t('placements.noInstrument') },
              { key: 'agreement', label: t('placements.fields.agreementId'), value: p.agreement ? p.agreement.title : t('placements.noAgreement') },
              { key: 'outflow', label: t('placements.fields.outflow'), value: t(`placements.outflow.${p.outflow}`) },
              p.outflow === 'full' || p.outflowRegistration
                ? {
                    key: 'outflowRegistration',
                    label: t('outflow.placementRow'),
                    value: p.outflowRegistration ? (
                      t(p.outflowRegistration.returnedOn ? 'outflow.placementReturned' : 'outflow.placementRegistered', {
                        date: fmt.date(p.outflowRegistration.outflowOn),
                        reason: t(`outflow.reasons.${p.outflowRegistration.reason}`),
                        returned: p.outflowRegistration.returnedOn ? fmt.date(p.outflowRegistration.returnedOn) : '',
                      })
                    ) : canRegisterOutflow ? (
                      <>
                        {t('outflow.placementPending')} <AppLink to={`/inwoners/${p.residentId}#uitstroom`}>{t('outflow.placementPendingLink')}</AppLink>
                      </>
                    ) : (
                      t('outflow.placementPending')
                    ),
                  }
                : null,
              { key: 'status', label: t('placements.fields.status'), value: t(`placements.status.${p.status}`) },
            ]}
          />
          <Section id="nazorg" title={t('placements.followUp.title')}>
            <p className="utrecht-paragraph">{t('placements.followUp.intro')}</p>
            <ol className="app-card-list app-followups">
              {[...p.followUps]
                .sort((a, b) => a.months - b.months)
                .map((fu) => (
                  <FollowUpItem key={fu.months} placementId={p.id} etag={etag} startDate={p.startDate} followUp={fu} />
                ))}
            </ol>
          </Section>
        </>
      )}
    </>
  );
}
