import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getPartnerWorklist, partnerWorklistHref, type PartnerAction, type PartnerWorklist } from '../../api/partner.api.ts';
import { hasPermission, useSession } from '../../auth/session.ts';
import { AppLink } from '../../components/Links.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../format/dates.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { formatMeetingWhen } from '../resident/meetings/meetingText.ts';
import { NotificationsList } from '../worklist/NotificationsList.tsx';
import { useUnreadNotifications } from '../worklist/useWorklist.ts';
import { Block, ResidentLink, SearchBox } from '../worklist/WorklistPage.tsx';
import '../worklist/worklist.css';
import './partner.css';

export const partnerWorklistKey = ['partner-worklist'] as const;

function ActionBadge({ a }: { a: PartnerAction }) {
  const { t, i18n } = useTranslation();
  if (a.state === 'overdue') return <StatusBadge status="danger">{t('partnerWorklist.actions.overdue', { count: a.daysOverdue })}</StatusBadge>;
  if (a.state === 'dueToday') return <StatusBadge status="warning">{t('partnerWorklist.actions.today')}</StatusBadge>;
  if (a.state === 'later' && a.dueDate)
    return <StatusBadge>{t('partnerWorklist.actions.due', { date: formatDate(a.dueDate, localeOf(i18n.language)) })}</StatusBadge>;
  return <StatusBadge status="inactive">{t('partnerWorklist.actions.noDate')}</StatusBadge>;
}

/** One sentence with the day's figures, each with what it means ("Say why"). */
function Summary({ data }: { data: PartnerWorklist }) {
  const { t } = useTranslation();
  const c = data.counts;
  return (
    <ul className="app-pw-summary" aria-label={t('partnerWorklist.summary.label')}>
      <li>
        <a href="#gesprekken">{t('partnerWorklist.summary.meetingsToday', { count: c.meetingsToday })}</a>
      </li>
      <li>
        <a href="#gesprekken">{t('partnerWorklist.summary.meetingsThisWeek', { count: c.meetingsThisWeek })}</a>
      </li>
      <li>
        <a href="#acties">{t('partnerWorklist.summary.overdue', { count: c.overdueActions })}</a>
      </li>
      <li>
        <a href="#toestemmingen">{t('partnerWorklist.summary.consents', { count: c.consentsEndingSoon, days: data.consentWindowDays })}</a>
      </li>
    </ul>
  );
}

