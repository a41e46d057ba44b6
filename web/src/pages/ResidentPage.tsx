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
import { WORK_SECTION_ID, WorkSection } from './resident/work/WorkSection.tsx';
import { useAssessments } from './resident/situation/useSituation.ts';

interface ResidentPageState {
  created?: boolean;
  saved?: boolean;
}

/**
 * One resident, one page: header and sections. What the viewer may not see is absent: a section whose data the
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
  const sections = [
    showPlan && { id: 'plan', label: t('resident.sections.plan') },
    hasPermission(session, 'meetings:read') && { id: 'gesprekken', label: t('resident.sections.meetings') },
    hasPermission(session, 'workProfiles:read') && { id: WORK_SECTION_ID, label: t('workProfile.section') },
    { id: 'gegevens', label: t('resident.sections.data') },
    showSituation && { id: 'situatie', label: t('resident.sections.situation') },
    showContact && { id: 'contact', label: t('resident.sections.contact') },
    { id: 'aanspreekpunt', label: t('resident.sections.contactPerson') },
    showConsents && { id: 'toestemmingen', label: t('resident.sections.consents') },
    showLog && { id: 'verwerkingen', label: t('processingLog.title') },
  ].filter((s): s is { id: string; label: string } => Boolean(s));

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
      <nav className="app-toc" aria-label={t('resident.toc')}>
        <ul className="app-inline-list">
          {sections.map((s) => (
            <li key={s.id}>
              <a className="utrecht-link utrecht-link--html-a" href={`#${s.id}`}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {showPlan && (
        <PlanSection resident={r} plan={plan} canStart={hasPermission(session, 'plans:write') && r.view === 'full'} />
      )}
      <MeetingsSection resident={r} />
      <WorkSection resident={r} />
      <PersonalDataSection resident={r} />
      {showSituation && <SituationSection resident={r} assessments={assessments} canWrite={hasPermission(session, 'assessments:write')} />}
      {showContact && <ContactSection resident={r} normDays={normDays} moments={moments} />}
      <ContactPersonSection resident={r} history={history} />
      {showConsents && <ConsentsSection resident={r} consents={consents} />}
      {showLog && <ProcessingLogSection residentId={r.id} />}
    </>
  );
}
