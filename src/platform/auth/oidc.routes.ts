import type { FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteRegistrar } from '../http/app.ts';
import { ProblemError } from '../http/problem.ts';
import { setSessionCookie } from './auth.routes.ts';
import {
  OIDC_FLOW_COOKIE,
  OIDC_FLOW_SECONDS,
  OIDC_PATH,
  OidcDiscoveryError,
  createOidcClient,
  decodeFlow,
  describeOidcError,
  encodeFlow,
  isSafeReturnTo,
  newFlow,
} from './oidc.ts';
import { SESSION_COOKIE, endSession, startSession } from './sessions.ts';
import { bindOidcSubject, findStaffByOidc } from './sessions.store.ts';

// OpenID Connect login (authorization code + PKCE). Registered only when an issuer is configured.
// Privacy: nothing from the tokens (claims, usernames, the tokens themselves) goes into the application log.

const tryAgain = 'Ga terug naar Samenplan en probeer opnieuw in te loggen.';

const loginFailed = (detail: string, status: 400 | 401 = 400) =>
  new ProblemError(status, 'Inloggen mislukt', `${detail} ${tryAgain}`);

const providerUnavailable = () =>
  new ProblemError(
    503,
    'Inlogdienst niet bereikbaar',
    'De inlogdienst van uw organisatie is op dit moment niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  );

function logFailure(log: FastifyBaseLogger, stage: string, err: unknown) {
  if (err instanceof OidcDiscoveryError) {
    // About the provider, not a person: the message (e.g. "fetch failed") helps the administrator.
    const message = err.cause instanceof Error ? err.cause.message.slice(0, 200) : undefined;
    log.warn({ oidc: { stage, ...describeOidcError(err.cause), message } }, 'oidc discovery failed');
  } else {
    log.warn({ oidc: { stage, ...describeOidcError(err) } }, 'oidc login failed');
  }
}

const callbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
});