function Blocks({ data }: { data: PartnerWorklist }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const org = data.organisation.name;
  return (
    <>
      <Block
        id="gesprekken"
        title={t('partnerWorklist.meetings.title')}
        count={data.counts.meetings}
        empty={t('partnerWorklist.meetings.empty')}
        rows={data.meetings.map((m) => (
          <li key={m.id} className="app-wl-item">
            <p className="utrecht-paragraph app-wl-item__head">
              <ResidentLink to={partnerWorklistHref(m.link)} name={m.resident.name} area={m.resident.area.name} />
              {m.when === 'today' && <StatusBadge status="warning">{t('partnerWorklist.meetings.today')}</StatusBadge>}
              {m.when === 'thisWeek' && <StatusBadge>{t('partnerWorklist.meetings.thisWeek')}</StatusBadge>}
            </p>
            <p className="utrecht-paragraph app-wl-item__text">
              <strong>{t(`meetings.type.${m.type}`, { defaultValue: m.type })}</strong>{' '}
              <time dateTime={m.startsAt}>{formatMeetingWhen(m.startsAt, m.endsAt, locale)}</time>
            </p>
            <p className="utrecht-paragraph app-wl-item__meta">
              {t(`meetings.mode.${m.mode}`, { defaultValue: m.mode })}
              {m.location && ` · ${m.location}`}
              {' · '}
              {m.invited ? t('partnerWorklist.meetings.invited') : t('partnerWorklist.meetings.colleague', { org })}
            </p>
          </li>
        ))}
      />

      <Block
        id="acties"
        title={t('partnerWorklist.actions.title')}
        count={data.counts.openActions}
        empty={t('partnerWorklist.actions.empty')}
        rows={data.openActions.map((a) => (
          <li key={a.id} className="app-wl-item">
            <p className="utrecht-paragraph app-wl-item__head">
              <ResidentLink to={partnerWorklistHref(a.link)} name={a.resident.name} area={a.resident.area.name} />
              <ActionBadge a={a} />
            </p>
            <p className="utrecht-paragraph app-wl-item__text">{a.description}</p>
            <p className="utrecht-paragraph app-wl-item__meta">
              {a.mine
                ? t('partnerWorklist.actions.mine')
                : a.ownerName
                  ? t('partnerWorklist.actions.colleague', { name: a.ownerName })
                  : t('partnerWorklist.actions.organisation', { org })}
              {' · '}
              {t('worklist.actions.goal', { goal: a.goalTitle })}
              {a.status === 'inProgress' && ` · ${t('partnerWorklist.actions.inProgress')}`}
            </p>
          </li>
        ))}
      />

      <Block
        id="toestemmingen"
        title={t('partnerWorklist.consents.title', { days: data.consentWindowDays })}
        count={data.counts.consentsEndingSoon}
        empty={t('partnerWorklist.consents.empty', { days: data.consentWindowDays })}
        rows={data.consentsEndingSoon.map((k) => (
          <li key={k.id} className="app-wl-item">
            <p className="utrecht-paragraph app-wl-item__head">
              <ResidentLink to={partnerWorklistHref(k.link)} name={k.resident.name} area={k.resident.area.name} />
              <StatusBadge status={k.daysLeft <= 7 ? 'danger' : 'warning'}>
                {t('partnerWorklist.consents.daysLeft', { count: k.daysLeft })}
              </StatusBadge>
            </p>
            <p className="utrecht-paragraph app-wl-item__text">
              {t('partnerWorklist.consents.until', { date: formatDate(k.validTo, locale) })} {k.purpose}
            </p>
          </li>
        ))}
      />
      {data.counts.consentsEndingSoon > 0 && <Paragraph small>{t('partnerWorklist.consents.help')}</Paragraph>}
    </>
  );
}

/**
 * The buurtteam professional's landing page: his 3-gesprekken (today first), his open actions in shared plans and
 * the consents that end soon; only residents who gave his organisation consent.
 */
export function PartnerWorklistPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('partnerWorklist.title'));
  const worklist = useQuery({ queryKey: partnerWorklistKey, queryFn: getPartnerWorklist, retry: false });
  const notifications = useUnreadNotifications(hasPermission(session, 'notifications:read'));
  const unread = notifications.data?.items ?? [];
  const data = worklist.data;

  return (
    <>
      <Heading level={1}>{t('partnerWorklist.title')}</Heading>
      {data && (
        <Paragraph lead>
          {t('partnerWorklist.intro', { date: formatDate(data.today, localeOf(i18n.language)), org: data.organisation.name })}
        </Paragraph>
      )}
      {data && <Summary data={data} />}
      <SearchBox />
      {unread.length > 0 && (
        <section className="app-wl-notifications" aria-labelledby="meldingen-heading" id="meldingen">
          <Heading level={2} id="meldingen-heading">
            {t('notifications.title')} <span className="app-wl-count">({notifications.data?.unreadCount ?? unread.length})</span>
          </Heading>
          <NotificationsList items={unread.slice(0, 3)} headingLevel={3} />
          {unread.length > 3 && (
            <p className="utrecht-paragraph">
              <AppLink to="/meldingen">{t('notifications.all', { count: notifications.data?.unreadCount ?? unread.length })}</AppLink>
            </p>
          )}
        </section>
      )}
      {worklist.isPending && <LoadingState />}
      {worklist.error && <ErrorState error={worklist.error} onRetry={() => void worklist.refetch()} />}
      {data && <Blocks data={data} />}
    </>
  );
}
