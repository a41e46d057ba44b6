import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_CLIENT_SCOPES, type Permission } from '../access/permissions.ts';
import { AREA_TERMS, DEFAULT_TERMS, PARTNER_TEAM_TERMS, type Principal } from '../access/principal.ts';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { RouteRegistrar } from '../http/app.ts';
import { listSchema, wholeList } from '../http/list.ts';
import { API_PREFIX } from '../http/openapi.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { apiClientsStore, issueToken, principalByToken, type ApiClientRow } from './api-clients.store.ts';

// API clients of partner systems (issue 15, ADR 0032): OAuth2 client credentials (RFC 6749 §4.4). The functional
// administrator makes a client for a partner organisation with scopes; the partner's system gets a bearer token at
// POST /api/v1/oauth/token (client_secret_basic or client_secret_post) and calls the API with it. The client acts as
// its partner organisation's professional would (the same need-to-know scope: residents with an active consent), but
// only with the permissions in its token's scopes; every call is logged with the client as the actor.

export const TOKEN_PATH = `${API_PREFIX}/oauth/token`;
const TOKEN_TTL_SECONDS = 3600;
const sha256 = (s: string) => createHash('sha256').update(s).digest();

const oauthError = (status: number, error: string, detail: string) =>
  new ProblemError(status, status === 401 ? 'Client niet herkend' : 'Ongeldig tokenverzoek', detail, undefined, { error });

/** The client's credentials from HTTP Basic (client_secret_basic) or the form (client_secret_post). */
function credentialsOf(authorization: string | undefined, body: Record<string, unknown>): { id: string; secret: string } | null {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  }
  const id = body.client_id;
  const secret = body.client_secret;
  return typeof id === 'string' && typeof secret === 'string' ? { id, secret } : null;
}

export async function issueClientToken(db: Db, authorization: string | undefined, body: Record<string, unknown>) {
  if (body.grant_type !== 'client_credentials') {
    throw oauthError(400, 'unsupported_grant_type', 'Alleen grant_type=client_credentials wordt ondersteund.');
  }
  const creds = credentialsOf(authorization, body);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!creds || !uuid.test(creds.id) || creds.secret.length > 200) {
    throw oauthError(401, 'invalid_client', 'De client is onbekend, staat uit, of het geheim klopt niet.');
  }
  const requested = typeof body.scope === 'string' && body.scope.trim() ? [...new Set(body.scope.trim().split(/\s+/))] : null;
  const token = randomBytes(32).toString('base64url');
  const issued = await issueToken(db, creds.id, sha256(creds.secret), sha256(token), requested, TOKEN_TTL_SECONDS);
  if (!issued) throw oauthError(401, 'invalid_client', 'De client is onbekend, staat uit, of het geheim klopt niet.');
  if (!issued.granted) throw oauthError(400, 'invalid_scope', `Deze client mag alleen: ${issued.client_scopes.join(' ')}.`);
  return { access_token: token, token_type: 'Bearer' as const, expires_in: TOKEN_TTL_SECONDS, scope: issued.granted.join(' ') };
}

/** The principal of a request with `Authorization: Bearer <token>`, or null (unknown, expired, client switched off). */
export async function resolveBearer(db: Db, authorization: string | undefined): Promise<Principal | null> {
  const m = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
  if (!m) return null;
  const row = await principalByToken(db, sha256(m[1]!));
  if (!row) return null;
  return {
    userId: row.client_id,
    username: `client:${row.client_id}`,
    displayName: row.name,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    contactNormDays: row.contact_norm_days,
    roles: ['partnerProfessional'],
    teamIds: [],
    areaIds: [],
    partnerOrganisationId: row.partner_organisation_id,
    scopes: row.scopes.filter((s): s is Permission => (API_CLIENT_SCOPES as readonly string[]).includes(s)),
    terms: {
      area: AREA_TERMS.find((t) => t === row.area_term) ?? DEFAULT_TERMS.area,
      partnerTeam: PARTNER_TEAM_TERMS.find((t) => t === row.partner_team_term) ?? DEFAULT_TERMS.partnerTeam,
    },
  };
}

// ---- The administrator's clients ----

const clientCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(120).describe('Naam van het partnersysteem'),
    partnerOrganisationId: z.uuid().describe('De partnerorganisatie namens wie het systeem werkt (haar toestemmingen gelden)'),
    scopes: z.array(z.enum(API_CLIENT_SCOPES)).min(1).max(20).describe('Wat de client mag: residents:read, plans:read'),
  })
  .meta({ id: 'ApiClientCreate' });
const clientFields = {
  id: z.uuid().describe('De client_id voor het tokenverzoek'),
  name: z.string(),
  partnerOrganisationId: z.uuid(),
  scopes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
};
const clientSchema = z.object(clientFields).meta({ id: 'ApiClient' });
const clientCreatedSchema = z
  .object({ ...clientFields, secret: z.string().describe('Het client_secret. Alleen nu zichtbaar: bewaar het bij het partnersysteem.') })
  .meta({ id: 'ApiClientCreated' });
