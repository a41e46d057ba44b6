import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteRegistrar } from '../../platform/http/app.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import {
  analysisQuerySchema,
  analysisSchema,
  enrolBatchResultSchema,
  enrolBatchSchema,
  enrolSchema,
  exportQuerySchema,
  overviewQuerySchema,
  studyExportSchema,
  studyOverviewSchema,
  participantSchema,
  powerRequestSchema,
  powerResultSchema,
  residentParams,
  residentStudyRulesSchema,
  studyCreateSchema,
  studyListSchema,
  studyParams,
  studySchema,
} from './studies.schema.ts';
import * as service from './studies.service.ts';

const tags = ['Studies'];
const base = `${API_PREFIX}/studies`;

// Thin routes (issue 14). studies:design (teamleider): a study and its lottery; studies:enrol (werkmatcher,
// teamleider): a resident in their scope, consent first (PA-033); studies:read: the design and, after the lottery,
// the counts per arm; studies:analyse (teamleider, beleidsmedewerker): the ITT analysis, aggregates only (PA-034).
export const registerStudyRoutes: RouteRegistrar = (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const noPersonalData = { none: 'het ontwerp van een studie en aantallen; geen gegevens van een inwoner' } as const;

  r.post(
    base,
    {
      config: { access: { permission: 'studies:design' as const }, processing: noPersonalData },
      schema: { tags, summary: 'Een studie ontwerpen: armen met hun regels, geschiktheid, omvang, periode, uitkomsten', operationId: 'createStudy', body: studyCreateSchema, response: { 201: studySchema } },
    },
    async (req, reply) => {
      const study = await service.createStudy(req.ctx(), req.body);
      return reply.status(201).header('Location', `${base}/${study.id}`).send(study);
    },
  );

  r.get(
    base,
    { config: { access: { permission: 'studies:read' as const }, processing: noPersonalData }, schema: { tags, summary: 'Studies van de gemeente', operationId: 'listStudies', response: { 200: studyListSchema } } },
    async (req) => service.listStudies(req.ctx()),
  );

  r.post(
    `${base}/power-calculations`,
    {
      config: { access: { permission: 'studies:design' as const }, processing: { none: 'een rekensom zonder gegevens' } },
      schema: { tags, summary: 'Benodigde omvang per arm (tweezijdig; verschil in proporties of gemiddelden)', operationId: 'calculateStudyPower', body: powerRequestSchema, response: { 200: powerResultSchema } },
    },
    async (req) => service.powerCalculation(req.body),
  );

  r.get(
    `${base}/:id`,
    { config: { access: { permission: 'studies:read' as const }, processing: noPersonalData }, schema: { tags, summary: 'Eén studie: ontwerp, inschrijving en (na de loting) de verdeling', operationId: 'getStudy', params: studyParams, response: { 200: studySchema } } },
    async (req) => service.getStudy(req.ctx(), req.params.id),
  );

  r.post(
    `${base}/:id/participants`,
    {
      config: { access: { permission: 'studies:enrol' as const }, processing: { activity: 'PA-033', action: 'studies.enrol' } },
      schema: { tags, summary: 'Een inwoner inschrijven na zijn geïnformeerde toestemming (de arm blijft verborgen tot de loting)', operationId: 'enrolStudyParticipant', params: studyParams, body: enrolSchema, response: { 201: participantSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.enrol(req.ctx(), req.params.id, req.body)),
  );

  r.post(
    `${base}/:id/participant-batches`,
    {
      config: { access: { permission: 'studies:enrol' as const }, processing: { activity: 'PA-033', action: 'studies.enrol' } },
      schema: { tags, summary: 'Veel inwoners tegelijk inschrijven, elk na geïnformeerde toestemming (alles of niets)', operationId: 'enrolStudyParticipantBatch', params: studyParams, body: enrolBatchSchema, response: { 201: enrolBatchResultSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.enrolBatch(req.ctx(), req.params.id, req.body)),
  );

  r.post(
    `${base}/:id/allocation`,
    {
      config: { access: { permission: 'studies:design' as const }, processing: { activity: 'PA-033', action: 'studies.allocate' } },
      schema: { tags, summary: 'De inschrijving definitief maken en loten (gestratificeerd, in blokken, uit het bewaarde zaad)', operationId: 'allocateStudy', params: studyParams, response: { 200: studySchema } },
    },
    async (req) => service.allocateStudy(req.ctx(), req.params.id),
  );

  r.get(
    `${base}/:id/analysis`,
    {
      config: { access: { permission: 'studies:analyse' as const }, processing: { activity: 'PA-034', action: 'studies.analyse', subject: 'aggregate' } },
      schema: { tags, summary: 'Intention-to-treat-effect per arm tegen de controlegroep (OLS, HC2/HC3, 95%-BI)', operationId: 'analyseStudy', params: studyParams, querystring: analysisQuerySchema, response: { 200: analysisSchema } },
    },
    async (req) => service.analyseStudy(req.ctx(), req.params.id, req.query),
  );

  r.get(
    `${base}/:id/overview`,
    {
      config: { access: { permission: 'studies:read' as const }, processing: { activity: 'PA-034', action: 'studies.overview', subject: 'aggregate' } },
      schema: { tags, summary: 'Stroomschema (CONSORT) met follow-up per arm en de balanstabel van de achtergrondkenmerken (aantallen, kleine cellen onderdrukt)', operationId: 'getStudyOverview', params: studyParams, querystring: overviewQuerySchema, response: { 200: studyOverviewSchema } },
    },
    async (req) => service.studyOverview(req.ctx(), req.params.id, req.query),
  );

  r.get(
    `${base}/:id/pseudonymised-dataset`,
    {
      config: { access: { permission: 'studies:export' as const }, processing: { activity: 'PA-035', action: 'studies.export' } },
      schema: { tags, summary: 'Gepseudonimiseerde dataset met codeboek voor onderzoekers (pseudoniem per studie, geen directe identificatie, data als maand, kleine cellen samengevoegd)', operationId: 'exportStudyDataset', params: studyParams, querystring: exportQuerySchema, response: { 200: studyExportSchema } },
    },
    async (req) => service.exportStudy(req.ctx(), req.params.id, req.query),
  );

  r.get(
    `${API_PREFIX}/residents/:id/study-rules`,
    {
      config: { access: { permission: 'studies:read' as const }, processing: { activity: 'PA-033', action: 'studies.rules', subjectParam: 'id' } },
      schema: { tags, summary: 'Wat een studie verandert aan de regels voor deze inwoner (alleen als het iets verandert)', operationId: 'listResidentStudyRules', params: residentParams, response: { 200: residentStudyRulesSchema } },
    },
    async (req) => service.residentStudyRules(req.ctx(), req.params.id),
  );
};
