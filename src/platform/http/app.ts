import './types.ts';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AppConfig } from '../config.ts';
import { createRequestContext, type RequestContext } from '../context.ts';
import type { RouteProcessing } from '../processing-log/processing-log.ts';
import type { Db } from '../db/database.ts';
import { can } from '../access/permissions.ts';
import { isResident } from '../access/principal.ts';
import { SESSION_COOKIE, csrfMatches, resolveSession } from '../auth/sessions.ts';
import { resolveBearer } from '../auth/api-clients.ts';
import { traceFromHeader, traceparentOf } from '../processing-log/trace.ts';
import { API_PREFIX, API_VERSION, finaliseOpenApi } from './openapi.ts';
import { errorServerOptions, installErrorHandling } from './errors.ts';
import { problems } from './problem.ts';
import { postgresRateLimitStore } from './rate-limit.store.ts';

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
    ...errorServerOptions,
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
  // In PostgreSQL, so the login limit holds across instances (issue 16); the per-route limits are in the routes.
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(deps.db, deps.pseudonymKey) });
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'Samenplan API', version: API_VERSION } }, transform: jsonSchemaTransform, transformObject: jsonSchemaTransformObject });

  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('trace', null as never);
  // One context per request (the same one for every call), carrying the route's declared processing.
  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  app.decorateRequest('ctx', function (this: FastifyRequest) {
    if (!this.principal) throw problems.unauthenticated();
    let ctx = contexts.get(this);
    if (!ctx) {
      const { access, processing } = this.routeOptions.config;
      ctx = createRequestContext(deps.db, this.principal, this.trace, deps.pseudonymKey, {
        processing,
        permission: access && 'permission' in access ? access.permission : undefined,
      });
      contexts.set(this, ctx);
    }
    return ctx;
  });

  // Deny by default: an API route without an access rule does not start.
  // The declared processing of every operation, published in the OpenAPI document as x-processing.
  const processingByOperation = new Map<string, RouteProcessing>();
  app.addHook('onRoute', (route) => {
    const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
    if (operationId && route.config?.processing) processingByOperation.set(operationId, route.config.processing);
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} heeft geen toegangsregel (config.access)`);
    }
    // Every route that is not public declares the personal data it processes, or that it processes none.
    if (route.url.startsWith('/api/') && route.config?.access && !('public' in route.config.access) && !route.config.processing) {
      throw new Error(`Route ${route.method} ${route.url} verklaart niet welke persoonsgegevens zij verwerkt (config.processing)`);
    }
  });

  // A request that failed after its handler started is logged too, with status error (Logboek Dataverwerkingen):
  // what it had recorded, and the resident named in its path.
  app.addHook('onError', async (req) => {
    const ctx = contexts.get(req);
    const processing = req.routeOptions.config.processing;
    if (!ctx || !processing || 'none' in processing) return;
    const params = (req.params ?? {}) as Record<string, string | undefined>;
    try {
      await ctx.logFailure(processing.subjectParam ? params[processing.subjectParam] : undefined);
    } catch (err) {
      req.log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'failed request not logged');
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
      const resolved = await resolveSession(deps.db, token, config.sessionIdleMinutes, config.residentSessionIdleMinutes);
      if (resolved) {
        req.principal = resolved.principal;
        req.session = resolved.session;
      }
    } else if (req.headers.authorization?.startsWith('Bearer ')) {
      // A partner system's API client (ADR 0032): a bearer token, no session, no cookie, so no CSRF.
      req.principal = await resolveBearer(deps.db, req.headers.authorization);
    }
  });

  // Rate limit per API client (ADR 0032): its calls per minute, counted in PostgreSQL (so across instances); 429.
  const clientLimit = app.rateLimit({ max: config.apiClientRateLimit, timeWindow: '1 minute', keyGenerator: (req) => `api-client:${req.principal?.userId ?? ''}` });
  app.addHook('onRequest', async function (req, reply) {
    if (req.principal?.scopes && !req.session) await clientLimit.call(this, req, reply);
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (!req.url.startsWith('/api/') || !access) return;
    if ('public' in access) return;
    if (req.principal?.scopes && !req.session) {
      // An API client reaches only routes that name a permission, and only with a permission in its scopes: a single
      // record it may not see is 404, like for a person.
      if (!('permission' in access)) throw problems.unauthenticated();
      if (!can(req.principal, access.permission)) throw (req.routeOptions.url ?? '').includes('/:') ? problems.notFound() : problems.forbidden();
      return;
    }
    if (!req.principal || !req.session) throw problems.unauthenticated();
    // Residents and staff never cross (ADR 0016): a resident reaches only the portal, staff never act as a resident.
    const residentPrincipal = isResident(req.principal);
    if ('resident' in access) {
      if (!residentPrincipal) throw problems.notFound();
    } else if (residentPrincipal) {
      throw problems.unauthenticated();
    }
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

  installErrorHandling(app, { webDistDir: config.webDistDir });

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
    async () => (openApiDoc ??= finaliseOpenApi(app.swagger(), config.publicUrl, processingByOperation)),
  );

  if (existsSync(config.webDistDir)) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}