const clientParams = z.object({ clientId: z.uuid().describe('Id van de client') });
const tokenBodySchema = z
  .object({
    grant_type: z.string().optional().describe('client_credentials'),
    scope: z.string().optional().describe('Gevraagde scopes, gescheiden door spaties (standaard: alle scopes van de client)'),
    client_id: z.string().optional().describe('Alleen als de client zich niet met HTTP Basic aanmeldt'),
    client_secret: z.string().optional(),
  })
  .meta({ id: 'TokenRequest' });
const tokenSchema = z
  .object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int(), scope: z.string() })
  .meta({ id: 'TokenResponse' });

const present = (c: ApiClientRow) => ({
  id: c.id,
  name: c.name,
  partnerOrganisationId: c.partner_organisation_id,
  scopes: c.scopes,
  active: c.active,
  createdAt: c.created_at.toISOString(),
});

async function createClient(ctx: RequestContext, body: z.infer<typeof clientCreateSchema>) {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  try {
    await ctx.transaction((tx) =>
      apiClientsStore(tx, ctx.principal.municipalityId).insert({
        id,
        name: body.name,
        partnerOrganisationId: body.partnerOrganisationId,
        scopes: [...new Set(body.scopes)],
        secretHash: sha256(secret),
        createdBy: ctx.principal.userId,
      }),
    );
  } catch (err) {
    if ((err as { code?: string }).code === '23503') {
      throw problems.invalid([{ name: 'partnerOrganisationId', code: 'unknown', reason: 'Deze partnerorganisatie bestaat niet.' }]);
    }
    throw err;
  }
  const row = await ctx.transaction((tx) => apiClientsStore(tx, ctx.principal.municipalityId).get(id));
  return { ...present(row!), secret };
}

export const registerApiClientRoutes: RouteRegistrar = async (app, deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API-clients'];
  const access = { permission: 'apiClients:manage' } as const;
  const none = { none: 'gegevens van een client van een partnersysteem, geen persoonsgegevens' };

  r.get(
    `${API_PREFIX}/api-clients`,
    {
      config: { access, processing: none },
      schema: { tags, summary: 'De API-clients van partnersystemen', operationId: 'listApiClients', response: { 200: listSchema(clientSchema, 'ApiClientList') } },
    },
    async (req) => wholeList((await req.ctx().transaction((tx) => apiClientsStore(tx, req.ctx().principal.municipalityId).list())).map(present)),
  );
  r.post(
    `${API_PREFIX}/api-clients`,
    {
      config: { access, processing: none },
      schema: {
        tags,
        summary: 'Een API-client voor een partnersysteem maken (OAuth2 client credentials); het geheim is alleen in dit antwoord te zien',
        operationId: 'createApiClient',
        body: clientCreateSchema,
        response: { 201: clientCreatedSchema },
      },
    },
    async (req, reply) => {
      const created = await createClient(req.ctx(), req.body);
      return reply.status(201).header('Location', `${API_PREFIX}/api-clients/${created.id}`).send(created);
    },
  );
  r.patch(
    `${API_PREFIX}/api-clients/:clientId`,
    {
      config: { access, processing: none },
      schema: {
        tags,
        summary: 'Een API-client aan- of uitzetten (uit: zijn tokens werken direct niet meer)',
        operationId: 'updateApiClient',
        params: clientParams,
        body: z.object({ active: z.boolean() }).meta({ id: 'ApiClientUpdate' }),
        response: { 200: clientSchema },
      },
    },
    async (req) =>
      req.ctx().transaction(async (tx) => {
        const store = apiClientsStore(tx, req.ctx().principal.municipalityId);
        if (!(await store.setActive(req.params.clientId, req.body.active))) throw problems.notFound('Deze client');
        return present((await store.get(req.params.clientId))!);
      }),
  );

  // The token endpoint takes the form encoding of RFC 6749 (and JSON); its own parser, in its own context.
  await app.register(async (child) => {
    child.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    child.withTypeProvider<ZodTypeProvider>().post(
      TOKEN_PATH,
      {
        config: { access: { public: true }, csrfExempt: true },
        schema: {
          tags,
          summary: 'Een toegangstoken voor een partnersysteem (OAuth2 client credentials)',
          operationId: 'createOAuthToken',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: tokenBodySchema,
          response: { 200: tokenSchema },
        },
      },
      async (req, reply) => {
        reply.header('Pragma', 'no-cache');
        try {
          return await issueClientToken(deps.db, req.headers.authorization, (req.body ?? {}) as Record<string, unknown>);
        } catch (err) {
          if (err instanceof ProblemError && err.status === 401) reply.header('WWW-Authenticate', 'Basic realm="samenplan"');
          throw err;
        }
      },
    );
  });
};
