import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidBsn } from '../../domain/bsn.ts';
import { AREA_TERMS, DEFAULT_TERMS, PARTNER_TEAM_TERMS, type Principal } from '../access/principal.ts';
import type { AppDeps, RouteRegistrar } from '../http/app.ts';
import { API_PREFIX } from '../http/openapi.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { setSessionCookie } from './auth.routes.ts';
import { OidcDiscoveryError, createOidcClient, decodeFlow, describeOidcError, encodeFlow, isSafeReturnTo, newFlow, OIDC_FLOW_SECONDS } from './oidc.ts';
import { SESSION_COOKIE, endSession, resolveSession, startResidentSession, type SessionInfo } from './sessions.ts';
import { findDemoResident, findResidentsByBsn, listDemoResidents } from './sessions.store.ts';

// Mijn Samenplan (issue 11, ADR 0016): the resident's own login. OpenID Connect through the resident's issuer (a
// DigiD broker; the subject claim is the BSN), separate from staff's, or the demo login of a demo resident. The same
// session table, cookie, CSRF token and login rate limit as staff; a shorter idle timeout. Nothing from the tokens
// (the BSN least of all) goes into the application log.

export const PORTAL_SESSION_PATH = `${API_PREFIX}/portal/session`;
export const PORTAL_OIDC_PATH = `${PORTAL_SESSION_PATH}/oidc`;
const PORTAL_OIDC_FLOW_COOKIE = 'samenplan_portal_oidc';

export const portalSessionSchema = z
  .object({
    resident: z.object({
      id: z.uuid(),
      displayName: z.string(),
      municipality: z.object({
        id: z.uuid(),
        name: z.string(),
        terms: z.object({ area: z.enum(AREA_TERMS), partnerTeam: z.enum(PARTNER_TEAM_TERMS) }),
      }),
    }),
    csrfToken: z.string(),
    authMethod: z.enum(['demo', 'oidc']),
    expiresAt: z.string(),
    idleMinutes: z.number().int().describe('Na zoveel minuten zonder activiteit logt Mijn Samenplan u uit'),
  })
  .meta({ id: 'PortalSession' });

function presentPortalSession(p: Principal, s: Pick<SessionInfo, 'csrfToken' | 'authMethod' | 'expiresAt'>, idleMinutes: number) {
  return {
    resident: {
      id: p.residentId!,
      displayName: p.displayName,
      municipality: { id: p.municipalityId, name: p.municipalityName, terms: p.terms ?? DEFAULT_TERMS },
    },
    csrfToken: s.csrfToken,
    authMethod: s.authMethod as 'demo' | 'oidc',
    expiresAt: s.expiresAt.toISOString(),
    idleMinutes,
  };
}

const loginFailed = (detail: string, status: 400 | 401 | 403 = 400) =>
  new ProblemError(status, 'Inloggen mislukt', `${detail} Ga terug naar Mijn Samenplan en probeer opnieuw in te loggen.`);

