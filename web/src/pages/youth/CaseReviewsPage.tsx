import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PARTICIPANT_KINDS,
  REVIEW_KINDS,
  addCaseReviewItem,
  createCaseReview,
  getCaseReview,
  listCaseReviews,
  listMySearchPeriods,
  recordCaseReviewOutcome,
  type CaseReviewItem,
  type CaseReviewKind,
  type CaseReviewSummary,
  type ParticipantKind,
} from '../../api/youth.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
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
import { apiDate, calendarDateProblem } from '../../rules/dateRules.ts';

/** Case reviews of Team Jongeren: plan a casuïstiekoverleg or afstemmingsoverleg, put a young person on the agenda, record the outcome. */
export function CaseReviewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('youth.reviews.title'));
  const reviews = useQuery({ queryKey: ['youth', 'case-reviews'], queryFn: listCaseReviews, retry: false });
  return (
    <>
      <Heading level={1}>{t('youth.reviews.title')}</Heading>
      <Paragraph lead>{t('youth.reviews.intro')}</Paragraph>
      <NewReviewForm />
      {reviews.isPending && <LoadingState />}
      {reviews.error && <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data && reviews.data.length === 0 && <Paragraph>{t('youth.reviews.empty')}</Paragraph>}
      {reviews.data?.map((r) => <Review key={r.id} review={r} />)}
    </>
  );
}

function NewReviewForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [kind, setKind] = useState<CaseReviewKind | ''>('');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (heldOn: string) => createCaseReview(kind as CaseReviewKind, heldOn),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['youth', 'case-reviews'] }),
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = calendarDateProblem(typed);
    setProblem(p?.reason);
    if (!p) save.mutate(apiDate(typed));
  };
  return (
    <details className="app-wl-details">
      <summary className="app-wl-details__summary">{t('youth.reviews.newTitle')}</summary>
      <form noValidate className="app-wl-details__body" onSubmit={submit}>
        {save.isSuccess && <Alert type="ok" live="status">{t('youth.reviews.saved')}</Alert>}
        {save.error && !Object.keys(errors).length ? <Alert type="error" live="alert">{String((save.error as Error).message)}</Alert> : null}
        <SelectField id="review-kind" label={t('youth.reviews.kind')} value={kind} emptyOption={t('youth.reviews.chooseKind')} onChange={(e) => setKind(e.target.value as CaseReviewKind)} options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`youth.reviewKinds.${k}`) }))} error={errors.kind} required />
        <DateField id="review-date" label={t('youth.reviews.heldOn')} value={typed} onChange={(e) => setTyped(e.target.value)} error={problem ?? errors.heldOn} required />
        <Button type="submit" appearance="secondary" busy={save.isPending}>
          {t('youth.reviews.plan')}
        </Button>
      </form>
    </details>
  );
}

function Review({ review: r }: { review: CaseReviewSummary }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const detail = useQuery({ queryKey: ['youth', 'case-reviews', r.id], queryFn: () => getCaseReview(r.id), retry: false });
  const headingId = `review-${r.id}`;
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t(`youth.reviewKinds.${r.kind}`)} · {formatDate(r.heldOn, locale)}
      </Heading>
      <Paragraph small>
        {t('youth.reviews.counts', { planned: r.plannedCount, discussed: r.discussedCount, team: r.team.name })} · {t('youth.reviews.next', { date: formatDate(r.nextOn, locale) })}
      </Paragraph>
      {detail.error && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data?.items.map((i) => <Item key={i.id} item={i} />)}
      <ItemForm reviewId={r.id} />
    </section>
  );
}

function Item({ item: i }: { item: CaseReviewItem }) {
  const { t } = useTranslation();
  return (
    <article className="app-section" aria-labelledby={`item-${i.id}`}>
      <Heading level={3} id={`item-${i.id}`}>
        {i.residentName}
      </Heading>
      <Paragraph>
        <StatusBadge status={i.status === 'discussed' ? 'safe' : 'neutral'}>{t(`youth.itemStatus.${i.status}`)}</StatusBadge> {i.question}
      </Paragraph>
      {i.participants.length > 0 && (
        <Paragraph small>
          {t('youth.reviews.participants')}: {i.participants.map((p) => `${p.name} (${t(`youth.participantKinds.${p.kind}`)})`).join(', ')}
        </Paragraph>
      )}
      <Paragraph small>
        <AppLink to={`/inwoners/${encodeURIComponent(i.residentId)}`}>{t('youth.period.toResident')}</AppLink>
      </Paragraph>
      {i.status === 'discussed' ? (
        <>
          <Paragraph>{i.discussion}</Paragraph>
          <Paragraph>
            <strong>{t('youth.reviews.decision')}:</strong> {i.decision}
          </Paragraph>
          {i.planActionIds.length > 0 && <Paragraph small>{t('youth.reviews.inPlan', { count: i.planActionIds.length })}</Paragraph>}
        </>
      ) : (
        <OutcomeForm item={i} />
      )}
    </article>
  );
}

