import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type Answer } from '../../api/client.ts';
import { PORTAL_PLAN_PDF_URL, agreePortalPlan, getPortalPlan, markPortalAction, proposePortalGoal, type PortalPlan } from '../../api/portal.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';

type Goal = PortalPlan['goals'][number];
type Action = Goal['actions'][number];
const KEY = ['portal-plan'];
const TITLE_MAX = 200;

/** "Wat gaat u doen?": the resident's plan, his own actions first, what others do, agree, propose a goal, the PDF. */
export function PortalPlanPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.plan.title'));
  const plan = useQuery({ queryKey: KEY, queryFn: getPortalPlan, retry: false });
  if (plan.isPending) {
    return (
      <>
        <Heading level={1}>{t('portal.plan.title')}</Heading>
        <LoadingState />
      </>
    );
  }
  if (plan.error) {
    return (
      <>
        <Heading level={1}>{t('portal.plan.title')}</Heading>
        {isApiError(plan.error, 404) ? <Paragraph lead>{t('portal.plan.noPlan')}</Paragraph> : <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />}
      </>
    );
  }
  return <PlanView answer={plan.data} />;
}

function useWrite<A>(fn: (arg: A, etag: string) => Promise<Answer<PortalPlan>>, etag: string, onStale: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: A) => fn(arg, etag),
    onSuccess: (a) => qc.setQueryData(KEY, a),
    onError: (e) => {
      if (isApiError(e, 412)) {
        onStale();
        void qc.invalidateQueries({ queryKey: KEY });
      }
    },
  });
}