export const registerOidcRoutes: RouteRegistrar = async (app, deps) => {
  const oidcConfig = deps.config.oidc;
  if (!oidcConfig) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oidc = createOidcClient(oidcConfig, () => deps.config.publicUrl);
  const loginLimit = { max: deps.config.loginRateLimit, timeWindow: '1 minute' };
  const secure = () => deps.config.publicUrl.startsWith('https://');

  r.get(
    `${OIDC_PATH}/login`,
    {
      config: { access: { public: true }, rateLimit: loginLimit },
      schema: {
        tags: ['Sessie'],
        summary: 'Inloggen via de inlogdienst van uw organisatie (OpenID Connect)',
        description:
          'Stuurt de browser door naar de inlogdienst (authorization code flow met PKCE). Na het inloggen komt de browser terug op /session/oidc/callback.',
        operationId: 'startOidcLogin',
        querystring: z.object({
          returnTo: z
            .string()
            .refine(isSafeReturnTo, { message: 'Alleen een pad binnen Samenplan, beginnend met één /' })
            .optional()
            .describe('Pad binnen Samenplan waar u na het inloggen terechtkomt (standaard /)'),
        }),
        response: { 302: z.null().describe('Doorsturen naar de inlogpagina van de inlogdienst') },
      },
    },
    async (req, reply) => {
      const flow = newFlow(req.query.returnTo ?? '/');
      let target: URL;
      try {
        target = await oidc.authorizationUrl(flow);
      } catch (err) {
        logFailure(req.log, 'login', err);
        throw providerUnavailable();
      }
      reply.setCookie(OIDC_FLOW_COOKIE, encodeFlow(flow), {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(),
        path: OIDC_PATH,
        maxAge: OIDC_FLOW_SECONDS,
      });
      return reply.redirect(target.href, 302);
    },
  );

  r.get(
    `${OIDC_PATH}/callback`,
    {
      // The state parameter (bound to the signed flow cookie) protects this GET against forged requests.
      config: { access: { public: true }, rateLimit: loginLimit },
      schema: {
        tags: ['Sessie'],
        summary: 'Terugkeer van de inlogdienst (OpenID Connect)',
        description:
          'Wisselt de autorisatiecode in, zoekt de medewerker bij het account van de inlogdienst en start een sessie.',
        operationId: 'completeOidcLogin',
        querystring: callbackQuery,
        response: { 302: z.null().describe('Ingelogd: doorsturen naar Samenplan, met het sessiecookie') },
      },
    },
    async (req, reply) => {
      // One attempt per flow: the cookie is cleared whatever happens next.
      const raw = req.cookies[OIDC_FLOW_COOKIE];
      reply.clearCookie(OIDC_FLOW_COOKIE, { path: OIDC_PATH, httpOnly: true, sameSite: 'lax', secure: secure() });
      const unsigned = raw ? req.unsignCookie(raw) : null;
      const flow = unsigned?.valid && unsigned.value ? decodeFlow(unsigned.value) : null;
      if (!flow) {
        req.log.info({ oidc: { stage: 'callback', reason: raw ? 'invalid_or_expired_flow' : 'no_flow' } }, 'oidc login failed');
        throw loginFailed('Uw inlogpoging is verlopen of niet meer geldig.');
      }
      if (req.query.state !== flow.state) {
        req.log.warn({ oidc: { stage: 'callback', reason: 'state_mismatch' } }, 'oidc login failed');
        throw loginFailed('De terugkeer van de inlogdienst hoort niet bij deze inlogpoging.');
      }
      if (req.query.error) {
        // e.g. access_denied when the user cancels; the description is not shown or logged.
        req.log.info({ oidc: { stage: 'callback', error: /^[a-z_]{1,50}$/.test(req.query.error) ? req.query.error : 'other' } }, 'oidc login not completed');
        throw loginFailed('De inlogdienst heeft het inloggen niet afgerond.', 401);
      }

      let identity;
      try {
        const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        identity = await oidc.exchange(flow, rawQuery);
      } catch (err) {
        logFailure(req.log, 'callback', err);
        if (err instanceof OidcDiscoveryError) throw providerUnavailable();
        throw loginFailed('De inlogdienst kon uw inlog niet bevestigen.', 401);
      }

      const staff = await findStaffByOidc(deps.db, identity.subject, identity.username);
      if (!staff) {
        req.log.info({ oidc: { stage: 'account', outcome: 'unknown' } }, 'oidc login refused');
        throw new ProblemError(
          403,
          'Geen account in Samenplan',
          'U bent ingelogd bij uw organisatie, maar er is geen Samenplan-account aan u gekoppeld. Neem contact op met de beheerder van Samenplan.',
        );
      }
      if (!staff.active) {
        req.log.info({ oidc: { stage: 'account', outcome: 'inactive' } }, 'oidc login refused');
        throw new ProblemError(
          403,
          'Account niet actief',
          'Uw account is niet (meer) actief. Neem contact op met de beheerder van Samenplan.',
        );
      }

      // Matched by username the first time: from now on the IdP's stable subject identifies this account.
      await bindOidcSubject(deps.db, staff.municipality_id, staff.staff_user_id, identity.subject);

      // A new login replaces whatever session this browser had (no session fixation, no mixed identities).
      if (req.session) await endSession(deps.db, req.session.idHash);
      const { token, expiresAt } = await startSession(
        deps.db,
        { municipalityId: staff.municipality_id, staffUserId: staff.staff_user_id },
        'oidc',
        deps.config.sessionTtlMinutes,
      );
      setSessionCookie(deps, reply, token, expiresAt);
      return reply.redirect(flow.returnTo, 302);
    },
  );

  r.post(
    `${OIDC_PATH}/logout`,
    {
      config: { access: { authenticated: true }, processing: { none: 'alleen de eigen sessie van de medewerker' } },
      schema: {
        tags: ['Sessie'],
        summary: 'Uitloggen, ook bij de inlogdienst',
        description:
          'Beëindigt de sessie in Samenplan en geeft het adres waarmee de browser ook bij de inlogdienst uitlogt (of null als die dat niet ondersteunt).',
        operationId: 'deleteOidcSession',
        response: {
          200: z.object({
            endSessionUrl: z.string().nullable().describe('Stuur de browser hierheen om ook bij de inlogdienst uit te loggen'),
          }),
        },
      },
    },
    async (req, reply) => {
      const wasOidc = req.session!.authMethod === 'oidc';
      await endSession(deps.db, req.session!.idHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endSessionUrl: wasOidc ? await oidc.endSessionUrl() : null };
    },
  );
};
