import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissionsOf } from '../access/permissions.ts';
import { AREA_TERMS, DEFAULT_TERMS, PARTNER_TEAM_TERMS, type Principal } from '../access/principal.ts';
import type { AppDeps, RouteRegistrar } from '../http/app.ts';
import { API_PREFIX } from '../http/openapi.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { SESSION_COOKIE, endSession, resolveSession, startSession, type SessionInfo } from './sessions.ts';
import { findStaffByUsername, listDemoUsers } from './sessions.store.ts';
import { PERMISSIONS } from '../access/permissions.ts';
import type { Role } from '../access/principal.ts';
import { roleSchema } from '../access/role.schema.ts';

export const sessionSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(roleSchema),
      municipality: z.object({
        id: z.uuid(),
        name: z.string(),
        contactNormDays: z.number().int(),
        terms: z
          .object({
            area: z.enum(AREA_TERMS).describe('Het woord voor een gebied: wijk (Utrecht) of gebied (Arnhem)'),
            partnerTeam: z.enum(PARTNER_TEAM_TERMS).describe('Het woord voor het sociale team in de buurt: buurtteam of gebiedsteam'),
          })
          .describe('De woorden die deze gemeente gebruikt'),
      }),
      partnerOrganisationId: z.uuid().nullable(),
      teamIds: z.array(z.uuid()),
    }),
    permissions: z.array(z.enum(PERMISSIONS)),
    csrfToken: z.string(),
    authMethod: z.enum(['demo', 'oidc']),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

export function presentSession(p: Principal, s: Pick<SessionInfo, 'csrfToken' | 'authMethod' | 'expiresAt'>) {
  return {
    user: {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      roles: p.roles,
      municipality: { id: p.municipalityId, name: p.municipalityName, contactNormDays: p.contactNormDays, terms: p.terms ?? DEFAULT_TERMS },
      partnerOrganisationId: p.partnerOrganisationId,
      teamIds: p.teamIds,
    },
    permissions: [...permissionsOf(p)].sort(),
    csrfToken: s.csrfToken,
    authMethod: s.authMethod as 'demo' | 'oidc',
    expiresAt: s.expiresAt.toISOString(),
  };
}

export function setSessionCookie(deps: AppDeps, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicUrl.startsWith('https://'),
    expires: expiresAt,
  });
}

export const registerAuthRoutes: RouteRegistrar = (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginLimit = { max: deps.config.loginRateLimit, timeWindow: '1 minute' };

  r.get(
    `${API_PREFIX}/session/options`,
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Sessie'],
        summary: 'Manieren om in te loggen',
        operationId: 'getLoginOptions',
        response: {
          200: z.object({
            demoLogin: z.boolean(),
            oidc: z.boolean(),
            demoUsers: z.array(
              z.object({ username: z.string(), displayName: z.string(), roles: z.array(roleSchema), municipalityName: z.string() }),
            ),
          }),
        },
      },
    },
    async () => ({
      demoLogin: deps.config.demoLogin,
      oidc: Boolean(deps.config.oidc),
      demoUsers: deps.config.demoLogin
        ? (await listDemoUsers(deps.db)).map((u) => ({
            username: u.username,
            displayName: u.display_name,
            roles: u.roles as Role[],
            municipalityName: u.municipality_name,
          }))
        : [],
    }),
  );

  r.get(
    `${API_PREFIX}/session`,
    {
      config: { access: { authenticated: true }, processing: { none: 'alleen de eigen sessie van de medewerker' } },
      schema: { tags: ['Sessie'], summary: 'De huidige sessie', operationId: 'getSession', response: { 200: sessionSchema } },
    },
    async (req) => presentSession(req.principal!, req.session!),
  );

  r.post(
    `${API_PREFIX}/session/demo`,
    {
      config: { access: { public: true }, csrfExempt: true, rateLimit: loginLimit },
      schema: {
        tags: ['Sessie'],
        summary: 'Inloggen als demogebruiker (alleen als de demo-login aan staat)',
        operationId: 'createDemoSession',
        body: z.object({ username: z.string().min(1).max(100) }),
        response: { 201: sessionSchema },
      },
    },
    async (req, reply) => {
      if (!deps.config.demoLogin) throw problems.notFound('De demo-login');
      const staff = await findStaffByUsername(deps.db, req.body.username);
      if (!staff || !staff.active || !staff.is_demo) {
        throw new ProblemError(400, 'Onbekende demogebruiker', 'Kies een van de demogebruikers uit de lijst.', [
          { name: 'username', code: 'unknown', reason: 'Deze demogebruiker bestaat niet.' },
        ]);
      }
      const { token, expiresAt } = await startSession(
        deps.db,
        { municipalityId: staff.municipality_id, staffUserId: staff.staff_user_id },
        'demo',
        deps.config.sessionTtlMinutes,
      );
      setSessionCookie(deps, reply, token, expiresAt);
      const resolved = await resolveSession(deps.db, token, deps.config.sessionIdleMinutes);
      if (!resolved) throw new Error('session vanished');
      reply.status(201);
      return presentSession(resolved.principal, resolved.session);
    },
  );

  r.delete(
    `${API_PREFIX}/session`,
    {
      config: { access: { authenticated: true }, processing: { none: 'alleen de eigen sessie van de medewerker' } },
      schema: { tags: ['Sessie'], summary: 'Uitloggen', operationId: 'deleteSession', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await endSession(deps.db, req.session!.idHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