export const registerResidentAuthRoutes: RouteRegistrar = (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginLimit = { max: deps.config.loginRateLimit, timeWindow: '1 minute' };
  const idle = deps.config.residentSessionIdleMinutes;

  async function begin(req: FastifyRequest, reply: FastifyReply, who: { municipalityId: string; residentId: string }, method: 'demo' | 'oidc') {
    // A new login replaces whatever session this browser had (no session fixation, no mixed identities).
    if (req.session) await endSession(deps.db, req.session.idHash);
    const { token, expiresAt } = await startResidentSession(deps.db, who, method, deps.config.sessionTtlMinutes);
    setSessionCookie(deps, reply, token, expiresAt);
    return token;
  }

  r.get(
    `${PORTAL_SESSION_PATH}/options`,
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Mijn Samenplan'],
        summary: 'Manieren om in te loggen in Mijn Samenplan',
        operationId: 'getPortalLoginOptions',
        response: {
          200: z.object({
            demoLogin: z.boolean(),
            oidc: z.boolean().describe('Inloggen met DigiD (via de inlogdienst van de gemeente)'),
            demoResidents: z.array(z.object({ username: z.string(), displayName: z.string(), municipalityName: z.string() })),
          }),
        },
      },
    },
    async () => ({
      demoLogin: deps.config.demoLogin,
      oidc: Boolean(deps.config.residentOidc),
      demoResidents: deps.config.demoLogin
        ? (await listDemoResidents(deps.db)).map((u) => ({ username: u.username, displayName: u.display_name, municipalityName: u.municipality_name }))
        : [],
    }),
  );

  r.post(
    `${PORTAL_SESSION_PATH}/demo`,
    {
      config: { access: { public: true }, csrfExempt: true, rateLimit: loginLimit },
      schema: {
        tags: ['Mijn Samenplan'],
        summary: 'Inloggen als demo-inwoner (alleen als de demo-login aan staat)',
        operationId: 'createPortalDemoSession',
        body: z.object({ username: z.string().min(1).max(100) }),
        response: { 201: portalSessionSchema },
      },
    },
    async (req, reply) => {
      if (!deps.config.demoLogin) throw problems.notFound('De demo-login');
      const found = await findDemoResident(deps.db, req.body.username);
      if (!found) {
        throw new ProblemError(400, 'Onbekende demo-inwoner', 'Kies een van de demo-inwoners uit de lijst.', [
          { name: 'username', code: 'unknown', reason: 'Deze demo-inwoner bestaat niet.' },
        ]);
      }
      const token = await begin(req, reply, { municipalityId: found.municipality_id, residentId: found.resident_id }, 'demo');
      const resolved = await resolveSession(deps.db, token, deps.config.sessionIdleMinutes, idle);
      if (!resolved) throw new Error('session vanished');
      reply.status(201);
      return presentPortalSession(resolved.principal, resolved.session, idle);
    },
  );

  r.get(
    PORTAL_SESSION_PATH,
    {
      config: { access: { resident: true }, processing: { none: 'alleen de eigen sessie van de inwoner' } },
      schema: { tags: ['Mijn Samenplan'], summary: 'De huidige sessie van de inwoner', operationId: 'getPortalSession', response: { 200: portalSessionSchema } },
    },
    async (req) => presentPortalSession(req.principal!, req.session!, idle),
  );

  r.delete(
    PORTAL_SESSION_PATH,
    {
      config: { access: { resident: true }, processing: { none: 'alleen de eigen sessie van de inwoner' } },
      schema: { tags: ['Mijn Samenplan'], summary: 'Uitloggen uit Mijn Samenplan', operationId: 'deletePortalSession', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await endSession(deps.db, req.session!.idHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  registerResidentOidc(app, deps, begin);
};

type Begin = (req: FastifyRequest, reply: FastifyReply, who: { municipalityId: string; residentId: string }, method: 'demo' | 'oidc') => Promise<string>;

function registerResidentOidc(app: FastifyInstance, deps: AppDeps, begin: Begin) {
  const cfg = deps.config.residentOidc;
  if (!cfg) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Only the subject: a DigiD broker gives the BSN as sub and nothing else is needed.
  const oidc = createOidcClient(cfg, () => deps.config.publicUrl, PORTAL_OIDC_PATH, 'openid');
  const loginLimit = { max: deps.config.loginRateLimit, timeWindow: '1 minute' };
  const secure = () => deps.config.publicUrl.startsWith('https://');
  const unavailable = () =>
    new ProblemError(503, 'Inlogdienst niet bereikbaar', 'Inloggen met DigiD lukt op dit moment niet. Probeer het over een paar minuten opnieuw.');

  r.get(
    `${PORTAL_OIDC_PATH}/login`,
    {
      config: { access: { public: true }, rateLimit: loginLimit },
      schema: {
        tags: ['Mijn Samenplan'],
        summary: 'Inloggen met DigiD (OpenID Connect via de inlogdienst van de gemeente)',
        operationId: 'startPortalOidcLogin',
        querystring: z.object({
          returnTo: z.string().refine(isSafeReturnTo, { message: 'Alleen een pad binnen Samenplan, beginnend met één /' }).optional(),
        }),
        response: { 302: z.null().describe('Doorsturen naar de inlogdienst') },
      },
    },
    async (req, reply) => {
      const flow = newFlow(req.query.returnTo ?? '/mijn');
      let target: URL;
      try {
        target = await oidc.authorizationUrl(flow);
      } catch (err) {
        req.log.warn({ oidc: { stage: 'portal-login', ...describeOidcError(err instanceof OidcDiscoveryError ? err.cause : err) } }, 'resident oidc failed');
        throw unavailable();
      }
      reply.setCookie(PORTAL_OIDC_FLOW_COOKIE, encodeFlow(flow), {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(),
        path: PORTAL_OIDC_PATH,
        maxAge: OIDC_FLOW_SECONDS,
      });
      return reply.redirect(target.href, 302);
    },
  );

  r.get(
    `${PORTAL_OIDC_PATH}/callback`,
    {
      config: { access: { public: true }, rateLimit: loginLimit },
      schema: {
        tags: ['Mijn Samenplan'],
        summary: 'Terugkeer van de inlogdienst (DigiD via OpenID Connect)',
        operationId: 'completePortalOidcLogin',
        querystring: z.object({
          code: z.string().max(2000).optional(),
          state: z.string().max(500).optional(),
          iss: z.string().max(2000).optional(),
          error: z.string().max(200).optional(),
        }),
        response: { 302: z.null().describe('Ingelogd: doorsturen naar Mijn Samenplan') },
      },
    },
    async (req, reply) => {
      const raw = req.cookies[PORTAL_OIDC_FLOW_COOKIE];
      reply.clearCookie(PORTAL_OIDC_FLOW_COOKIE, { path: PORTAL_OIDC_PATH, httpOnly: true, sameSite: 'lax', secure: secure() });
      const unsigned = raw ? req.unsignCookie(raw) : null;
      const flow = unsigned?.valid && unsigned.value ? decodeFlow(unsigned.value) : null;
      if (!flow) throw loginFailed('Uw inlogpoging is verlopen of niet meer geldig.');
      if (req.query.state !== flow.state) throw loginFailed('De terugkeer van de inlogdienst hoort niet bij deze inlogpoging.');
      if (req.query.error) throw loginFailed('De inlogdienst heeft het inloggen niet afgerond.', 401);
      let subject: string;
      try {
        const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        subject = (await oidc.exchange(flow, rawQuery)).subject;
      } catch (err) {
        req.log.warn({ oidc: { stage: 'portal-callback', ...describeOidcError(err instanceof OidcDiscoveryError ? err.cause : err) } }, 'resident oidc failed');
        if (err instanceof OidcDiscoveryError) throw unavailable();
        throw loginFailed('De inlogdienst kon uw inlog niet bevestigen.', 401);
      }
      const bsn = subject.trim();
      if (!/^[0-9]{9}$/.test(bsn) || !isValidBsn(bsn)) throw loginFailed('De inlogdienst gaf geen geldig burgerservicenummer door.', 401);
      const found = await findResidentsByBsn(deps.db, bsn, cfg.municipalityCode ?? null);
      if (found.length !== 1) {
        req.log.info({ oidc: { stage: 'portal-account', outcome: found.length === 0 ? 'unknown' : 'ambiguous' } }, 'resident oidc refused');
        throw new ProblemError(
          403,
          'Geen dossier in Mijn Samenplan',
          'U bent ingelogd met DigiD, maar de gemeente begeleidt u (nog) niet in Samenplan. Heeft u vragen? Bel uw gemeente.',
        );
      }
      await begin(req, reply, { municipalityId: found[0]!.municipality_id, residentId: found[0]!.resident_id }, 'oidc');
      return reply.redirect(flow.returnTo, 302);
    },
  );
}
