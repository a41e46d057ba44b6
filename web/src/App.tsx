import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { landingPath, useSession } from './auth/session.ts';
import { PageLayout } from './components/PageLayout.tsx';
import { useRouteFocus } from './hooks/useRouteFocus.ts';
import { CaseloadPage } from './pages/CaseloadPage.tsx';
import { CandidatePage } from './pages/candidates/CandidatePage.tsx';
import { CandidatesPage } from './pages/candidates/CandidatesPage.tsx';
import { EmployerPage } from './pages/employers/EmployerPage.tsx';
import { EmployersPage } from './pages/employers/EmployersPage.tsx';
import { FairnessPage } from './pages/fairness/FairnessPage.tsx';
import { ProgrammeDashboardPage } from './pages/programmes/ProgrammeDashboardPage.tsx';
import { ProgrammesPage } from './pages/programmes/ProgrammesPage.tsx';
import { StudiesPage } from './pages/studies/StudiesPage.tsx';
import { StudyPage } from './pages/studies/StudyPage.tsx';
import { PartnerWorklistPage } from './pages/partner/PartnerWorklistPage.tsx';
import { PlacementPage } from './pages/placements/PlacementPage.tsx';
import { ErasurePage } from './pages/privacy/ErasurePage.tsx';
import { PrivacyLogPage } from './pages/privacy/PrivacyLogPage.tsx';
import { PrivacyLookupPage } from './pages/privacy/PrivacyLookupPage.tsx';
import { PrivacyRegisterPage } from './pages/privacy/PrivacyRegisterPage.tsx';
import { ImportPage } from './pages/imports/ImportPage.tsx';
import { VacanciesPage } from './pages/vacancies/VacanciesPage.tsx';
import { VacancyCreatePage, VacancyEditPage } from './pages/vacancies/VacancyFormPage.tsx';
import { VacancyPage } from './pages/vacancies/VacancyPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundContent } from './pages/NotFoundPage.tsx';
import { ResidentCreatePage } from './pages/ResidentCreatePage.tsx';
import { ResidentEditPage } from './pages/ResidentEditPage.tsx';
import { ResidentPage } from './pages/ResidentPage.tsx';
import { CampaignPage } from './pages/team/CampaignPage.tsx';
import { TeamPage } from './pages/team/TeamPage.tsx';
import { WelcomePage } from './pages/WelcomePage.tsx';
import { NotificationsPage } from './pages/worklist/NotificationsPage.tsx';
import { WorklistPage } from './pages/worklist/WorklistPage.tsx';
import { PortalHomePage } from './pages/portal/PortalHomePage.tsx';
import { PortalLayout } from './pages/portal/PortalLayout.tsx';
import { PortalLoginPage } from './pages/portal/PortalLoginPage.tsx';
import { PortalPlanPage } from './pages/portal/PortalPlanPage.tsx';
import { PortalMessagesPage } from './pages/portal/PortalMessagesPage.tsx';
import { PortalWorkPage } from './pages/portal/PortalWorkPage.tsx';
import { PortalAccessLogPage, PortalConsentsPage } from './pages/portal/PortalPrivacyPage.tsx';
import { PortalWorkPaysPage } from './pages/portal/PortalWorkPaysPage.tsx';
import { ExemptionsPage } from './pages/youth/ExemptionsPage.tsx';
import { SearchPeriodPage } from './pages/youth/SearchPeriodPage.tsx';
import { YouthPage } from './pages/youth/YouthPage.tsx';
import { ReferralsPage } from './pages/youth/ReferralsPage.tsx';
import { ProvisionsPage } from './pages/youth/ProvisionsPage.tsx';
import { CaseReviewsPage } from './pages/youth/CaseReviewsPage.tsx';
import { CouncilLetterPage } from './pages/youth/CouncilLetterPage.tsx';

function AuthenticatedLayout() {
  const session = useSession();
  return (
    <PageLayout session={session}>
      <Outlet />
    </PageLayout>
  );
}

function Landing() {
  return <Navigate to={landingPath(useSession())} replace />;
}

function NotFound() {
  return <NotFoundContent backTo={landingPath(useSession())} />;
}

