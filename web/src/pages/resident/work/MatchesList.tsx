import { useRef, useState, type FormEvent } from 'react';
import type { Contribution, Match, Proposal } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { DataList } from '../../../components/DataList.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { formatSchedule } from '../../../format/schedule.ts';
import { usePropose, useVacancyMatches } from './useWork.ts';
import { useProblemText, useWorkFormat } from './workFormat.ts';

/** Hard constraints first (as ✓ lines), then the soft ones by points. */
function ordered(contributions: Contribution[]): { hard: Contribution[]; soft: Contribution[] } {
  return {
    hard: contributions.filter((c) => c.kind === 'hard'),
    soft: contributions.filter((c) => c.kind === 'soft').sort((a, b) => b.points - a.points),
  };
}

/** The explanation of a score: what the vacancy meets (✓) and what earned points ("+45"). */
export function Explanation({ contributions, headingId }: { contributions: Contribution[]; headingId: string }) {
  const f = useWorkFormat();
  const { t } = f;
  const { hard, soft } = ordered(contributions);
  return (
    <div className="app-match__why">
      <p className="utrecht-paragraph app-match__why-title" id={headingId}>
        {t('matches.why')}
      </p>
      <ul className="app-match__reasons" aria-labelledby={headingId}>
        {hard.map((c) => (
          <li key={`h-${c.criterion}`} className="app-match__reason app-match__reason--hard">
            <span className="app-match__check" aria-hidden="true">
              ✓
            </span>
            <span>{c.explanation}</span>
          </li>
        ))}
        {soft.map((c) => (
          <li key={`s-${c.criterion}`} className={c.points > 0 ? 'app-match__reason' : 'app-match__reason app-match__reason--none'}>
            <span className="app-match__points" title={t('matches.pointsOf', { points: f.number(c.points), max: f.number(c.maxPoints) })}>
              {f.points(c.points)}
              <span className="app-visually-hidden"> {t('matches.pointsSuffix')}</span>
            </span>
            <span>{c.explanation}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A score as "78 van 100" with a bar (the bar is decoration; the words carry the meaning). */
export function Score({ score }: { score: number }) {
  const f = useWorkFormat();
  return (
    <p className="utrecht-paragraph app-match__score">
      <span className="app-match__score-label">{f.t('matches.scoreLabel')}</span>{' '}
      <strong className="app-match__score-value">{f.t('matches.score', { score: f.number(score) })}</strong>
      <span className="app-match__bar" aria-hidden="true">
        <span style={{ inlineSize: `${Math.max(0, Math.min(100, score))}%` }} />
      </span>
    </p>
  );
}

function VacancySchedule({ match }: { match: Match }) {
  const { t } = useWorkFormat();
  const schedule = match.vacancy.schedule;
  return (
    <>
      {formatSchedule(schedule, t)}
      {match.vacancy.fitsSchoolHours && (
        <>
          {' '}
          <StatusBadge status="active">{t('matches.scheduleSchoolHours')}</StatusBadge>
        </>
      )}
    </>
  );
}

function ProposeForm({
  residentId,
  match,
  onDone,
  onCancel,
}: {
  residentId: string;
  match: Match;
  onDone: (p: Proposal) => void;
  onCancel: () => void;
}) {
  const { t } = useWorkFormat();
  const problemText = useProblemText();
  const propose = usePropose(residentId);
  const [note, setNote] = useState('');
  const id = `propose-${match.vacancy.id}`;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate({ vacancyId: match.vacancy.id, note: note.trim() || undefined }, { onSuccess: onDone });
  };
  return (
    <form className="app-form app-match__form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <p className="utrecht-paragraph app-match__form-title" id={`${id}-title`}>
        <strong>{t('matches.proposeTitle', { title: match.vacancy.title })}</strong>
      </p>
      {propose.error !== null && (
        <Alert type="error" live="alert" title={t('matches.proposeFailed')}>
          <p className="utrecht-paragraph">{problemText(propose.error)}</p>
        </Alert>
      )}
      <TextAreaField
        id={`${id}-note`}
        label={t('matches.proposeNote')}
        description={t('matches.proposeNoteDescription')}
        optional
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoFocus
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={propose.isPending}>
          {t('matches.proposeSubmit')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function MatchItem({
  residentId,
  match,
  canPropose,
  onProposed,
}: {
  residentId: string;
  match: Match;
  canPropose: boolean;
  onProposed: (p: Proposal) => void;
}) {
  const f = useWorkFormat();
  const { t } = f;
  const [proposing, setProposing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const v = match.vacancy;
  const base = `match-${v.id}`;
  const travel = match.contributions.find((c) => c.criterion === 'travel');
  return (
    <li className="app-match" aria-labelledby={`${base}-title`}>
      <div className="app-match__head">
        <div className="app-match__titles">
          <Heading level={4} id={`${base}-title`} className="app-match__title">
            {v.title}
          </Heading>
          <p className="utrecht-paragraph app-match__employer">
            <span className="app-visually-hidden">{t('matches.employer')}: </span>
            {v.employer.name} · {v.occupation.label}
          </p>
        </div>
        <Score score={match.score} />
      </div>
      <DataList
        className="app-match__facts"
        items={[
          { key: 'hours', label: t('matches.hours'), value: t('matches.hoursValue', { hours: f.number(v.hoursPerWeek) }) },
          { key: 'schedule', label: t('matches.schedule'), value: <VacancySchedule match={match} /> },
          {
            key: 'place',
            label: t('matches.place'),
            value: (
              <>
                {[v.city, travel?.explanation].filter(Boolean).join(' · ')}
              </>
            ),
          },
          { key: 'contract', label: t('matches.contract'), value: t(`workProfile.contractType.${v.contractType}`) },
        ]}
      />
      <Explanation contributions={match.contributions} headingId={`${base}-why`} />
      <div className="app-match__actions">
        {match.proposal ? (
          <StatusBadge status="safe">
            {t('matches.alreadyProposed')}: {t(`proposals.status.${match.proposal.status}`)}
          </StatusBadge>
        ) : (
          canPropose &&
          !proposing && (
            <Button ref={button} appearance="primary" onClick={() => setProposing(true)}>
              {t('matches.propose')}
              <span className="app-visually-hidden">: {v.title}</span>
            </Button>
          )
        )}
      </div>
      {proposing && !match.proposal && (
        <ProposeForm
          residentId={residentId}
          match={match}
          onDone={(p) => {
            setProposing(false);
            onProposed(p);
          }}
          onCancel={() => {
            setProposing(false);
            window.requestAnimationFrame(() => button.current?.focus());
          }}
        />
      )}
    </li>
  );
}

/** "Passende vacatures": the matcher's list for this resident, explained, with "Voorstellen aan inwoner". */
const FIRST_MATCHES = 5;

export function MatchesList({
  residentId,
  canPropose,
  onProposed,
}: {
  residentId: string;
  canPropose: boolean;
  onProposed: (p: Proposal) => void;
}) {
  const f = useWorkFormat();
  const { t } = f;
  const [schoolHoursOnly, setSchoolHoursOnly] = useState(false);
  // The best few first; the rest on request, so the page stays readable.
  const [showAll, setShowAll] = useState(false);
  const matches = useVacancyMatches(residentId, schoolHoursOnly, true);
  const data = matches.data;
  const shown = data ? (showAll ? data.items : data.items.slice(0, FIRST_MATCHES)) : [];

  return (
    <div className="app-work-part" id="passende-vacatures">
      <Heading level={3} id="passende-vacatures-heading">
        {t('matches.title')}
      </Heading>
      <p className="utrecht-paragraph app-work-intro">{t('matches.intro')}</p>
      <CheckboxField
        id="matches-school-hours"
        label={t('matches.schoolHoursOnly')}
        description={t('matches.schoolHoursOnlyDescription')}
        checked={schoolHoursOnly}
        onChange={(e) => setSchoolHoursOnly(e.target.checked)}
      />
      <p className="utrecht-paragraph app-results" role="status">
        {data && (
          <strong>
            {data.total > data.items.length
              ? t('matches.countTop', { count: data.total, shown: data.items.length })
              : t('matches.count', { count: data.total })}
          </strong>
        )}
      </p>
      {matches.isPending && <LoadingState />}
      {matches.error && <ErrorState error={matches.error} title={t('matches.loadFailed')} onRetry={() => void matches.refetch()} />}
      {data && data.items.length === 0 && (
        <p className="utrecht-paragraph app-empty">{schoolHoursOnly ? t('matches.emptyFiltered') : t('matches.empty')}</p>
      )}
      {data && data.items.length > 0 && (
        <>
          <ol className="app-match-list" aria-labelledby="passende-vacatures-heading">
            {shown.map((m) => (
              <MatchItem key={m.vacancy.id} residentId={residentId} match={m} canPropose={canPropose} onProposed={onProposed} />
            ))}
          </ol>
          {shown.length < data.items.length && (
            <Button appearance="secondary" onClick={() => setShowAll(true)}>
              {t('matches.showAll', { count: data.items.length })}
            </Button>
          )}
          <p className="utrecht-paragraph utrecht-paragraph--small app-muted">
            {t('matches.generated', { date: f.dateTime(data.generatedAt) })}{' '}
            {t('workProfile.escoAttribution')}
          </p>
        </>
      )}
    </div>
  );
}
