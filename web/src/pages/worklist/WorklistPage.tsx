import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Worklist } from '../../api/models.ts';
import { worklistHref } from '../../api/worklist.api.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatShortDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { formatMeetingWhen } from '../resident/meetings/meetingText.ts';
import { NotificationsList } from './NotificationsList.tsx';
import { useUnreadNotifications, useWorklist } from './useWorklist.ts';
import { CountdownBadge, periodHref } from '../youth/shared.tsx';
import { WorklistTransitions } from '../youth/TransitionMoments.tsx';
import { UnreadMessagesBlock } from '../messages/UnreadMessages.tsx';
import './worklist.css';

const FIRST = 10;

/**
 * One block of the worklist: a heading with the count, the rows (the first ten, then "Toon alle"), or an empty state
 * that says it is fine. `collapsed`: a disclosure (details/summary) with the title and the count, opened on request.
 */
export function Block({
  id,
  title,
  count,
  empty,
  rows,
  level = 2,
  collapsed = false,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  rows: ReactNode[];
  level?: 2 | 3;
  collapsed?: boolean;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const shown = all ? rows : rows.slice(0, FIRST);
  const showAll = () => {
    setAll(true);
    // Keep the keyboard user where the new rows start.
    window.requestAnimationFrame(() =>
      listRef.current?.querySelectorAll<HTMLAnchorElement>('li a')[FIRST]?.focus(),
    );
  };
  const content =
    count === 0 ? (
      <p className="utrecht-paragraph app-wl-empty">
        <span aria-hidden="true">✓ </span>
        {empty}
      </p>
    ) : (
      <>
        <ul className="app-wl-list" ref={listRef}>
          {shown}
        </ul>
        {!all && rows.length > FIRST && (
          <p className="utrecht-paragraph">
            <Button appearance="secondary" onClick={showAll}>
              {t('worklist.showAll', { count: rows.length })}
            </Button>
          </p>
        )}
        {count > rows.length && <Paragraph small>{t('worklist.firstFifty', { count })}</Paragraph>}
      </>
    );
  if (collapsed)
    return (
      <details className="app-wl-details" id={id}>
        <summary className="app-wl-details__summary">
          <span className="app-wl-details__title">{title}</span> <span className="app-wl-count">({count})</span>
        </summary>
        <div className="app-wl-details__body">{content}</div>
      </details>
    );
  return (
    <section className="app-section app-wl-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={level} id={`${id}-heading`}>
        {title} <span className="app-wl-count">({count})</span>
      </Heading>
      {content}
    </section>
  );
}

/** The calendar day of an instant in the Netherlands (the server's "today" is a Dutch date too). */
const nlDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayInNl = (iso: string) => nlDay.format(new Date(iso));

export function ResidentLink({ to, name, area }: { to: string; name: string; area: string }) {
  return (
    <>
      <AppLink to={to} className="app-wl-item__name">
        {name}
      </AppLink>
      <span className="app-wl-item__area">{area}</span>
    </>
  );
}

export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/caseload?${new URLSearchParams({ q: q.trim() }).toString()}`);
  };
  return (
    <div role="search" className="app-wl-search" aria-label={t('worklist.search.region')}>
      <form onSubmit={onSubmit} className="app-wl-search__form">
        <div className="utrecht-form-field utrecht-form-field--text app-wl-search__field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="worklist-search">
              {t('worklist.search.label')}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id="worklist-search"
              type="search"
              name="q"
              autoComplete="off"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          </div>
        </div>
        <Button type="submit" appearance="secondary">
          {t('worklist.search.submit')}
        </Button>
      </form>
    </div>
  );
}

function WorklistBlocks({ data }: { data: Worklist }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const c = data.counts;
  // Overdue first (most days late first), then today.
  const actions = [...data.dueActions].sort((a, b) =>
    a.state === b.state ? b.daysOverdue - a.daysOverdue : a.state === 'overdue' ? -1 : 1,
  );
  // The server sends this calendar week's meetings (Monday to Sunday) from the start of today.
  const meetingsToday = data.upcomingMeetings.filter((m) => dayInNl(m.startsAt) === data.today);
  const meetingsLater = data.upcomingMeetings.filter((m) => dayInNl(m.startsAt) !== data.today);
  const meetingRow = (m: Worklist['upcomingMeetings'][number]) => (
    <li key={m.id} className="app-wl-item">
      <p className="utrecht-paragraph app-wl-item__head">
        <ResidentLink to={worklistHref(m.link)} name={m.resident.name} area={m.resident.area.name} />
      </p>
      <p className="utrecht-paragraph app-wl-item__text">
        <strong>{t(`meetings.type.${m.type}`)}</strong>{' '}
        <time dateTime={m.startsAt}>{formatMeetingWhen(m.startsAt, m.endsAt, locale)}</time>
      </p>
    </li>
  );

  return (
    <>
      <section className="app-wl-group" aria-labelledby="vandaag-heading" id="vandaag">
        <Heading level={2} id="vandaag-heading">
          {t('worklistToday.today')}
        </Heading>
        <Block
          id="gesprekken-vandaag"
          level={3}
          title={t('worklistToday.meetingsToday')}
          count={meetingsToday.length}
          empty={t('worklistToday.noMeetingsToday')}
          rows={meetingsToday.map(meetingRow)}
        />
        <Block
          id="acties"
          level={3}
          title={t('worklistToday.actions')}
          count={c.dueActions}
          empty={t('worklist.actions.empty')}
          rows={actions.map((a) => (
            <li key={a.id} className="app-wl-item">
              <p className="utrecht-paragraph app-wl-item__head">
                <ResidentLink to={worklistHref(a.link)} name={a.resident.name} area={a.resident.area.name} />
                {a.state === 'overdue' ? (
                  <StatusBadge status="danger">{t('worklist.actions.overdue', { count: a.daysOverdue })}</StatusBadge>
                ) : (
                  <StatusBadge status="warning">{t('worklist.actions.today')}</StatusBadge>
                )}
              </p>
              <p className="utrecht-paragraph app-wl-item__text">{a.description}</p>
              <p className="utrecht-paragraph app-wl-item__meta">
                {t(`worklist.actions.owner.${a.ownerType}`)} · {t('worklist.actions.goal', { goal: a.goalTitle })} ·{' '}
                {t('worklist.actions.due', { date: formatDate(a.dueDate, locale) })}
              </p>
            </li>
          ))}
        />
        {/* Team Jongeren (issue 13): shown when the caseload has running search periods. */}
        {c.searchPeriodsEnding > 0 && (
          <Block
            id="zoektermijnen"
            level={3}
            title={t('youth.worklist.title')}
            count={c.searchPeriodsEnding}
            empty={t('youth.worklist.empty')}
            rows={data.searchPeriodsEnding.map((p) => (
              <li key={p.searchPeriodId} className="app-wl-item">
                <p className="utrecht-paragraph app-wl-item__head">
                  <ResidentLink to={periodHref(p.searchPeriodId)} name={p.resident.name} area={p.resident.area.name} />
                  <CountdownBadge daysLeft={p.daysLeft} />
                </p>
                <p className="utrecht-paragraph app-wl-item__meta">
                  {formatDate(p.endDate, locale)}
                  {p.exemptionPending && <> · {t('youth.worklist.pending')}</>}
                </p>
              </li>
            ))}
          />
        )}
        {/* Team Jongeren: young people at a transition moment (18 after youth care, school, 27). */}
        {c.searchPeriodsEnding > 0 && <WorklistTransitions Block={Block} />}
      </section>

      <Block
        id="gesprekken"
        title={t('worklistToday.laterThisWeek')}
        count={Math.max(0, c.upcomingMeetings - meetingsToday.length)}
        empty={t('worklistToday.noMeetingsLater')}
        rows={meetingsLater.map(meetingRow)}
      />

      <section className="app-wl-group" aria-labelledby="verder-heading" id="verder">
        <Heading level={2} id="verder-heading">
          {t('worklistToday.more')}
        </Heading>
        <Paragraph small>{t('worklistToday.moreHint')}</Paragraph>
        <Block
          collapsed
          id="contactnorm"
          title={t('worklist.contactNorm.title')}
          count={c.overContactNorm}
          empty={t('worklist.contactNorm.empty', { norm: data.contactNormDays })}
          rows={data.overContactNorm.map((row) => (
            <li key={row.resident.id} className="app-wl-item app-wl-item--compact">
              <p className="utrecht-paragraph app-wl-item__head">
                <ResidentLink to={worklistHref(row.link)} name={row.resident.name} area={row.resident.area.name} />
                <span className="app-over-norm app-wl-item__why">
                  <span className="app-over-norm__icon" aria-hidden="true">
                    !
                  </span>
                  {row.daysSinceContact === null
                    ? t('worklist.contactNorm.never', { norm: row.norm })
                    : t('worklist.contactNorm.days', { count: row.daysSinceContact, norm: row.norm })}
                </span>
                {row.lastContactAt && (
                  <span className="app-wl-item__meta">
                    {t('worklist.contactNorm.last', { date: formatShortDate(row.lastContactAt, locale) })}
                  </span>
                )}
              </p>
            </li>
          ))}
        />
        <Block
          collapsed
          id="nieuw"
          title={t('worklist.newInCaseload.title')}
          count={c.newInCaseload}
          empty={t('worklist.newInCaseload.empty')}
          rows={data.newInCaseload.map((row) => (
            <li key={row.resident.id} className="app-wl-item">
              <p className="utrecht-paragraph app-wl-item__head">
                <ResidentLink to={worklistHref(row.link)} name={row.resident.name} area={row.resident.area.name} />
              </p>
              {row.handoverNote ? (
                <blockquote className="app-wl-note">
                  <p className="utrecht-paragraph app-wl-note__label">{t('worklist.newInCaseload.handoverNote')}</p>
                  <p className="utrecht-paragraph app-wl-note__text">{row.handoverNote}</p>
                </blockquote>
              ) : (
                <p className="utrecht-paragraph app-wl-item__note">{t('worklist.newInCaseload.noNote')}</p>
              )}
              <p className="utrecht-paragraph app-wl-item__meta">
                {row.previousContactPerson
                  ? t('worklist.newInCaseload.fromPerson', {
                      person: row.previousContactPerson.displayName,
                      date: formatShortDate(row.assignedAt, locale),
                    })
                  : t('worklist.newInCaseload.since', { date: formatShortDate(row.assignedAt, locale) })}
                {row.assignedBy && ` ${t('worklist.newInCaseload.by', { person: row.assignedBy.displayName })}`}
              </p>
            </li>
          ))}
        />
        <Block
          collapsed
          id="zonder-plan"
          title={t('worklist.noPlan.title')}
          count={c.newWithoutPlan}
          empty={t('worklist.noPlan.empty')}
          rows={data.newWithoutPlan.map((row) => (
            <li key={row.resident.id} className="app-wl-item">
              <p className="utrecht-paragraph app-wl-item__head">
                <ResidentLink to={worklistHref(row.link)} name={row.resident.name} area={row.resident.area.name} />
              </p>
              <p className="utrecht-paragraph app-wl-item__meta">
                {t('worklist.noPlan.opened', { date: formatDate(row.caseOpenedOn, locale) })}
              </p>
            </li>
          ))}
        />
      </section>
    </>
  );
}

/** The werkmatcher's landing page: what needs doing today, each row leading to the right part of the resident page. */
export function WorklistPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('worklist.title'));
  const worklist = useWorklist();
  const notifications = useUnreadNotifications(hasPermission(session, 'notifications:read'));
  const unread = notifications.data?.items ?? [];
  const data = worklist.data;

  return (
    <>
      <Heading level={1}>{t('worklist.title')}</Heading>
      {data && (
        <Paragraph lead>
          {t('worklist.intro', {
            date: formatDate(data.today, localeOf(i18n.language)),
            norm: data.contactNormDays,
          })}
        </Paragraph>
      )}
      <SearchBox />
      {unread.length > 0 && (
        <section className="app-wl-notifications" aria-labelledby="meldingen-heading" id="meldingen">
          <Heading level={2} id="meldingen-heading">
            {t('notifications.title')}{' '}
            <span className="app-wl-count">({notifications.data?.unreadCount ?? unread.length})</span>
          </Heading>
          <NotificationsList items={unread.slice(0, 3)} headingLevel={3} />
          {unread.length > 3 && (
            <p className="utrecht-paragraph">
              <AppLink to="/meldingen">
                {t('notifications.all', { count: notifications.data?.unreadCount ?? unread.length })}
              </AppLink>
            </p>
          )}
        </section>
      )}
      <UnreadMessagesBlock enabled={hasPermission(session, 'messages:read')} />
      {worklist.isPending && <LoadingState />}
      {worklist.error && <ErrorState error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {data && <WorklistBlocks data={data} />}
    </>
  );
}
