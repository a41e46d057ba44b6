import { useRef, useState, type FormEvent } from 'react';
import { responseHows, type Proposal, type ProposalStatus, type ResponseHow } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { StatusBadge, type BadgeStatus } from '../../../components/StatusBadge.tsx';
import { Explanation } from './MatchesList.tsx';
import { useProposals, useResidentResponse, useWithdraw } from './useWork.ts';
import { useProblemText, useWorkFormat } from './workFormat.ts';

/** Still open: the werkmatcher can withdraw it. */
const OPEN_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['proposed', 'residentAgreed', 'presented', 'interviewAgreed', 'revealed'];

/** How the werkmatcher heard the resident's answer ("portal" is the resident's own answer, not recorded here). */
const RECORDED_HOWS = responseHows.filter((h) => h !== 'portal');

const BADGE: Record<ProposalStatus, BadgeStatus> = {
  proposed: 'warning',
  residentAgreed: 'active',
  residentDeclined: 'inactive',
  presented: 'active',
  interviewAgreed: 'active',
  revealed: 'active',
  placed: 'safe',
  withdrawn: 'inactive',
  rejected: 'inactive',
};

function ResponseForm({
  residentId,
  proposal,
  agreed,
  onDone,
  onCancel,
}: {
  residentId: string;
  proposal: Proposal;
  agreed: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useWorkFormat();
  const problemText = useProblemText();
  const respond = useResidentResponse(residentId);
  const [how, setHow] = useState<ResponseHow | ''>('');
  const [missing, setMissing] = useState(false);
  const base = `proposal-${proposal.id}-response`;
  const title = proposal.vacancy.title;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!how) {
      setMissing(true);
      window.requestAnimationFrame(() => document.getElementById(`${base}-${RECORDED_HOWS[0]}`)?.focus());
      return;
    }
    respond.mutate(
      { proposalId: proposal.id, agreed, how },
      { onSuccess: () => onDone(agreed ? t('proposals.savedAgreed', { title }) : t('proposals.savedDeclined', { title })) },
    );
  };
  return (
    <form className="app-form app-proposal__form" onSubmit={onSubmit} noValidate aria-labelledby={`${base}-title`}>
      <p className="utrecht-paragraph" id={`${base}-title`}>
        <strong>{agreed ? t('proposals.agreeTitle', { title }) : t('proposals.declineTitle', { title })}</strong>
      </p>
      {respond.error !== null && (
        <Alert type="error" live="alert" title={t('proposals.failed')}>
          <p className="utrecht-paragraph">{problemText(respond.error)}</p>
        </Alert>
      )}
      <fieldset
        className="app-fieldset app-proposal__how"
        aria-describedby={missing ? `${base}-error` : undefined}
      >
        <legend>{t('proposals.how')}</legend>
        {missing && (
          <p className="utrecht-form-field-error-message app-field-error" id={`${base}-error`}>
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {t('proposals.howRequired')}
          </p>
        )}
        <div className="app-proposal__how-options">
          {RECORDED_HOWS.map((h) => (
            <div className="utrecht-form-field utrecht-form-field--radio app-form-field app-proposal__how-option" key={h}>
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  id={`${base}-${h}`}
                  name={`${base}-how`}
                  value={h}
                  checked={how === h}
                  aria-invalid={missing && !how ? true : undefined}
                  onChange={() => {
                    setHow(h);
                    setMissing(false);
                  }}
                  className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${base}-${h}`}>
                  {t(`proposals.howOption.${h}`)}
                </label>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={respond.isPending}>
          {agreed ? t('proposals.confirmAgree') : t('proposals.confirmDecline')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ProposalItem({
  residentId,
  proposal,
  canWrite,
  onMessage,
}: {
  residentId: string;
  proposal: Proposal;
  canWrite: boolean;
  onMessage: (message: string) => void;
}) {
  const f = useWorkFormat();
  const { t } = f;
  const problemText = useProblemText();
  const withdraw = useWithdraw(residentId);
  const [mode, setMode] = useState<'agree' | 'decline' | 'withdraw' | null>(null);
  const actions = useRef<HTMLDivElement>(null);
  const p = proposal;
  const base = `proposal-${p.id}`;
  const open = OPEN_PROPOSAL_STATUSES.includes(p.status);
  const close = () => {
    setMode(null);
    window.requestAnimationFrame(() => actions.current?.querySelector('button')?.focus());
  };
  const done = (message: string) => {
    setMode(null);
    onMessage(message);
    window.requestAnimationFrame(() => document.getElementById(`${base}-title`)?.focus());
  };

  return (
    <li className="app-proposal" id={base} aria-labelledby={`${base}-title`}>
      <div className="app-proposal__head">
        <Heading level={4} id={`${base}-title`} tabIndex={-1} className="app-focus-target app-proposal__title">
          {p.vacancy.title} <span className="app-proposal__employer">· {p.vacancy.employer.name}</span>
        </Heading>
        <StatusBadge status={BADGE[p.status]}>{t(`proposals.status.${p.status}`)}</StatusBadge>
      </div>
      <p className="utrecht-paragraph app-proposal__meta">
        {p.proposedBy
          ? t('proposals.proposedOn', { date: f.date(p.proposedAt), name: p.proposedBy.displayName })
          : t('proposals.proposedOnNoName', { date: f.date(p.proposedAt) })}{' '}
        {t('proposals.score', { score: f.number(p.score) })}
        {p.residentResponseAt && p.residentResponseHow && (
          <>
            {' '}
            {p.status === 'residentDeclined'
              ? t('proposals.responseDeclined', { date: f.date(p.residentResponseAt), how: t(`proposals.howOption.${p.residentResponseHow}`) })
              : t('proposals.responseAgreed', { date: f.date(p.residentResponseAt), how: t(`proposals.howOption.${p.residentResponseHow}`) })}
          </>
        )}
      </p>
      {p.note && (
        <p className="utrecht-paragraph app-proposal__note">
          <strong>{t('proposals.note')}</strong> <span className="app-prewrap">{p.note}</span>
        </p>
      )}
      <details className="app-proposal__details">
        <summary>{t('matches.why')}</summary>
        <Explanation contributions={p.explanation} headingId={`${base}-why`} />
      </details>
      {withdraw.error !== null && (
        <Alert type="error" live="alert" title={t('proposals.failed')}>
          <p className="utrecht-paragraph">{problemText(withdraw.error)}</p>
        </Alert>
      )}
      {canWrite && open && mode === null && (
        <div className="app-button-row app-proposal__actions" ref={actions}>
          {p.status === 'proposed' && (
            <>
              <Button appearance="primary" onClick={() => setMode('agree')}>
                {t('proposals.agree')}
                <span className="app-visually-hidden">: {p.vacancy.title}</span>
              </Button>
              <Button onClick={() => setMode('decline')}>
                {t('proposals.decline')}
                <span className="app-visually-hidden">: {p.vacancy.title}</span>
              </Button>
            </>
          )}
          <Button appearance="subtle" onClick={() => setMode('withdraw')}>
            {t('proposals.withdraw')}
            <span className="app-visually-hidden">: {p.vacancy.title}</span>
          </Button>
        </div>
      )}
      {(mode === 'agree' || mode === 'decline') && (
        <ResponseForm residentId={residentId} proposal={p} agreed={mode === 'agree'} onDone={done} onCancel={close} />
      )}
      {mode === 'withdraw' && (
        <div className="app-confirm app-proposal__confirm" role="group" aria-labelledby={`${base}-withdraw-question`}>
          <p className="utrecht-paragraph" id={`${base}-withdraw-question`}>
            {t('proposals.withdrawConfirm', { title: p.vacancy.title })}
          </p>
          <div className="app-button-row">
            <Button
              appearance="primary"
              danger
              autoFocus
              busy={withdraw.isPending}
              onClick={() => withdraw.mutate(p.id, { onSuccess: () => done(t('proposals.savedWithdrawn', { title: p.vacancy.title })) })}
            >
              {t('proposals.withdrawYes')}
            </Button>
            <Button appearance="subtle" onClick={close}>
              {t('proposals.withdrawNo')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

/** "Voorstellen": what was proposed to the resident, her answer, and what happened next with the employer. */
export function ProposalsList({
  residentId,
  canWrite,
  message,
  onMessage,
}: {
  residentId: string;
  canWrite: boolean;
  message: string;
  onMessage: (message: string) => void;
}) {
  const { t } = useWorkFormat();
  const proposals = useProposals(residentId, true);
  const items = [...(proposals.data ?? [])].sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));
  return (
    <div className="app-work-part" id="voorstellen">
      <Heading level={3} id="voorstellen-heading">
        {t('proposals.title')}
      </Heading>
      <p className="utrecht-paragraph app-work-explain">{t('proposals.agreeExplanation')}</p>
      <p className="utrecht-paragraph app-work-message" role="status">
        {message}
      </p>
      {proposals.isPending && <LoadingState />}
      {proposals.error && <ErrorState error={proposals.error} title={t('proposals.loadFailed')} onRetry={() => void proposals.refetch()} />}
      {proposals.data && items.length === 0 && <p className="utrecht-paragraph app-empty">{t('proposals.empty')}</p>}
      {items.length > 0 && (
        <ul className="app-proposal-list" aria-labelledby="voorstellen-heading">
          {items.map((p) => (
            <ProposalItem key={p.id} residentId={residentId} proposal={p} canWrite={canWrite} onMessage={onMessage} />
          ))}
        </ul>
      )}
    </div>
  );
}
