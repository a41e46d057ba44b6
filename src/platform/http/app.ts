import './types.ts';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config.ts';
import { createRequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { can } from '../access/permissions.ts';
import { SESSION_COOKIE, csrfMatches, resolveSession } from '../auth/sessions.ts';
import { traceFromHeader, traceparentOf } from '../processing-log/trace.ts';
import { API_PREFIX, API_VERSION, finaliseOpenApi } from './openapi.ts';
import { ProblemError, problems, type InvalidParam } from './problem.ts';

z.config(z.locales.nl());

export interface AppDeps {
  config: AppConfig;
  db: Db;
  pseudonymKey: string;
  /** Where application logs go (default stdout); tests pass a collector to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
}

export type RouteRegistrar = (app: FastifyInstance, deps: AppDeps) => void | Promise<void>;

export type App = FastifyInstance;

function sendProblem(reply: FastifyReply, p: ProblemError) {
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send({
      type: `https://samenplan.example.org/problemen/${p.status}`,
      title: p.title,
      status: p.status,
      detail: p.detail,
      ...(p.invalidParams ? { invalidParams: p.invalidParams } : {}),
      ...(p.extensions ?? {}),
    });
}

/** Builds the HTTP server: security defaults, sessions, CSRF, tracing, problem+json, OpenAPI, the web app. */
export async function buildApp(deps: AppDeps, registrars: RouteRegistrar[]): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            ...(deps.logStream ? { stream: deps.logStream } : {}),
            // No personal data in application logs: never the URL (it may hold a name or BSN in ?q=), bodies or cookies.
            serializers: { req: (r) => ({ method: r.method }), res: (r) => ({ statusCode: r.statusCode }) },
          },
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    bodyLimit: 1_000_000,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const secure = config.publicUrl.startsWith('https://');
  await app.register(cookie, { secret: createHmac('sha256', deps.pseudonymKey).update('cookie-secret').digest('hex') });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'Samenplan API', version: API_VERSION } }, transform: jsonSchemaTransform, transformObject: jsonSchemaTransformObject });

  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('trace', null as never);
  app.decorateRequest('ctx', function (this: FastifyRequest) {
    if (!this.principal) throw problems.unauthenticated();
    return createRequestContext(deps.db, this.principal, this.trace, deps.pseudonymKey);
  });

  // Deny by default: an API route without an access rule does not start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} heeft geen toegangsregel (config.access)`);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    req.trace = traceFromHeader(req.headers.traceparent as string | undefined);
    reply.header('traceparent', traceparentOf(req.trace));
    if (!req.url.startsWith('/api/')) return;
    reply.header('API-Version', API_VERSION);
    reply.header('Cache-Control', 'no-store');
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(deps.db, token, config.sessionIdleMinutes);
      if (resolved) {
        req.principal = resolved.principal;
        req.session = resolved.session;
      }
    }
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (!req.url.startsWith('/api/') || !access) return;
    if ('public' in access) return;
    if (!req.principal || !req.session) throw problems.unauthenticated();
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (unsafe && !req.routeOptions.config.csrfExempt) {
      if (!csrfMatches(req.session.csrfToken, req.headers['x-csrf-token'] as string | undefined)) throw problems.csrf();
    }
    if ('permission' in access && !can(req.principal, access.permission)) {
      // On a single record, a missing permission looks exactly like a record out of scope: 404, no details.
      throw (req.routeOptions.url ?? '').includes('/:') ? problems.notFound() : problems.forbidden();
    }
  });

  app.addHook('onResponse', async (req, reply) => {
    // Route template only ("/api/v1/residents/:id"), never the raw URL or query.
    req.log.info(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime), trace: req.trace?.traceId },
      'request',
    );
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ProblemError) return sendProblem(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const invalidParams: InvalidParam[] = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { name: path || (v.params?.issue as { path?: string[] })?.path?.join('.') || v.keyword, code: v.keyword, reason: v.message ?? 'Ongeldige waarde' };
      });
      const where = err.validationContext === 'querystring' ? 'zoekparameters' : err.validationContext === 'params' ? 'het adres' : 'de invoer';
      return sendProblem(reply, new ProblemError(400, 'Ongeldig verzoek', `Controleer ${where}.`, invalidParams));
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return sendProblem(reply, new ProblemError(429, 'Te veel verzoeken', 'Wacht een minuut en probeer het dan opnieuw.'));
    if (status === 415) return sendProblem(reply, new ProblemError(415, 'Verkeerd formaat', 'Stuur de gegevens als application/json.'));
    if (status >= 400 && status < 500) {
      return sendProblem(reply, new ProblemError(status, 'Ongeldig verzoek', 'Het verzoek kon niet worden gelezen.'));
    }
    req.log.error({ err: { message: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code } }, 'unhandled error');
    return sendProblem(reply, new ProblemError(500, 'Er ging iets mis', 'Probeer het later opnieuw. Blijft het misgaan? Meld het dan met het trace-id uit de traceparent-header.'));
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(path.join(config.webDistDir, 'index.html'))) {
      return sendProblem(reply, new ProblemError(404, 'Niet gevonden', 'Dit adres bestaat niet.'));
    }
    // Single-page app: unknown non-API paths get the app shell.
    return reply.type('text/html').sendFile('index.html');
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    `${API_PREFIX}/health`,
    {
      config: { access: { public: true } },
      schema: { tags: ['Beheer'], summary: 'Gezondheid van de dienst', operationId: 'getHealth', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      await deps.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok' as const };
    },
  );

  for (const register of registrars) await register(app, deps);

  let openApiDoc: unknown = null;
  typed.get(
    `${API_PREFIX}/openapi.json`,
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => (openApiDoc ??= finaliseOpenApi(app.swagger(), config.publicUrl)),
  );

  if (existsSync(config.webDistDir)) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}
