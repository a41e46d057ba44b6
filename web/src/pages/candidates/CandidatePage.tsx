import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { candidateProfilePdfUrl } from '../../api/candidates.api.ts';
import { isApiError } from '../../api/client.ts';
import type { Candidate, ProposalStatus } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink, ButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { formatSchedule } from '../../format/schedule.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { calendarDateProblem, toIsoDate } from '../../rules/dateRules.ts';
import { NotFoundContent } from '../NotFoundPage.tsx';
import { Section, focusLater, problemText, useFormat } from '../employers/shared.tsx';
import { PlacementForm } from '../placements/PlacementForm.tsx';
import { CandidateStatusBadge } from './candidateText.tsx';
import { useCandidate, useCandidateStep } from './useCandidates.ts';
import '../employers/employers.css';

const ORDER: ProposalStatus[] = ['residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed'];
const reached = (status: ProposalStatus, step: ProposalStatus) => ORDER.indexOf(status) >= ORDER.indexOf(step);

function AnonymousProfile({ c }: { c: Candidate }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = c.profile;
  const none = <span className="app-muted">{t('common.notFilledIn')}</span>;
  return (
    <>
      <Alert type="info">
        <p className="utrecht-paragraph app-anonymous-note">
          <strong>{c.identity ? t('candidates.profile.revealedText') : t('candidates.profile.anonymousText')}</strong>
        </p>
      </Alert>
      <DataList
        items={[
          {
            key: 'occupations',
            label: t('candidates.profile.desiredOccupations'),
            value: p.desiredOccupations.length > 0 ? p.desiredOccupations.map((o) => o.label).join(', ') : none,
          },
          {
            key: 'skills',
            label: t('candidates.profile.skills'),
            value:
              p.skills.length > 0 ? (
                <ul className="app-skill-list app-skill-list--static">
                  {p.skills.map((s) => (
                    <li key={s} className="app-skill">
                      {s}
                    </li>
                  ))}
                </ul>
              ) : (
                none
              ),
          },
          {
            key: 'experience',
            label: t('candidates.profile.experience'),
            value:
              p.experience.length > 0 ? (
                <ul className="utrecht-unordered-list app-tight-list">
                  {p.experience.map((x, i) => (
                    <li key={i}>{t('candidates.profile.experienceItem', { description: x.description, count: x.years, years: fmt.number(x.years) })}</li>
                  ))}
                </ul>
              ) : (
                none
              ),
          },
          { key: 'education', label: t('candidates.profile.education'), value: p.education ?? none },
          { key: 'hours', label: t('candidates.profile.hours'), value: t('candidates.profile.hoursRange', { min: fmt.number(p.hoursMin), max: fmt.number(p.hoursMax) }) },
          { key: 'availability', label: t('candidates.profile.availability'), value: p.availability.length > 0 ? formatSchedule(p.availability, t) : none },
          { key: 'licence', label: t('candidates.profile.drivingLicence'), value: t(p.hasDrivingLicence ? 'vacancies.yes' : 'vacancies.no') },
          { key: 'travel', label: t('candidates.profile.maxTravel'), value: p.maxTravelKm ? t('candidates.profile.km', { km: p.maxTravelKm }) : none },
        ]}
      />
    </>
  );
}