function ItemForm({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const young = useQuery({ queryKey: ['youth', 'periods', 'mine'], queryFn: listMySearchPeriods, retry: false });
  const [v, setV] = useState({ residentId: '', question: '', partnerKind: '' as ParticipantKind | '', partnerName: '', consent: false });
  const set = (c: Partial<typeof v>) => setV((o) => ({ ...o, ...c }));
  const save = useMutation({
    mutationFn: () =>
      addCaseReviewItem(reviewId, {
        residentId: v.residentId,
        question: v.question,
        participants: v.partnerKind ? [{ kind: v.partnerKind, name: v.partnerName }] : [],
        consentGiven: v.consent,
      }),
    onSuccess: () => {
      setV({ residentId: '', question: '', partnerKind: '', partnerName: '', consent: false });
      void client.invalidateQueries({ queryKey: ['youth', 'case-reviews'] });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const p = `add-${reviewId}`;
  const people = new Map((young.data ?? []).map((s) => [s.residentId, s.residentName]));
  return (
    <details className="app-wl-details">
      <summary className="app-wl-details__summary">{t('youth.reviews.addTitle')}</summary>
      <form
        noValidate
        className="app-wl-details__body"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {save.error && !Object.keys(errors).length ? <Alert type="error" live="alert">{String((save.error as Error).message)}</Alert> : null}
        <SelectField id={`${p}-resident`} label={t('youth.reviews.youngPerson')} value={v.residentId} emptyOption={t('youth.reviews.chooseYoungPerson')} onChange={(e) => set({ residentId: e.target.value })} options={[...people].map(([value, label]) => ({ value, label }))} error={errors.residentId} required />
        <TextAreaField id={`${p}-question`} label={t('youth.reviews.question')} value={v.question} onChange={(e) => set({ question: e.target.value })} error={errors.question} required rows={2} />
        <SelectField id={`${p}-partner`} label={t('youth.reviews.partner')} value={v.partnerKind} emptyOption={t('youth.reviews.noPartner')} onChange={(e) => set({ partnerKind: e.target.value as ParticipantKind })} options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`youth.participantKinds.${k}`) }))} error={errors['participants.0.kind']} />
        {v.partnerKind && <TextField id={`${p}-partner-name`} label={t('youth.reviews.partnerName')} value={v.partnerName} onChange={(e) => set({ partnerName: e.target.value })} error={errors['participants.0.name']} required />}
        <CheckboxField id={`${p}-consent`} label={t('youth.reviews.consent')} checked={v.consent} onChange={(e) => set({ consent: e.target.checked })} error={errors.consentGiven} />
        <Button type="submit" appearance="secondary" busy={save.isPending}>
          {t('youth.reviews.add')}
        </Button>
      </form>
    </details>
  );
}

function OutcomeForm({ item }: { item: CaseReviewItem }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [v, setV] = useState({ discussion: '', decision: '', action: '' });
  const set = (c: Partial<typeof v>) => setV((o) => ({ ...o, ...c }));
  const save = useMutation({
    mutationFn: () => recordCaseReviewOutcome(item.id, { discussion: v.discussion, decision: v.decision, actions: v.action.trim() ? [{ description: v.action.trim() }] : [] }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['youth', 'case-reviews'] }),
  });
  const errors = fieldErrorsOf(save.error);
  const p = `outcome-${item.id}`;
  return (
    <details className="app-wl-details">
      <summary className="app-wl-details__summary">{t('youth.reviews.outcomeTitle')}</summary>
      <form
        noValidate
        className="app-wl-details__body"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {save.error && !Object.keys(errors).length ? <Alert type="error" live="alert">{String((save.error as Error).message)}</Alert> : null}
        <TextAreaField id={`${p}-discussion`} label={t('youth.reviews.discussion')} value={v.discussion} onChange={(e) => set({ discussion: e.target.value })} error={errors.discussion} required rows={3} />
        <TextAreaField id={`${p}-decision`} label={t('youth.reviews.decision')} value={v.decision} onChange={(e) => set({ decision: e.target.value })} error={errors.decision} required rows={2} />
        <TextField id={`${p}-action`} label={t('youth.reviews.action')} description={t('youth.reviews.actionHint')} value={v.action} onChange={(e) => set({ action: e.target.value })} error={errors['actions.0.description']} />
        <Button type="submit" appearance="secondary" busy={save.isPending}>
          {t('youth.reviews.record')}
        </Button>
      </form>
    </details>
  );
}
