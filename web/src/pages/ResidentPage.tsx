import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError, isUnavailable } from '../api/client.ts';
import { hasPermission, landingPath, useSession } from '../auth/session.ts';
import { Alert } from '../components/Alert.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Heading } from '../components/Heading.tsx';
import { AppLink } from '../components/Links.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { NotFoundContent } from './NotFoundPage.tsx';
import { ConsentsSection } from './resident/ConsentsSection.tsx';
import { ContactPersonSection } from './resident/ContactPersonSection.tsx';
import { ContactSection } from './resident/ContactSection.tsx';
import { PersonalDataSection } from './resident/PersonalDataSection.tsx';
import { ProcessingLogSection } from './resident/ProcessingLogSection.tsx';
import { ResidentHeader } from './resident/ResidentHeader.tsx';
import { useConsents, useContactMoments, useContactPersonHistory, useResident } from './resident/useResident.ts';
import { MeetingsSection } from './resident/meetings/MeetingsSection.tsx';
import { PlanSection } from './resident/plan/PlanSection.tsx';
import { usePlan } from './resident/plan/usePlan.ts';
import { SituationSection } from './resident/situation/SituationSection.tsx';
import { WorkSection } from './resident/work/WorkSection.tsx';
import { MessagesSection, UNREAD_MESSAGES_KEY } from './resident/messages/MessagesSection.tsx';
import { listUnreadMessages } from '../api/messages.api.ts';
import { OutflowSection } from './outflow/OutflowSection.tsx';
import { useWorkProfile } from './resident/work/useWork.ts';
import { useAssessments, useBarriers } from './resident/situation/useSituation.ts';
import { useMeetings } from './resident/meetings/useMeetings.ts';
import { ResidentTabs, selectedTab, type TabItem } from './resident/ResidentTabs.tsx';
import { ResidentSearchPeriod } from './youth/ResidentSearchPeriod.tsx';

/** Under 27 today (the search period applies under 27 on the report date; the server checks the exact day). */
function isUnder27(dateOfBirth: string | undefined): boolean {
  if (!dateOfBirth) return false;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  return age >= 18 && age < 27;
}

interface ResidentPageState {
  created?: boolean;
  saved?: boolean;
}

/**
 * One resident, one page: header and a section navigation (Plan, Situatie, Gesprekken, Werk, Gegevens,
 * Geschiedenis) with the open part in the address (?tab=plan), so the back button and shared links work. What the viewer may not see is absent: a section whose data the
 * API does not offer (403/404, e.g. in the buurtteam's shared view) is left out, not greyed out.
 */
