import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isUnavailable } from '../../api/client.ts';
import { ACTIVITY_KINDS, EXEMPTION_REASONS, getSearchPeriod, handleEarly, proposeExemption, recordSearchActivity, type SearchActivityKind, type ExemptionReason, type SearchPeriod } from '../../api/youth.api.ts';
import { apiDate, calendarDateProblem } from '../../rules/dateRules.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate } from '../../format/dates.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { PeriodStatus } from './shared.tsx';

/** One search period: its dates and state, what the young person did, the exemption (proposed, checked). */
export function SearchPeriodPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { id = '' } = useParams();
  const key = ['youth', 'period', id];
  const period = useQuery({ queryKey: key, queryFn: () => getSearchPeriod(id), retry: false });
  useDocumentTitle(period.data ? t('youth.period.title', { name: period.data.residentName }) : t('youth.list.title'));
  if (period.isPending) return <LoadingState />;
  if (isUnavailable(period.error)) return <NotFoundContent backTo="/jongeren" />;
  if (period.error) return <ErrorState error={period.error} onRetry={() => void period.refetch()} />;
  const p = period.data;
  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to="/jongeren">
          <span aria-hidden="true">← </span>
          {t('youth.period.back')}
        </AppLink>
      </p>
      <Heading level={1}>{t('youth.period.title', { name: p.residentName })}</Heading>
      <Paragraph>
        <PeriodStatus period={p} /> <AppLink to={`/inwoners/${encodeURIComponent(p.residentId)}`}>{t('youth.period.toResident')}</AppLink>
      </Paragraph>
      <DataList
        items={[
          { key: 'report', label: t('youth.period.reportDate'), value: formatDate(p.reportDate, locale) },
          { key: 'end', label: t('youth.period.endDate'), value: formatDate(p.endDate, locale) },
          { key: 'status', label: t('youth.period.status'), value: t(`youth.status.${p.status}`) },
          { key: 'team', label: t('youth.period.team'), value: p.team.name },
          { key: 'by', label: t('youth.period.createdBy'), value: p.createdBy.displayName },
          p.handledEarly && { key: 'early', label: t('youth.period.handledEarly'), value: `${formatDate(p.handledEarly.on, locale)}: ${p.handledEarly.reason}` },
          p.withdrawn && { key: 'withdrawn', label: t('youth.period.withdrawn'), value: `${formatDate(p.withdrawn.on, locale)}: ${p.withdrawn.reason}` },
        ]}
      />
      <section className="app-section" aria-labelledby="activities-heading">
        <Heading level={2} id="activities-heading">
          {t('youth.period.activities')}
        </Heading>
        {p.activities.length === 0 ? (
          <Paragraph>{t('youth.period.noActivities')}</Paragraph>
        ) : (
          <ul className="utrecht-unordered-list">
            {p.activities.map((a) => (
              <li key={a.id} className="utrecht-unordered-list__item">
                {formatDate(a.occurredOn, locale)} · {t(`youth.kinds.${a.kind}`)}: {a.description}
              </li>
            ))}
          </ul>
        )}
        {p.permissions.write && <ActivityForm period={p} />}
      </section>
      <section className="app-section" aria-labelledby="exemption-heading">
        <Heading level={2} id="exemption-heading">
          {t('youth.period.exemptions')}
        </Heading>
        {p.exemptions.length === 0 && <Paragraph>{t('youth.period.noExemption')}</Paragraph>}
        {p.exemptions.map((e) => (
          <div key={e.id} className="app-youth-exemption">
            <Paragraph>
              <StatusBadge status={e.status === 'confirmed' ? 'safe' : e.status === 'pending' ? 'warning' : 'inactive'}>{t(`youth.exemptionStatus.${e.status}`)}</StatusBadge>{' '}
              {t(`youth.reasons.${e.reasonCategory}`)}
            </Paragraph>
            {e.reasonText && <Paragraph>{e.reasonText}</Paragraph>}
            <Paragraph small>
              {e.legalBasis} · {t('youth.period.decidedBy', { name: e.decidedBy.displayName, date: formatDate(e.decidedOn, locale) })}
              {e.reviewedBy && <> · {t('youth.period.reviewedBy', { name: e.reviewedBy.displayName })}</>}
              {e.reviewNote && <>: {e.reviewNote}</>}
            </Paragraph>
          </div>
        ))}
        {p.permissions.proposeExemption && <ExemptionForm period={p} />}
      </section>
      {p.permissions.write && <HandleEarlyForm period={p} />}
    </>
  );
}