export function App() {
  useRouteFocus();
  return (
    <Routes>
      <Route path="/inloggen" element={<LoginPage />} />
      {/* Mijn Samenplan (issue 11): the resident's own portal, with its own session and login. */}
      <Route path="/mijn/inloggen" element={<PortalLoginPage />} />
      <Route path="/mijn" element={<PortalLayout />}>
        <Route index element={<PortalHomePage />} />
        <Route path="plan" element={<PortalPlanPage />} />
        <Route path="berichten" element={<PortalMessagesPage />} />
        <Route path="werk" element={<PortalWorkPage />} />
        <Route path="werkt-het-loont" element={<PortalWorkPaysPage />} />
        <Route path="toestemmingen" element={<PortalConsentsPage />} />
        <Route path="wie-keek-mee" element={<PortalAccessLogPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <AuthenticatedLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Landing />} />
        <Route path="welkom" element={<WelcomePage />} />
        <Route
          path="werklijst"
          element={
            <RequireAuth permission="worklist:read">
              <WorklistPage />
            </RequireAuth>
          }
        />
        <Route
          path="buurtteam"
          element={
            <RequireAuth permission="partnerWorklist:read">
              <PartnerWorklistPage />
            </RequireAuth>
          }
        />
        <Route
          path="privacy"
          element={
            <RequireAuth permission="privacy:inspect">
              <PrivacyLookupPage />
            </RequireAuth>
          }
        />
        <Route
          path="privacy/logboek"
          element={
            <RequireAuth permission="privacy:inspect">
              <PrivacyLogPage />
            </RequireAuth>
          }
        />
        <Route
          path="import"
          element={
            <RequireAuth permission="imports:run">
              <ImportPage />
            </RequireAuth>
          }
        />
        <Route
          path="privacy/wissen"
          element={
            <RequireAuth permission="privacy:erase">
              <ErasurePage />
            </RequireAuth>
          }
        />
        <Route
          path="privacy/register"
          element={
            <RequireAuth permission="privacy:inspect">
              <PrivacyRegisterPage />
            </RequireAuth>
          }
        />
        <Route
          path="meldingen"
          element={
            <RequireAuth permission="notifications:read">
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="caseload"
          element={
            <RequireAuth permission="residents:list">
              <CaseloadPage />
            </RequireAuth>
          }
        />
        <Route
          path="inwoners/nieuw"
          element={
            <RequireAuth permission="residents:create">
              <ResidentCreatePage />
            </RequireAuth>
          }
        />
        <Route
          path="inwoners/:id"
          element={
            <RequireAuth permission="residents:read">
              <ResidentPage />
            </RequireAuth>
          }
        />
        <Route
          path="inwoners/:id/bewerken"
          element={
            <RequireAuth permission="residents:update">
              <ResidentEditPage />
            </RequireAuth>
          }
        />
        <Route
          path="team"
          element={
            <RequireAuth permission="team:manage">
              <TeamPage />
            </RequireAuth>
          }
        />
        <Route
          path="team/inhaalslag/:id"
          element={
            <RequireAuth permission="team:manage">
              <CampaignPage />
            </RequireAuth>
          }
        />
        <Route
          path="werkgevers"
          element={
            <RequireAuth permission="employers:read">
              <EmployersPage />
            </RequireAuth>
          }
        />
        <Route
          path="werkgevers/:id"
          element={
            <RequireAuth permission="employers:read">
              <EmployerPage />
            </RequireAuth>
          }
        />
        <Route
          path="vacatures"
          element={
            <RequireAuth permission="vacancies:read">
              <VacanciesPage />
            </RequireAuth>
          }
        />
        <Route
          path="vacatures/nieuw"
          element={
            <RequireAuth permission="vacancies:write">
              <VacancyCreatePage />
            </RequireAuth>
          }
        />
        <Route
          path="vacatures/:id"
          element={
            <RequireAuth permission="vacancies:read">
              <VacancyPage />
            </RequireAuth>
          }
        />
        <Route
          path="vacatures/:id/bewerken"
          element={
            <RequireAuth permission="vacancies:write">
              <VacancyEditPage />
            </RequireAuth>
          }
        />
        <Route
          path="kandidaten"
          element={
            <RequireAuth permission="candidates:present">
              <CandidatesPage />
            </RequireAuth>
          }
        />
        <Route
          path="kandidaten/:id"
          element={
            <RequireAuth permission="candidates:present">
              <CandidatePage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren"
          element={
            <RequireAuth permission="youth:read">
              <YouthPage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren/zoektermijnen/:id"
          element={
            <RequireAuth permission="youth:read">
              <SearchPeriodPage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren/overdrachten"
          element={
            <RequireAuth permission="youth:read">
              <ReferralsPage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren/maatwerk"
          element={
            <RequireAuth permission="youth:read">
              <ProvisionsPage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren/raadsopgave"
          element={
            <RequireAuth permission="youth:figures">
              <CouncilLetterPage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren/overleg"
          element={
            <RequireAuth permission="youth:read">
              <CaseReviewsPage />
            </RequireAuth>
          }
        />
        <Route
          path="jongeren/ontheffingen"
          element={
            <RequireAuth permission="youth:confirmExemption">
              <ExemptionsPage />
            </RequireAuth>
          }
        />
        <Route
          path="plaatsingen/:id"
          element={
            <RequireAuth permission="placements:read">
              <PlacementPage />
            </RequireAuth>
          }
        />
        <Route
          path="eerlijke-matching"
          element={
            <RequireAuth permission="fairness:read">
              <FairnessPage />
            </RequireAuth>
          }
        />
        <Route
          path="programmas"
          element={
            <RequireAuth permission="programmes:read">
              <ProgrammesPage />
            </RequireAuth>
          }
        />
        <Route
          path="programmas/:id"
          element={
            <RequireAuth permission="programmes:read">
              <ProgrammeDashboardPage />
            </RequireAuth>
          }
        />
        <Route
          path="studies"
          element={
            <RequireAuth permission="studies:read">
              <StudiesPage />
            </RequireAuth>
          }
        />
        <Route
          path="studies/:id"
          element={
            <RequireAuth permission="studies:read">
              <StudyPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
