// Every error leaves the building as application/problem+json (RFC 9457) with a Dutch title and detail: our own
// ProblemErrors, schema validation (400 with invalidParams: the one validation status of this API, per the NL API
// Design Rules), and the framework's own errors (broken JSON, unsupported media type, a body too large, an invalid
// URL encoding, a malformed HTTP request). Never a stack trace, SQL, an internal error code or a file path: those go
// to the application log only, without personal data. Anything unforeseen is a 500 with the generic message — and
// a bug to fix.
import type { Socket } from 'node:net';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ProblemError, type InvalidParam } from './problem.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://samenplan.example.org/problemen/';

export const GENERIC_SERVER_ERROR = new ProblemError(
  500,
  'Er ging iets mis',
  'Probeer het later opnieuw. Blijft het misgaan? Meld het dan met het trace-id uit de traceparent-header.',
);

export const notFoundProblem = () => new ProblemError(404, 'Niet gevonden', 'Dit adres bestaat niet.');

/** The problem document of an error: the body of every error response. */
export function problemBody(p: ProblemError): Record<string, unknown> {
  return {
    type: `${PROBLEM_TYPE_BASE}${p.status}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    ...(p.invalidParams ? { invalidParams: p.invalidParams } : {}),
    ...(p.extensions ?? {}),
  };
}

/**
 * Sends the problem as it is: not through the route's response schema for that status, which may describe a richer
 * error (a 412 with the current version); a mismatch there must not turn a 4xx into a 500. The fuzz test checks the
 * documented members instead.
 */
export function sendProblem(reply: FastifyReply, p: ProblemError) {
  return reply
    .status(p.status)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .header('cache-control', 'no-store')
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(problemBody(p));
}

interface FrameworkProblem {
  status: number;
  title: string;
  detail: string;
  invalidParams?: InvalidParam[];
}

/**
 * Fastify's (and Node's HTTP parser's) own error codes → what we tell the client. Codes not listed here with a 4xx
 * status get the Dutch text for that status (below); with a 5xx (or none) they are a bug in Samenplan: 500.
 */
export const FRAMEWORK_ERRORS: Record<string, FrameworkProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    title: 'Ongeldig verzoek',
    detail: 'De inhoud van het verzoek is geen geldige JSON. Controleer aanhalingstekens, komma’s en haakjes.',
    invalidParams: [{ name: 'body', code: 'invalid_json', reason: 'Geen geldige JSON.' }],
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    title: 'Ongeldig verzoek',
    detail: 'Het verzoek heeft Content-Type application/json maar geen inhoud. Stuur JSON mee, bijvoorbeeld {}.',
    invalidParams: [{ name: 'body', code: 'empty', reason: 'De inhoud ontbreekt.' }],
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    title: 'Verkeerd formaat',
    detail: 'Stuur de gegevens als application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_TYPE: {
    status: 415,
    title: 'Verkeerd formaat',
    detail: 'De Content-Type-header is ongeldig. Stuur de gegevens als application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    title: 'Verzoek te groot',
    detail: 'De inhoud van het verzoek is groter dan toegestaan (1 MB). Stuur minder gegevens tegelijk.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    title: 'Ongeldig verzoek',
    detail: 'De lengte van de inhoud klopt niet met de Content-Length-header.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    title: 'Ongeldig adres',
    detail: 'Het adres bevat een ongeldige codering (een %-teken dat niet gevolgd wordt door twee hexadecimale cijfers of geen geldige UTF-8 vormt).',
    invalidParams: [{ name: 'path', code: 'invalid_encoding', reason: 'Ongeldige %-codering in het adres.' }],
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 400,
    title: 'Ongeldig adres',
    detail: 'Een deel van het adres is te lang; een kenmerk (id) is hooguit 100 tekens.',
    invalidParams: [{ name: 'path', code: 'too_long', reason: 'Dit deel van het adres is te lang.' }],
  },
  FST_ERR_ASYNC_CONSTRAINT: {
    status: 400,
    title: 'Ongeldig verzoek',
    detail: 'Het verzoek kon niet aan een adres van de API worden gekoppeld.',
  },
  FST_ERR_NOT_FOUND: { status: 404, title: 'Niet gevonden', detail: 'Dit adres bestaat niet.' },
  // Node's HTTP parser (clientError): the request could not even be read.
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Headers te groot',
    detail: 'De headers van het verzoek zijn te groot. Verwijder overbodige cookies en probeer het opnieuw.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Verzoek duurde te lang',
    detail: 'Het verzoek kwam niet op tijd binnen. Probeer het opnieuw.',
  },
};

/** Dutch text for a 4xx status without a specific entry above. */
const STATUS_TEXT: Record<number, { title: string; detail: string }> = {
  400: { title: 'Ongeldig verzoek', detail: 'Het verzoek kon niet worden gelezen.' },
  401: { title: 'Niet ingelogd', detail: 'Log in om verder te gaan.' },
  403: { title: 'Geen toegang', detail: 'Uw rol geeft geen toegang tot deze gegevens of handeling.' },
  404: { title: 'Niet gevonden', detail: 'Dit adres bestaat niet.' },
  405: { title: 'Methode niet toegestaan', detail: 'Deze handeling kan niet op dit adres.' },
  406: { title: 'Formaat niet beschikbaar', detail: 'Dit gegeven is alleen beschikbaar in het formaat dat de API beschrijft.' },
  408: { title: 'Verzoek duurde te lang', detail: 'Het verzoek kwam niet op tijd binnen. Probeer het opnieuw.' },
  409: { title: 'Conflict', detail: 'Het verzoek botst met de huidige stand van de gegevens.' },
  411: { title: 'Lengte ontbreekt', detail: 'Stuur de Content-Length-header mee.' },
  412: { title: 'Inmiddels gewijzigd', detail: 'Het gegeven is gewijzigd. Haal de nieuwe versie op en probeer het opnieuw.' },
  413: { title: 'Verzoek te groot', detail: 'De inhoud van het verzoek is groter dan toegestaan.' },
  414: { title: 'Adres te lang', detail: 'Het adres van het verzoek is te lang.' },
  415: { title: 'Verkeerd formaat', detail: 'Stuur de gegevens als application/json.' },
  416: { title: 'Bereik niet beschikbaar', detail: 'Het gevraagde deel (Range) bestaat niet.' },
  422: { title: 'Ongeldig verzoek', detail: 'Het verzoek kon niet worden verwerkt.' },
  428: { title: 'Versie ontbreekt', detail: 'Stuur de versie mee die u heeft bewerkt (If-Match-header met de ETag).' },
  429: { title: 'Te veel verzoeken', detail: 'Wacht een minuut en probeer het dan opnieuw.' },
  431: { title: 'Headers te groot', detail: 'De headers van het verzoek zijn te groot.' },
};

const VALIDATION_CONTEXT: Record<string, { where: string; root: string }> = {
  body: { where: 'de invoer', root: 'body' },
  querystring: { where: 'de zoekparameters', root: 'query' },
  params: { where: 'het adres', root: 'path' },
  headers: { where: 'de headers', root: 'headers' },
};

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Schema validation (zod through fastify-type-provider-zod, or another validator) → 400 with invalidParams. */
export function validationProblem(issues: ValidationIssue[], context: string | undefined): ProblemError {
  const ctx = VALIDATION_CONTEXT[context ?? 'body'] ?? VALIDATION_CONTEXT.body!;
  const invalidParams: InvalidParam[] = [];
  for (const v of issues) {
    const fromPath = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const code = typeof v.keyword === 'string' ? v.keyword : 'invalid';
    const keys = v.params?.keys;
    if (code === 'unrecognized_keys' && Array.isArray(keys) && keys.length) {
      for (const key of keys) {
        invalidParams.push({ name: fromPath ? `${fromPath}.${String(key)}` : String(key), code, reason: 'Dit veld bestaat niet; laat het weg.' });
      }
      continue;
    }
    invalidParams.push({ name: fromPath || ctx.root, code, reason: v.message || 'Ongeldige waarde' });
  }
  return new ProblemError(400, 'Ongeldig verzoek', `Controleer ${ctx.where}.`, invalidParams);
}

function frameworkProblem(code: string | undefined, status: number | undefined): ProblemError | null {
  const known = code ? FRAMEWORK_ERRORS[code] : undefined;
  if (known) return new ProblemError(known.status, known.title, known.detail, known.invalidParams);
  if (status && status >= 400 && status < 500) {
    const text = STATUS_TEXT[status] ?? STATUS_TEXT[400]!;
    return new ProblemError(status, text.title, text.detail);
  }
  return null;
}

/** What the client gets for any error; logs (without personal data) what is a bug. */
export function toProblem(err: unknown, req: FastifyRequest | null): ProblemError {
  if (err instanceof ProblemError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) return validationProblem(err.validation, err.validationContext);
  const e = (err ?? {}) as Partial<FastifyError> & { validation?: unknown };
  if (Array.isArray(e.validation) && e.validation.length) {
    return validationProblem(e.validation as ValidationIssue[], e.validationContext);
  }
  const p = frameworkProblem(typeof e.code === 'string' ? e.code : undefined, typeof e.statusCode === 'number' ? e.statusCode : undefined);
  if (p) return p;
  // A bug: log what helps to find it (code, message, where in a response schema), never values or the URL.
  const cause = (e as { cause?: { issues?: Array<{ path?: unknown[]; code?: string }> } }).cause;
  req?.log.error(
    {
      // The frames only: the first line of a stack repeats the message.
      // PostgreSQL quotes the offending input at the end of some messages (invalid input syntax for type uuid: "…").
      err: {
        message: (err instanceof Error ? err.message : String(err)).replace(/: ".*"$/s, ': "…"'),
        code: e.code,
        frames: err instanceof Error ? err.stack?.split('\n').slice(1, 8).join('\n') : undefined,
      },
      route: req.routeOptions?.url ?? 'unmatched',
      ...(cause?.issues ? { responseIssues: cause.issues.map((i) => ({ path: i.path?.join('.'), code: i.code })) } : {}),
    },
    'unhandled error',
  );
  return GENERIC_SERVER_ERROR;
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(err, req);
  // A body that could not be parsed may leave unread bytes on the connection: do not reuse it.
  if (problem.status === 413 || problem.status === 400) {
    const code = (err as { code?: string } | null)?.code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') reply.header('connection', 'close');
  }
  return sendProblem(reply, problem);
}

/** Errors Fastify raises before routing (invalid URL encoding, a path segment too long): same problem+json. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, toProblem(err, req));
}

/** Node could not parse the HTTP request at all (malformed headers, bad Content-Length, …): answer on the socket. */
export function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const p = frameworkProblem(err.code, 400)!;
  const body = JSON.stringify(problemBody(p));
  this.log.debug({ code: err.code }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Options for the Fastify constructor: errors that happen before a route (and its error handler) is found. */
export const errorServerOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> = {
  frameworkErrors,
  clientErrorHandler,
};

// Text PostgreSQL cannot store: the character U+0000 (in text and in jsonb), and a lone UTF-16 surrogate (not
// Unicode at all; JSON.stringify keeps it as an escape that jsonb refuses).
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_REASON = 'Deze tekst bevat een teken dat niet kan worden opgeslagen (NUL of een ongeldig Unicode-teken).';

/**
 * A query, path or body with text PostgreSQL cannot store is refused as invalid input (400 naming the fields)
 * before any service reads it, instead of failing deep inside a query as a 500.
 */
export function unstorableTextProblem(parts: { query?: unknown; params?: unknown; body?: unknown }): ProblemError | null {
  const found: InvalidParam[] = [];
  const scan = (v: unknown, name: string, depth: number) => {
    if (found.length >= 20 || depth > 64) return;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) found.push({ name, code: 'invalid_character', reason: UNSTORABLE_REASON });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => scan(item, `${name}.${i}`, depth + 1));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const child = depth === 0 ? k : `${name}.${k}`;
        if (UNSTORABLE.test(k)) found.push({ name: child.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd'), code: 'invalid_character', reason: 'Deze veldnaam bevat een teken dat niet kan worden opgeslagen.' });
        else scan(item, child, depth + 1);
      }
    }
  };
  const roots: Array<[unknown, string, string]> = [
    [parts.params, 'path', 'het adres'],
    [parts.query, 'query', 'de zoekparameters'],
    [parts.body, 'body', 'de invoer'],
  ];
  let where: string | null = null;
  for (const [value, root, label] of roots) {
    const before = found.length;
    if (typeof value === 'string' || Array.isArray(value)) scan(value, root, 1);
    else scan(value, root, 0);
    if (found.length > before) where ??= label;
  }
  return found.length ? new ProblemError(400, 'Ongeldig verzoek', `Controleer ${where}: er staat een teken in dat niet kan worden opgeslagen.`, found) : null;
}

/**
 * Installs the error handler and the not-found handler (problem+json for the API; the single-page app's shell for
 * other unknown paths when the web app is built), and the input guards that belong to no single route: the API reads
 * JSON only (no text/plain body parser), no text PostgreSQL cannot store, no Expect other than 100-continue.
 */
export function installErrorHandling(app: FastifyInstance, options: { webDistDir: string }) {
  app.removeContentTypeParser('text/plain');
  // An Expect header other than 100-continue: Node would answer an empty 417 by itself.
  app.server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.stringify(problemBody(new ProblemError(417, 'Verwachting niet mogelijk', 'Laat de Expect-header weg; alleen "100-continue" wordt ondersteund.')));
    res.writeHead(417, { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', connection: 'close' });
    res.end(body);
  });
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', async (req) => {
    const problem = unstorableTextProblem({ query: req.query, params: req.params, body: req.body });
    if (problem) throw problem;
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(path.join(options.webDistDir, 'index.html'))) {
      return sendProblem(reply, notFoundProblem());
    }
    // Single-page app: unknown non-API paths get the app shell.
    return reply.type('text/html').sendFile('index.html');
  });
}