function usePeriodUpdate(periodId: string) {
  const client = useQueryClient();
  return (updated?: SearchPeriod) => {
    if (updated) client.setQueryData(['youth', 'period', periodId], updated);
    void client.invalidateQueries({ queryKey: ['youth'] });
  };
}

function ActivityForm({ period }: { period: SearchPeriod }) {
  const { t } = useTranslation();
  const [occurredOn, setOccurredOn] = useState('');
  const [kind, setKind] = useState<SearchActivityKind>('jobApplication');
  const [description, setDescription] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const update = usePeriodUpdate(period.id);
  const save = useMutation({
    mutationFn: (iso: string) => recordSearchActivity(period.id, { occurredOn: iso, kind, description }),
    onSuccess: (p) => {
      update(p);
      setDescription('');
      setOccurredOn('');
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = calendarDateProblem(occurredOn);
    setDateError(problem?.reason);
    if (!problem) save.mutate(apiDate(occurredOn));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="activity-form-heading">
      <Heading level={3} id="activity-form-heading">
        {t('youth.period.addActivity')}
      </Heading>
      <DateField id="activity-date" label={t('youth.period.occurredOn')} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} error={dateError ?? errors.occurredOn} required />
      <SelectField id="activity-kind" label={t('youth.period.kind')} value={kind} onChange={(e) => setKind(e.target.value as SearchActivityKind)} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`youth.kinds.${k}`) }))} />
      <TextAreaField id="activity-description" label={t('youth.period.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} required rows={2} />
      <Button type="submit" appearance="secondary" busy={save.isPending}>
        {t('youth.period.save')}
      </Button>
    </form>
  );
}

function ExemptionForm({ period }: { period: SearchPeriod }) {
  const { t } = useTranslation();
  const [legalBasis, setLegalBasis] = useState(() => t('youth.period.legalBasisDefault'));
  const [reasonCategory, setReason] = useState<ExemptionReason | ''>('');
  const [reasonText, setReasonText] = useState('');
  const update = usePeriodUpdate(period.id);
  const save = useMutation({
    mutationFn: () => proposeExemption(period.id, { legalBasis, reasonCategory, reasonText: reasonText || undefined }),
    onSuccess: () => update(),
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
      aria-labelledby="exemption-form-heading"
    >
      <Heading level={3} id="exemption-form-heading">
        {t('youth.period.proposeTitle')}
      </Heading>
      <Paragraph>{t('youth.period.proposeIntro')}</Paragraph>
      {save.isSuccess && <Alert type="ok" live="status">{t('youth.period.proposed')}</Alert>}
      <TextField id="exemption-legal-basis" label={t('youth.period.legalBasis')} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} error={errors.legalBasis} required />
      <SelectField
        id="exemption-reason"
        label={t('youth.period.reason')}
        value={reasonCategory}
        onChange={(e) => setReason(e.target.value as ExemptionReason | '')}
        emptyOption={t('youth.period.chooseReason')}
        options={EXEMPTION_REASONS.map((r) => ({ value: r, label: t(`youth.reasons.${r}`) }))}
        error={errors.reasonCategory}
        required
      />
      <TextAreaField id="exemption-text" label={t('youth.period.reasonText')} description={t('youth.period.reasonTextHint')} value={reasonText} onChange={(e) => setReasonText(e.target.value)} error={errors.reasonText} rows={3} />
      <Button type="submit" appearance="primary" busy={save.isPending}>
        {t('youth.period.propose')}
      </Button>
    </form>
  );
}

function HandleEarlyForm({ period }: { period: SearchPeriod }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const update = usePeriodUpdate(period.id);
  const save = useMutation({ mutationFn: () => handleEarly(period.id, reason), onSuccess: (p) => update(p) });
  const errors = fieldErrorsOf(save.error);
  return (
    <section className="app-section" aria-labelledby="early-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Heading level={2} id="early-heading">
          {t('youth.period.earlyTitle')}
        </Heading>
        <TextAreaField id="early-reason" label={t('youth.period.earlyReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} required rows={2} />
        <Button type="submit" appearance="secondary" busy={save.isPending}>
          {t('youth.period.earlySave')}
        </Button>
      </form>
    </section>
  );
}
