import type { AppConfig } from './platform/config.ts';
import { registerApiClientRoutes } from './platform/auth/api-clients.ts';
import { registerAuthRoutes } from './platform/auth/auth.routes.ts';
import { registerOidcRoutes } from './platform/auth/oidc.routes.ts';
import type { Db } from './platform/db/database.ts';
import { buildApp, type App } from './platform/http/app.ts';
import { registerOrganisationRoutes } from './modules/organisation/organisation.routes.ts';
import { registerCandidateRoutes } from './modules/candidates/candidates.routes.ts';
import { registerEmployerRoutes } from './modules/employers/employers.routes.ts';
import { registerEscoRoutes } from './modules/esco/esco.routes.ts';
import { registerFairnessRoutes } from './modules/fairness/fairness.routes.ts';
import { registerMatchingRoutes } from './modules/matching/matching.routes.ts';
import { registerPlacementRoutes } from './modules/placements/placements.routes.ts';
import { registerVacancyRoutes } from './modules/vacancies/vacancies.routes.ts';
import { registerAssessmentRoutes } from './modules/assessments/assessments.routes.ts';
import { registerMeetingRoutes } from './modules/meetings/meetings.routes.ts';
import { registerPlanRoutes } from './modules/plans/plans.routes.ts';
import { registerPrivacyRoutes } from './modules/privacy/privacy.routes.ts';
import { registerResidentRoutes } from './modules/residents/residents.routes.ts';
import { registerTeamRoutes } from './modules/team/team.routes.ts';
import { worklistJobs } from './modules/worklist/worklist.jobs.ts';
import { registerPartnerWorklistRoutes } from './modules/worklist/partner-worklist.routes.ts';
import { registerWorklistRoutes } from './modules/worklist/worklist.routes.ts';
import type { JobDefinition } from './platform/jobs/jobs.ts';
import { registerStudyRoutes } from './modules/studies/studies.routes.ts';
import { registerImportRoutes } from './modules/imports/imports.routes.ts';
import { registerBrpRoutes } from './modules/brp/brp.routes.ts';
import { registerResidentAuthRoutes } from './platform/auth/resident-auth.routes.ts';
import { registerPortalRoutes } from './modules/portal/portal.routes.ts';
import { registerMessageRoutes } from './modules/messages/messages.routes.ts';
import { messageJobs } from './modules/messages/messages.jobs.ts';
import { retentionJob, type RetentionRuleDefinition } from './platform/retention/retention.ts';
import { residentsRetentionRules } from './modules/residents/residents.retention.ts';
import { outflowRetentionRules } from './modules/outflow/outflow.retention.ts';
import { youthRetentionRules } from './modules/youth/youth.retention.ts';
import { studiesRetentionRules } from './modules/studies/studies.retention.ts';
import { programmesRetentionRules } from './modules/programmes/programmes.retention.ts';
import { importsRetentionRules } from './modules/imports/imports.retention.ts';
import { meetingsRetentionRules } from './modules/meetings/meetings.retention.ts';
import { messagesRetentionRules } from './modules/messages/messages.retention.ts';
import { processingLogRetentionRule } from './platform/processing-log/log-retention.ts';
import { youthJobs } from './modules/youth/youth.jobs.ts';
import { registerYouthRoutes } from './modules/youth/youth.routes.ts';
import { registerOutflowRoutes } from './modules/outflow/outflow.routes.ts';
import { registerProgrammeRoutes } from './modules/programmes/programmes.routes.ts';
import { programmeJobs } from './modules/programmes/programmes.jobs.ts';
import { registerWebhookRoutes } from './modules/webhooks/webhooks.routes.ts';
import { webhookJobs } from './modules/webhooks/webhooks.service.ts';

/** Composition root: the platform plus every module's routes. */
export async function createServer(config: AppConfig, db: Db, pseudonymKey: string, logStream?: NodeJS.WritableStream): Promise<App> {
  return buildApp({ config, db, pseudonymKey, logStream }, [
    registerAuthRoutes,
    registerApiClientRoutes,
    registerOidcRoutes,
    registerOrganisationRoutes,
    registerResidentRoutes,
    registerAssessmentRoutes,
    registerPlanRoutes,
    registerMeetingRoutes,
    registerWorklistRoutes,
    registerPartnerWorklistRoutes,
    registerTeamRoutes,
    registerEscoRoutes,
    registerEmployerRoutes,
    registerVacancyRoutes,
    registerMatchingRoutes,
    registerCandidateRoutes,
    registerPlacementRoutes,
    registerFairnessRoutes,
    registerPrivacyRoutes,
    registerStudyRoutes,
    registerImportRoutes,
    registerBrpRoutes,
    registerResidentAuthRoutes,
    registerPortalRoutes,
    registerMessageRoutes,
    registerYouthRoutes,
    registerOutflowRoutes,
    registerProgrammeRoutes,
    registerWebhookRoutes,
  ]);
}

/** Every module's jobs (run by the job worker next to the server: src/platform/jobs/worker.ts). */
/** Every module's retention rules (issue 16): a new module with personal data appends its own here. */
// The residents rules run first: the others scrub the data of the files they pseudonymised in the same run.
export const retentionRules: RetentionRuleDefinition[] = [
  ...residentsRetentionRules,
  ...outflowRetentionRules,
  ...youthRetentionRules,
  ...meetingsRetentionRules,
  ...messagesRetentionRules,
  ...studiesRetentionRules,
  ...programmesRetentionRules,
  ...importsRetentionRules,
  processingLogRetentionRule(),
];

export const jobDefinitions: JobDefinition[] = [...worklistJobs, retentionJob(retentionRules), ...youthJobs, ...programmeJobs, ...webhookJobs(), ...messageJobs];