function PlanView({ answer }: { answer: Answer<PortalPlan> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const errorText = useErrorText();
  const plan = answer.data;
  const etag = answer.etag ?? '';
  const [stale, setStale] = useState(false);
  const onStale = () => setStale(true);
  const mark = useWrite((a: { id: string; status: 'open' | 'done' }, tag) => markPortalAction(a.id, a.status, tag), etag, onStale);
  const agree = useWrite((_: null, tag) => agreePortalPlan(tag), etag, onStale);
  const agreement = plan.agreement;
  const agreedNow = agreement && agreement.how && !agreement.changedSinceAgreement;
  return (
    <>
      <Heading level={1}>{t('portal.plan.title')}</Heading>
      <Paragraph lead>{t('portal.plan.intro')}</Paragraph>
      {stale && (
        <Alert type="warning" live="alert">
          <p className="utrecht-paragraph">{t('portal.plan.stale')}</p>
        </Alert>
      )}
      {mark.error && !isApiError(mark.error, 412) && <ErrorState error={mark.error} />}
      {plan.goals.map((g) => (
        <GoalCard key={g.id} goal={g} locale={locale} busyId={mark.isPending ? mark.variables?.id : undefined} onMark={(id, status) => mark.mutate({ id, status })} />
      ))}
      <section className="portal-card" aria-labelledby="akkoord">
        <Heading level={2} id="akkoord">
          {t('portal.plan.agreeHeading')}
        </Heading>
        {agreedNow ? (
          <Alert type="ok">
            <p className="utrecht-paragraph">{t('portal.plan.agreed', { date: formatDate(agreement.agreedOn, locale) })}</p>
          </Alert>
        ) : (
          <>
            {agreement?.changedSinceAgreement && <Paragraph>{t('portal.plan.agreedChanged')}</Paragraph>}
            <Paragraph>{t('portal.plan.agreeText')}</Paragraph>
            {plan.permissions.agree && (
              <Button appearance="primary" className="portal-button" busy={agree.isPending} onClick={() => agree.mutate(null)}>
                {t('portal.plan.agree')}
              </Button>
            )}
            {agree.error && !isApiError(agree.error, 412) && (
              <Alert type="error" live="alert">
                <p className="utrecht-paragraph">{errorText(agree.error)}</p>
              </Alert>
            )}
          </>
        )}
      </section>
      {plan.permissions.addGoal && <GoalForm etag={etag} onStale={onStale} />}
      <section className="portal-card" aria-labelledby="pdf">
        <Heading level={2} id="pdf">
          {t('portal.plan.pdf')}
        </Heading>
        <Paragraph>{t('portal.plan.pdfHint')}</Paragraph>
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action portal-button" href={PORTAL_PLAN_PDF_URL} download>
          {t('portal.plan.pdf')}
        </a>
      </section>
    </>
  );
}

function GoalCard({ goal: g, locale, busyId, onMark }: { goal: Goal; locale: string; busyId?: string; onMark: (id: string, status: 'open' | 'done') => void }) {
  const { t } = useTranslation();
  const mine = g.actions.filter((a) => a.owner.type === 'resident');
  const others = g.actions.filter((a) => a.owner.type !== 'resident');
  const headingId = `doel-${g.id}`;
  return (
    <section className="portal-card" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {t('portal.plan.goal', { title: g.title })}
      </Heading>
      {g.description && <Paragraph>{g.description}</Paragraph>}
      {g.proposedByResident && <Paragraph small>{t('portal.plan.proposed')}</Paragraph>}
      <Heading level={3}>{t('portal.plan.mine')}</Heading>
      {mine.length === 0 ? (
        <Paragraph>{t('portal.plan.noMine')}</Paragraph>
      ) : (
        <ul className="portal-stack">
          {mine.map((a) => (
            <li key={a.id} className="portal-action">
              <ActionText action={a} locale={locale} />
              {a.permissions.edit &&
                (a.status === 'done' ? (
                  <Button className="portal-button" busy={busyId === a.id} aria-label={t('portal.plan.reopenLabel', { action: a.description })} onClick={() => onMark(a.id, 'open')}>
                    {t('portal.plan.reopen')}
                  </Button>
                ) : (
                  <Button appearance="primary" className="portal-button" busy={busyId === a.id} aria-label={t('portal.plan.markDoneLabel', { action: a.description })} onClick={() => onMark(a.id, 'done')}>
                    {t('portal.plan.markDone')}
                  </Button>
                ))}
            </li>
          ))}
        </ul>
      )}
      <Heading level={3}>{t('portal.plan.others')}</Heading>
      {others.length === 0 ? (
        <Paragraph>{t('portal.plan.noOthers')}</Paragraph>
      ) : (
        <ul className="portal-stack">
          {others.map((a) => (
            <li key={a.id} className="portal-action">
              <p className="utrecht-paragraph">
                <strong>{a.owner.name}</strong>
              </p>
              <ActionText action={a} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionText({ action: a, locale }: { action: Action; locale: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="utrecht-paragraph">{a.description}</p>
      {a.status === 'done' ? (
        <p className="utrecht-paragraph portal-done">
          <span aria-hidden="true">✓ </span>
          {a.completedAt ? t('portal.plan.doneAt', { date: formatDate(a.completedAt, locale) }) : t('portal.plan.done')}
        </p>
      ) : (
        a.dueDate && (
          <p className="utrecht-paragraph portal-muted">
            {t('portal.plan.due', { date: formatDate(a.dueDate, locale) })}
            {a.overdue && <strong> — {t('portal.plan.overdue')}</strong>}
          </p>
        )
      )}
    </>
  );
}

function GoalForm({ etag, onStale }: { etag: string; onStale: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState(false);
  const propose = useMutation({
    mutationFn: () => proposePortalGoal({ title: title.trim(), ...(description.trim() ? { description: description.trim() } : {}) }, etag),
    onSuccess: (a) => {
      qc.setQueryData(KEY, a);
      setTitle('');
      setDescription('');
      setAdded(true);
    },
    onError: (e) => {
      if (isApiError(e, 412)) {
        onStale();
        void qc.invalidateQueries({ queryKey: KEY });
      }
      if (isApiError(e, 400)) setErrors(Object.fromEntries(e.invalidParams.map((p) => [p.name, p.reason])));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('portal.plan.goalTitleHint');
    else if (title.trim().length > TITLE_MAX) next.title = t('portal.plan.goalTitleHint');
    setErrors(next);
    if (Object.keys(next).length === 0) propose.mutate();
  };
  return (
    <section className="portal-card" aria-labelledby="eigen-doel">
      <Heading level={2} id="eigen-doel">
        {t('portal.plan.goalHeading')}
      </Heading>
      <Paragraph>{t('portal.plan.goalText')}</Paragraph>
      {added && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('portal.plan.goalAdded')}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="portal-stack">
        <TextField id="goal-title" label={t('portal.plan.goalTitle')} description={t('portal.plan.goalTitleHint')} error={errors.title} value={title} onChange={(e) => setTitle(e.target.value)} required />
        <TextAreaField id="goal-description" label={t('portal.plan.goalDescription')} error={errors.description} value={description} onChange={(e) => setDescription(e.target.value)} optional rows={3} />
        <Button type="submit" appearance="primary" className="portal-button" busy={propose.isPending}>
          {t('portal.plan.goalAdd')}
        </Button>
      </form>
    </section>
  );
}