function Explanation({ c }: { c: Candidate }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const total = c.explanation.reduce((s, x) => s + x.maxPoints, 0);
  return (
    <>
      <Paragraph>
        <strong>{t('candidates.explanation.total', { score: fmt.number(c.score) })}</strong> {t('candidates.explanation.intro')}
      </Paragraph>
      <Table id="explanation-table" caption={t('candidates.explanation.caption', { code: c.candidateCode })} captionHidden>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('candidates.explanation.criterion')}</TableHeaderCell>
            <TableHeaderCell>{t('candidates.explanation.why')}</TableHeaderCell>
            <TableHeaderCell numeric>{t('candidates.explanation.points')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {c.explanation.map((x) => (
            <TableRow key={x.criterion}>
              <TableHeaderCell scope="row" className="app-row-header">
                {t(`candidates.criterion.${x.criterion}`, { defaultValue: x.criterion })}
                {x.kind === 'hard' && <span className="app-muted app-nowrap"> ({t('candidates.explanation.hard')})</span>}
              </TableHeaderCell>
              <TableCell>{x.explanation}</TableCell>
              <TableCell numeric>
                {x.kind === 'hard' && x.maxPoints === 0
                  ? t('candidates.explanation.hardMet')
                  : t('candidates.explanation.pointsOf', { points: fmt.number(x.points), max: fmt.number(x.maxPoints) })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > 0 && <Paragraph small>{t('candidates.explanation.footnote')}</Paragraph>}
    </>
  );
}

/** After "Anoniem voorstellen": what to send the employer, as a PDF or as text to paste into an e-mail. */
function SendToEmployer({ c, text }: { c: Candidate; text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="app-send" id="send-to-employer">
      <h4 className="utrecht-heading-4">{t('candidates.send.title')}</h4>
      <Paragraph small>{t('candidates.send.intro', { code: c.candidateCode, employer: c.vacancy.employer.name })}</Paragraph>
      <p className="utrecht-paragraph">
        <a
          id="profile-pdf-link"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={candidateProfilePdfUrl(c.proposalId)}
          download
        >
          {t('candidates.send.pdf', { code: c.candidateCode })}
        </a>
      </p>
      <TextAreaField id="profile-text" label={t('candidates.send.textLabel')} description={t('candidates.send.textHelp')} readOnly rows={12} value={text} />
      <div className="app-button-row">
        <Button appearance="secondary" onClick={() => void copy()}>
          {t('candidates.send.copy')}
        </Button>
        <span role="status" className="app-send__status">
          {copied === 'ok' ? t('candidates.send.copied') : copied === 'failed' ? t('candidates.send.copyFailed') : ''}
        </span>
      </div>
    </div>
  );
}

type StepState = 'done' | 'current' | 'todo';

function Step({ n, title, state, children }: { n: number; title: string; state: StepState; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`app-step app-step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
      <span className="app-step__marker" aria-hidden="true">
        {state === 'done' ? '✓' : n}
      </span>
      <div className="app-step__body">
        <h3 className="utrecht-heading-3 app-step__title">
          {title} <span className="app-step__state">({t(`candidates.steps.state.${state}`)})</span>
        </h3>
        {children}
      </div>
    </li>
  );
}

/** One candidate: anonymous profile, match explanation and the steps to an interview, the reveal and a placement. */
export function CandidatePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const query = useCandidate(id);
  const step = useCandidateStep(id);
  const [confirmReveal, setConfirmReveal] = useState(false);
  const [confirmReject, setConfirmReject] = useState(false);
  // Typed as day-month-year (DateField); sent as an ISO date, or left out (the server takes today).
  const [committedOn, setCommittedOn] = useState('');
  const [committedOnError, setCommittedOnError] = useState<string | undefined>();
  const agreeInterview = () => {
    const iso = committedOn.trim() ? toIsoDate(committedOn) : undefined;
    if (iso === null) {
      setCommittedOnError(calendarDateProblem(committedOn)!.reason);
      focusLater('interview-date');
      return;
    }
    setCommittedOnError(undefined);
    step.mutate({ kind: 'interview', committedOn: iso });
  };
  const [placing, setPlacing] = useState(false);
  const c = query.data;
  useDocumentTitle(c ? t('candidates.oneTitle', { code: c.candidateCode }) : t('candidates.one'));

  if (isApiError(query.error, 404) || isApiError(query.error, 400)) return <NotFoundContent backTo="/kandidaten" />;

  const stepState = (done: boolean, current: boolean): StepState => (done ? 'done' : current ? 'current' : 'todo');
  const closed = c?.status === 'rejected';

  return (
    <>
      <p className="utrecht-paragraph app-back">
        <AppLink to="/kandidaten">
          <span aria-hidden="true">← </span>
          {t('candidates.back')}
        </AppLink>
      </p>
      {!c && (
        <Heading level={1} data-loading={query.isPending || undefined}>
          {t('candidates.one')}
        </Heading>
      )}
      {query.isPending && <LoadingState />}
      {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {c && (
        <>
          <Heading level={1}>
            {c.identity ? t('candidates.oneTitleNamed', { code: c.candidateCode, name: c.identity.name }) : t('candidates.oneTitle', { code: c.candidateCode })}{' '}
            <CandidateStatusBadge status={c.status} />
          </Heading>
          <Paragraph lead>
            {t('candidates.forVacancy')} <AppLink to={`/vacatures/${c.vacancy.id}`}>{c.vacancy.title}</AppLink> {t('candidates.at')}{' '}
            <AppLink to={`/werkgevers/${c.vacancy.employer.id}`}>{c.vacancy.employer.name}</AppLink> · {t('candidates.scoreOf', { score: fmt.number(c.score) })}
          </Paragraph>

          <Section id="stappen" title={t('candidates.steps.title')}>
            <div role="status" className="app-step-status">
              {step.isSuccess && step.data && <Alert type="ok">{t(`candidates.steps.done.${step.data.status}`, { defaultValue: t('candidates.steps.saved') })}</Alert>}
            </div>
            {step.error && (
              <Alert type="error" live="alert" title={t('candidates.steps.failed')}>
                <p className="utrecht-paragraph">{problemText(step.error, errorText)}</p>
              </Alert>
            )}
            {closed && (
              <Alert type="warning" title={t(`candidates.closed.${c.status}`)}>
                <p className="utrecht-paragraph">{t('candidates.closed.text')}</p>
              </Alert>
            )}
            <ol className="app-steps">
              <Step n={1} title={t('candidates.steps.present')} state={stepState(reached(c.status, 'presented'), c.status === 'residentAgreed')}>
                <Paragraph small>{t('candidates.steps.presentHelp')}</Paragraph>
                {c.status === 'residentAgreed' && (
                  <Button appearance="primary" busy={step.isPending} onClick={() => step.mutate({ kind: 'present' })}>
                    {t('candidates.steps.present')}
                  </Button>
                )}
                {c.anonymousText && <SendToEmployer c={c} text={c.anonymousText} />}
              </Step>
              <Step n={2} title={t('candidates.steps.interview')} state={stepState(reached(c.status, 'interviewAgreed'), c.status === 'presented')}>
                <Paragraph small>{t('candidates.steps.interviewHelp')}</Paragraph>
                {c.status === 'presented' && (
                  <>
                    <DateField
                      id="interview-date"
                      label={t('candidates.steps.interviewDate')}
                      optional
                      description={t('candidates.steps.interviewDateHelp')}
                      value={committedOn}
                      error={committedOnError}
                      onChange={(e) => setCommittedOn(e.target.value)}
                    />
                    <div className="app-button-row">
                      <Button appearance="primary" busy={step.isPending} onClick={agreeInterview}>
                        {t('candidates.steps.interview')}
                      </Button>
                      {!confirmReject && (
                        <Button appearance="subtle" onClick={() => setConfirmReject(true)}>
                          {t('candidates.steps.reject')}
                        </Button>
                      )}
                    </div>
                    {confirmReject && (
                      <div className="app-confirm" role="group" aria-labelledby="reject-confirm-text">
                        <p className="utrecht-paragraph" id="reject-confirm-text">
                          {t('candidates.steps.rejectConfirm')}
                        </p>
                        <div className="app-button-row">
                          <Button appearance="primary" danger busy={step.isPending} onClick={() => step.mutate({ kind: 'reject' }, { onSettled: () => setConfirmReject(false) })}>
                            {t('candidates.steps.rejectYes')}
                          </Button>
                          <Button appearance="subtle" onClick={() => setConfirmReject(false)}>
                            {t('common.cancel')}
                          </Button>
                        </div>
                      </div>
                    )}
                  </>
                )}
              </Step>
              <Step n={3} title={t('candidates.steps.reveal')} state={stepState(reached(c.status, 'revealed'), c.status === 'interviewAgreed')}>
                {!reached(c.status, 'revealed') && (
                  <>
                    <Paragraph small id="reveal-why">
                      {c.status === 'interviewAgreed' ? t('candidates.steps.revealReady') : t('candidates.steps.revealNotYet')}
                    </Paragraph>
                    <ul className="app-conditions">
                      <li className="app-condition app-condition--met">
                        <span aria-hidden="true">✓ </span>
                        {t('candidates.steps.conditionResident')}
                      </li>
                      <li className={c.status === 'interviewAgreed' ? 'app-condition app-condition--met' : 'app-condition'}>
                        <span aria-hidden="true">{c.status === 'interviewAgreed' ? '✓ ' : '○ '}</span>
                        {t('candidates.steps.conditionInterview')}{' '}
                        <span className="app-visually-hidden">{c.status === 'interviewAgreed' ? t('candidates.steps.met') : t('candidates.steps.notMet')}</span>
                      </li>
                    </ul>
                    {!confirmReveal && !closed && (
                      <Button
                        id="reveal-button"
                        appearance="primary"
                        disabled={c.status !== 'interviewAgreed'}
                        aria-describedby="reveal-why"
                        onClick={() => {
                          setConfirmReveal(true);
                          focusLater('reveal-confirm-text');
                        }}
                      >
                        {t('candidates.steps.reveal')}
                      </Button>
                    )}
                    {confirmReveal && c.status === 'interviewAgreed' && (
                      <div className="app-confirm" role="group" aria-labelledby="reveal-confirm-text">
                        <p className="utrecht-paragraph" id="reveal-confirm-text" tabIndex={-1}>
                          <strong>{t('candidates.steps.revealConfirmTitle')}</strong> {t('candidates.steps.revealConfirm')}
                        </p>
                        <div className="app-button-row">
                          <Button appearance="primary" busy={step.isPending} onClick={() => step.mutate({ kind: 'reveal' }, { onSettled: () => setConfirmReveal(false) })}>
                            {t('candidates.steps.revealYes')}
                          </Button>
                          <Button
                            appearance="subtle"
                            onClick={() => {
                              setConfirmReveal(false);
                              focusLater('reveal-button');
                            }}
                          >
                            {t('common.cancel')}
                          </Button>
                        </div>
                      </div>
                    )}
                  </>
                )}
                {c.identity && (
                  <div className="app-identity">
                    <DataList
                      items={[
                        { key: 'name', label: t('candidates.identity.name'), value: <strong>{c.identity.name}</strong> },
                        {
                          key: 'phone',
                          label: t('candidates.identity.phone'),
                          value: c.identity.phone ? <a className="utrecht-link utrecht-link--html-a" href={`tel:${c.identity.phone.replace(/\s/g, '')}`}>{c.identity.phone}</a> : t('common.notFilledIn'),
                        },
                        {
                          key: 'email',
                          label: t('candidates.identity.email'),
                          value: c.identity.email ? <a className="utrecht-link utrecht-link--html-a" href={`mailto:${c.identity.email}`}>{c.identity.email}</a> : t('common.notFilledIn'),
                        },
                      ]}
                    />
                    <Paragraph small>{t('candidates.identity.logged')}</Paragraph>
                  </div>
                )}
              </Step>
              <Step n={4} title={t('candidates.steps.place')} state={stepState(c.status === 'placed', c.status === 'revealed')}>
                {c.status === 'placed' && c.placementId && (
                  <ButtonLink appearance="secondary" to={`/plaatsingen/${c.placementId}`}>
                    {t('candidates.steps.viewPlacement')}
                  </ButtonLink>
                )}
                {c.status === 'placed' && !c.placementId && <Paragraph small>{t('candidates.steps.placed')}</Paragraph>}
                {c.status === 'revealed' && !placing && (
                  <Button
                    id="place-button"
                    appearance="primary"
                    aria-expanded={false}
                    onClick={() => {
                      setPlacing(true);
                      focusLater('placement-form-heading');
                    }}
                  >
                    {t('candidates.steps.place')}
                  </Button>
                )}
                {c.status !== 'revealed' && c.status !== 'placed' && <Paragraph small>{t('candidates.steps.placeLater')}</Paragraph>}
              </Step>
            </ol>
            {c.status === 'revealed' && placing && (
              <div className="app-subform">
                <PlacementForm
                  candidate={c}
                  onCancel={() => {
                    setPlacing(false);
                    focusLater('place-button');
                  }}
                />
              </div>
            )}
          </Section>

          <Section id="profiel" title={t('candidates.profile.title')}>
            <AnonymousProfile c={c} />
          </Section>

          <Section id="uitleg" title={t('candidates.explanation.title')}>
            <Explanation c={c} />
          </Section>
        </>
      )}
    </>
  );
}