export function ResidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // "Toegevoegd"/"Opgeslagen" is shown once: kept here, removed from the history entry (not again after reload).
  const [flash] = useState(() => {
    const state = (location.state ?? {}) as ResidentPageState;
    return state.created ? 'created' : state.saved ? 'saved' : null;
  });
  useEffect(() => {
    if (location.state) navigate({ pathname: location.pathname, hash: location.hash }, { replace: true, state: null });
  }, [location.state, location.pathname, location.hash, navigate]);
  const resident = useResident(id);
  const loaded = resident.isSuccess;
  const consents = useConsents(id, loaded);
  const moments = useContactMoments(id, loaded);
  const history = useContactPersonHistory(id, loaded);
  const canReadSituation = hasPermission(session, 'assessments:read');
  const assessments = useAssessments(id, loaded && canReadSituation);
  const canReadPlan = hasPermission(session, 'plans:read');
  const plan = usePlan(id, loaded && canReadPlan);
  const canReadMeetings = hasPermission(session, 'meetings:read');
  const meetings = useMeetings(id, loaded && canReadMeetings);
  const barriers = useBarriers(id, loaded && canReadSituation);
  const canReadWork = hasPermission(session, 'workProfiles:read');
  const workProfile = useWorkProfile(id, loaded && canReadWork);
  // Issue 11: the conversation with the resident (area team only); the tab counts his unread messages to his contact person.
  const canReadMessages = hasPermission(session, 'messages:read');
  const unread = useQuery({ queryKey: UNREAD_MESSAGES_KEY, queryFn: listUnreadMessages, enabled: loaded && canReadMessages });
  useDocumentTitle(resident.data ? resident.data.resident.name : t('resident.title'));

  if (resident.isPending)
    return (
      <>
        <Heading level={1} data-loading="">
          {t('resident.title')}
        </Heading>
        <LoadingState />
      </>
    );
  if (isUnavailable(resident.error) || isApiError(resident.error, 400)) return <NotFoundContent backTo={landingPath(session)} />;
  if (resident.error)
    return (
      <>
        <Heading level={1}>{t('resident.title')}</Heading>
        <ErrorState error={resident.error} onRetry={() => void resident.refetch()} />
      </>
    );

  const r = resident.data.resident;
  const normDays = session.user.municipality.contactNormDays;
  const showContact = r.case !== undefined || !isUnavailable(moments.error);
  const showConsents = !isUnavailable(consents.error);
  const showLog = hasPermission(session, 'processingLog:read');
  const showSituation = canReadSituation && !isUnavailable(assessments.error);
  // 404 on the plan means "no plan yet" (the section says what to do); 403 leaves it out.
  const showPlan = canReadPlan && !isApiError(plan.error, 403);
  const showMeetings = canReadMeetings && !isUnavailable(meetings.error);
  const openActions = plan.data?.goals.flatMap((g) => g.actions).filter((a) => a.status === 'open' || a.status === 'inProgress').length;
  const openBarriers = barriers.data?.filter((b) => b.status !== 'resolved').length;
  const plannedMeetings = meetings.data?.filter((m) => m.status === 'planned' && Date.parse(m.endsAt) >= Date.now()).length;
  const activeConsents = showConsents ? consents.data?.filter((c) => c.active).length : undefined;
  const contactPersons = history.data?.length;
  const unreadHere = unread.data?.items.find((u) => u.residentId === r.id)?.unread ?? 0;
  const count = (key: string, n: number | undefined): Pick<TabItem, 'count' | 'countLabel'> =>
    n === undefined ? {} : { count: n, countLabel: t(`residentTabs.count.${key}`, { count: n }) };
  const candidates: (TabItem | false)[] = [
    showPlan && { id: 'plan' as const, label: t('resident.sections.plan'), ...count('plan', openActions) },
    showSituation && { id: 'situatie' as const, label: t('resident.sections.situation'), ...count('situatie', openBarriers) },
    (showMeetings || showContact) && { id: 'gesprekken' as const, label: t('resident.sections.meetings'), ...count('gesprekken', plannedMeetings) },
    canReadMessages && resident.data.resident.view === 'full' && {
      id: 'berichten' as const,
      label: t('conversation.staff.heading'),
      ...(unreadHere ? { count: unreadHere, countLabel: t('conversation.staff.unread', { count: unreadHere }) } : {}),
    },
    // 403 on the work profile leaves "Werk" out (as the section itself does); 404 means "no profile yet".
    canReadWork && !isApiError(workProfile.error, 403) && { id: 'werk' as const, label: t('workProfile.section') },
    { id: 'gegevens' as const, label: t('resident.sections.data'), ...count('gegevens', activeConsents) },
    { id: 'geschiedenis' as const, label: t('residentTabs.history'), ...count('geschiedenis', contactPersons) },
  ];
  const tabs = candidates.filter((s): s is TabItem => s !== false);
  const tab = selectedTab(location.search, location.hash, tabs.map((s) => s.id)) ?? 'gegevens';

  return (
    <>
      {hasPermission(session, 'residents:list') && (
        <p className="utrecht-paragraph app-back">
          <AppLink to="/caseload">
            <span aria-hidden="true">← </span>
            {t('resident.backToCaseload')}
          </AppLink>
        </p>
      )}
      {flash && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{flash === 'created' ? t('resident.created') : t('resident.saved')}</p>
        </Alert>
      )}
      <ResidentHeader resident={r} consents={showConsents ? consents.data : undefined} />
      {/* Team Jongeren (issue 13): the search period's countdown, or the melding for someone under 27. */}
      {hasPermission(session, 'youth:read') && r.view === 'full' && <ResidentSearchPeriod residentId={r.id} young={isUnder27(r.dateOfBirth)} />}
      <ResidentTabs items={tabs} current={tab}>
        {tab === 'plan' && showPlan && (
          <PlanSection resident={r} plan={plan} canStart={hasPermission(session, 'plans:write') && r.view === 'full'} />
        )}
        {tab === 'situatie' && showSituation && (
          <SituationSection resident={r} assessments={assessments} canWrite={hasPermission(session, 'assessments:write')} />
        )}
        {tab === 'gesprekken' && (
          <>
            <MeetingsSection resident={r} />
            {showContact && <ContactSection resident={r} normDays={normDays} moments={moments} />}
          </>
        )}
        {tab === 'berichten' && <MessagesSection resident={r} />}
        {tab === 'werk' && <WorkSection resident={r} />}
        {tab === 'gegevens' && (
          <>
            <PersonalDataSection resident={r} />
            {hasPermission(session, 'outflow:write') && r.view === 'full' && <OutflowSection resident={r} />}
            {showConsents && <ConsentsSection resident={r} consents={consents} />}
          </>
        )}
        {tab === 'geschiedenis' && (
          <>
            <ContactPersonSection resident={r} history={history} />
            {showLog && <ProcessingLogSection residentId={r.id} />}
          </>
        )}
      </ResidentTabs>
    </>
  );
}
