import fc from 'fast-check';
import { loginAs } from '../client.ts';
import type { TestServer } from '../server.ts';
import { checkResponse, diffCounts, rowCounter, type RowCounts, type Violation } from './checks.ts';
import { OTHER_MUNICIPALITY, PERSONAS, callersByTag, usesThrowawaySessions, type Callers, type Operation, type Persona } from './operations.ts';
import { IdPools, kindOf, pathParamKind } from './pools.ts';
import { sendRaw, type RawRequest, type RawResponse } from './raw-http.ts';
import { fuzzCaseArb, pathOf, type FuzzCase, type PathPart, type Stranger } from './requests.ts';
import { validish, type IdSource } from './values.ts';

// Runs the fuzz cases of one operation against a real server: the request as a caller that may make it and the
// same request as a stranger, every response checked, and around every write that failed the row counts of every
// table compared.

export const API = '/api/v1';
const SESSION_COOKIE = 'samenplan_session';

interface Session {
  token: string;
  csrf: string;
}

export interface Finding {
  operation: string;
  caller: string;
  rule: string;
  detail: string;
  request: string;
}

interface Identity {
  label: string;
  persona: Persona | null;
  session: Session | null;
  stranger: Stranger | null;
}

export class ApiFuzzer {
  readonly sessions = new Map<Persona, Session>();
  readonly pools = new Map<Persona, IdPools>();
  readonly findings: Finding[] = [];
  requests = 0;
  serverErrors = 0;
  writeChecks = 0;
  /** Statuses per operation of the requests by callers that may make them: how deep the fuzzer got. */
  readonly statuses = new Map<string, Map<number, number>>();
  /** Why the callers' requests were refused with 400 (invalidParams name:code). */
  readonly reasons = new Map<string, Map<string, number>>();
  private counts: RowCounts | null = null;
  private readonly etags = new Map<string, string>();
  private readonly callersCache = new Map<string, Callers>();
  private getTemplates = new Set<string>();

  private constructor(
    readonly server: TestServer,
    readonly ops: Operation[],
    private readonly countRows: () => Promise<RowCounts>,
  ) {
    this.getTemplates = new Set(ops.filter((o) => o.method === 'GET').map((o) => o.path));
  }

  static async create(server: TestServer, ops: Operation[]): Promise<ApiFuzzer> {
    const f = new ApiFuzzer(server, ops, await rowCounter(server.ownerDb));
    for (const p of PERSONAS) {
      f.sessions.set(p, await f.login(p));
      f.pools.set(p, new IdPools());
    }
    return f;
  }

  async login(persona: Persona): Promise<Session> {
    const c = await loginAs(this.server.baseUrl, persona);
    this.counts = null;
    return { token: c.sessionToken()!, csrf: c.csrfToken! };
  }

  idSource(persona: Persona): IdSource {
    const own = this.pools.get(persona)!;
    const foreign = this.pools.get(OTHER_MUNICIPALITY)!;
    const mainOwn = persona === OTHER_MUNICIPALITY ? this.pools.get('werkmatcher.overvecht')! : own;
    return {
      own: (kind) => own.get(kind).slice(0, 40),
      foreign: (kind) => (persona === OTHER_MUNICIPALITY ? mainOwn : foreign).get(kind).slice(0, 10),
      anyOwn: () => own.all().slice(0, 60),
      parents: (id) => own.parents.get(id) ?? {},
      escoCodes: () => [...new Set([...own.get('escoCode'), ...this.allPools('escoCode')])].slice(0, 30),
      usernames: () => this.allPools('username').slice(0, 30),
    };
  }

  private allPools(kind: string): string[] {
    return [...new Set([...this.pools.values()].flatMap((p) => p.get(kind)))];
  }

  /** Who may call the operation: from its tag, or found by trying every persona. */
  async callers(op: Operation): Promise<Callers> {
    const known = this.callersCache.get(op.id) ?? callersByTag(op);
    if (known) return known;
    const ok: Persona[] = [];
    for (const p of PERSONAS) {
      if (p === OTHER_MUNICIPALITY) continue;
      const res = await this.plainRequest(op, p);
      if (res && ![401, 403, 404].includes(res.status)) ok.push(p);
    }
    const anon = await this.plainRequest(op, null);
    // Open to every signed-in caller only when every persona of the municipality got through. The stranger without the
    // permission: the researcher (he holds only the studies' aggregates and export, issue 14), else the first persona
    // that did not get through.
    const everyone = PERSONAS.filter((p) => p !== OTHER_MUNICIPALITY).every((p) => ok.includes(p));
    const lacking = PERSONAS.filter((p) => p !== OTHER_MUNICIPALITY && !ok.includes(p));
    const found: Callers = {
      authorized: ok.length ? (ok.filter((p) => p !== 'onderzoeker').length ? ok.filter((p) => p !== 'onderzoeker') : ok).slice(0, 2) : ['werkmatcher.overvecht'],
      noPermission: lacking.includes('onderzoeker') || lacking.length === 0 ? 'onderzoeker' : lacking[0]!,
      openToAll: anon && anon.status < 400 ? 'public' : everyone ? 'authenticated' : false,
    };
    this.callersCache.set(op.id, found);
    return found;
  }

  /** A GET (or a body-less request) with the first ids of the persona's pools: for crawling and probing. */
  private async plainRequest(op: Operation, persona: Persona | null, combo = 0, values: Record<string, string> = {}): Promise<RawResponse | null> {
    const pools = this.pools.get(persona ?? 'werkmatcher.overvecht')!;
    let path = op.path;
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const kind = p.name === 'code' ? 'escoCode' : pathParamKind(op.path, p.name);
      const choices = Array.isArray(p.schema.enum) ? p.schema.enum.map(String) : kind === 'escoCode' ? this.allPools('escoCode') : pools.get(kind);
      if (!choices.length) return null;
      const value = choices[Math.floor((combo * choices.length) / 4) % choices.length]!;
      values[p.name] = value;
      path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    }
    const query: string[] = [];
    for (const p of op.params.filter((x) => x.in === 'query')) {
      if (p.name === 'limit' && typeof p.schema.maximum === 'number') query.push(`limit=${p.schema.maximum}`);
      else if (p.required) {
        const [v] = fc.sample(validish(p.schema, p.name, this.idSource(persona ?? 'werkmatcher.overvecht')), { numRuns: 1, seed: 1 });
        query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(String(v))}`);
      }
    }
    const session = persona ? this.sessions.get(persona)! : null;
    const headers: Array<[string, string]> = [['accept', 'application/json']];
    if (session) headers.push(['cookie', `${SESSION_COOKIE}=${session.token}`]);
    try {
      const res = await sendRaw(this.server.baseUrl, { method: 'GET', target: `${API}${path}${query.length ? `?${query.join('&')}` : ''}`, headers });
      this.counts = null;
      return res;
    } catch {
      return null;
    }
  }

  /** Fills the id pools: every GET operation as each persona that may call it (and as the other municipality). */
  async crawl(): Promise<void> {
    const gets = this.ops.filter((o) => o.method === 'GET' && !/\.ics$|\/pdf$/.test(o.path));
    for (let pass = 0; pass < 2; pass += 1) {
      for (const op of gets) {
        const callers = await this.callers(op);
        const who = new Set<Persona>([...callers.authorized, ...(callers.authorized.includes('werkmatcher.overvecht') || callers.authorized.includes('werkgeversadviseur') ? [OTHER_MUNICIPALITY] : [])]);
        const combos = op.params.some((p) => p.in === 'path') ? 4 : 1;
        for (const persona of who) {
          for (let combo = 0; combo < combos; combo += 1) {
            const values: Record<string, string> = {};
            const res = await this.plainRequest(op, persona, combo, values);
            if (!res || res.status !== 200 || !(res.headers['content-type'] ?? '').includes('json')) continue;
            try {
              this.pools.get(persona)!.harvest(op.path, JSON.parse(res.body), values);
            } catch {
              // not JSON after all
            }
          }
        }
      }
    }
  }

  private async snapshot(): Promise<RowCounts> {
    this.counts ??= await this.countRows();
    return this.counts;
  }

  private describe(req: RawRequest): string {
    // Long runs of one character (padding, "x" × 5000) as x{5000}.
    const squeeze = (t: string) => t.replace(/(.)\1{19,}/gs, (run, ch: string) => `${ch}{${run.length}}`);
    const text = req.body === undefined ? '' : Buffer.isBuffer(req.body) ? req.body.toString('utf8') : req.body;
    const body = req.body === undefined ? '' : ` body(${req.body.length}): ${squeeze(text).slice(0, 600)}`;
    const headers = req.headers.filter(([k]) => k !== 'host').map(([k, v]) => squeeze(`${k}: ${k === 'cookie' ? v.replace(/=[\w-]{20,}/g, '=<token>') : v}`).slice(0, 160));
    return squeeze(`${req.method} ${squeeze(req.target).slice(0, 400)} [${headers.map(squeeze).join(' | ')}]${squeeze(body)}`);
  }

  /** The current ETag of the record a write with If-Match is about: from its GET, or from a list with versions. */
  private async currentEtag(op: Operation, parts: PathPart[], session: Session | null): Promise<string | null> {
    const segs = op.path.split('/');
    for (let n = segs.length; n > 1; n -= 1) {
      const template = segs.slice(0, n).join('/');
      if (!this.getTemplates.has(template)) continue;
      let path = template;
      for (const part of parts) path = path.replace(`{${part.name}}`, part.raw);
      const cached = this.etags.get(path);
      if (cached) return cached;
      const headers: Array<[string, string]> = [['accept', 'application/json']];
      if (session) headers.push(['cookie', `${SESSION_COOKIE}=${session.token}`]);
      let res: RawResponse;
      try {
        res = await sendRaw(this.server.baseUrl, { method: 'GET', target: `${API}${path}`, headers });
      } catch {
        return null;
      }
      this.counts = null;
      if (res.status !== 200) return null;
      let etag = res.headers.etag ?? null;
      const last = parts[parts.length - 1];
      if (!etag && last && template !== op.path) {
        // A record listed under its parent (barriers of a resident): "<kind>-<id>-v<version>".
        const pools = [...this.pools.values()];
        let id = last.raw;
        try {
          id = decodeURIComponent(last.raw);
        } catch {
          // a malformed id stays as it is
        }
        const version = pools.map((p) => p.versions.get(id)).find((v) => v !== undefined);
        if (version !== undefined) etag = `"${kindOf(segs[segs.indexOf(`{${last.name}}`) - 1] ?? '')}-${id}-v${version}"`;
      }
      if (etag) this.etags.set(path, etag);
      return etag;
    }
    return null;
  }

  private async buildRequest(op: Operation, c: FuzzCase, who: Identity): Promise<RawRequest> {
    const target = `${API}${pathOf(op, c.path)}${c.query}`;
    const headers: Array<[string, string]> = [];
    if (!c.extraHeaders.some(([k]) => k === 'accept')) headers.push(['accept', 'application/json']);
    const s = who.session;
    const cookie =
      c.cookie === 'none'
        ? null
        : c.cookie === 'garbage'
          ? `${SESSION_COOKIE}=%%%; ;;=; =x; ${SESSION_COOKIE}`
          : c.cookie === 'unsigned-junk'
            ? `${SESSION_COOKIE}=${'A'.repeat(43)}`
            : s
              ? c.cookie === 'duplicate'
                ? `${SESSION_COOKIE}=junk; ${SESSION_COOKIE}=${s.token}`
                : c.cookie === 'valid+junk'
                  ? `a=b; ${SESSION_COOKIE}=${s.token}; =; x; c="unterminated`
                  : c.cookie === 'huge'
                    ? `${SESSION_COOKIE}=${s.token}; pad=${'x'.repeat(20_000)}`
                    : `${SESSION_COOKIE}=${s.token}`
              : null;
    if (cookie) headers.push(['cookie', cookie]);
    if (op.method !== 'GET' && s) {
      if (c.csrf === 'valid') headers.push(['x-csrf-token', s.csrf]);
      else if (c.csrf === 'wrong') headers.push(['x-csrf-token', `${s.csrf.slice(1)}x`]);
    }
    if (c.ifMatch.kind === 'value') headers.push(['if-match', c.ifMatch.value]);
    else if (c.ifMatch.kind === 'current') {
      const etag = await this.currentEtag(op, c.path, s);
      if (etag) headers.push(['if-match', etag]);
    }
    const req: RawRequest = { method: op.method, target, headers };
    if (c.body) {
      if (c.body.contentType) headers.push(['content-type', c.body.contentType]);
      req.body = c.body.raw;
      if (c.body.lyingLength !== undefined) {
        headers.push(['content-length', String(c.body.lyingLength)]);
        req.noContentLength = true;
      }
    }
    headers.push(...c.extraHeaders);
    return req;
  }

  private record(op: Operation, who: Identity, req: RawRequest, v: Violation) {
    if (v.rule === 'server error') this.serverErrors += 1;
    this.findings.push({ operation: op.id, caller: who.label, rule: v.rule, detail: v.detail, request: this.describe(req) });
  }

  /** One request of a case: send, check the response, and for a failed write compare the row counts. */
  private async exchange(op: Operation, c: FuzzCase, who: Identity, callers: Callers): Promise<RawResponse | null> {
    const req = await this.buildRequest(op, c, who);
    // Every failed request is checked, reads too: a read that fails may log only its failure (status error).
    const before = await this.snapshot();
    let res: RawResponse;
    try {
      res = await sendRaw(this.server.baseUrl, req);
    } catch (err) {
      this.requests += 1;
      this.record(op, who, req, { rule: 'no response', detail: (err as Error).message });
      this.counts = null;
      return null;
    }
    this.requests += 1;
    if (!who.stranger) {
      const m = this.statuses.get(op.id) ?? new Map<number, number>();
      m.set(res.status, (m.get(res.status) ?? 0) + 1);
      this.statuses.set(op.id, m);
      if (res.status === 400) {
        try {
          const reasons = this.reasons.get(op.id) ?? new Map<string, number>();
          for (const p of (JSON.parse(res.body).invalidParams ?? []) as Array<{ name: string; code?: string }>) {
            const key = `${p.name.replace(/\.\d+/g, '.N')}:${p.code ?? ''}`;
            reasons.set(key, (reasons.get(key) ?? 0) + 1);
          }
          this.reasons.set(op.id, reasons);
        } catch {
          // not JSON
        }
      }
    }
    for (const v of checkResponse(res, op.errorMembers[String(res.status)])) this.record(op, who, req, v);
    if (res.status < 400 || pipelinesLeftover(req, c)) {
      // A Content-Length shorter than the body sends two requests: the server answers the leftover bytes with a 400
      // and closes, while the first (valid) request may still be running and writing. Counts are unknown then.
      this.counts = null;
      if (op.isWrite) this.etags.clear();
    } else if (before) {
      const after = await this.countRows();
      this.writeChecks += 1;
      const diff = diffCounts(before, after).filter((d) => !disclosureLogged(res, d));
      if (diff.length) this.record(op, who, req, { rule: 'failed write wrote rows', detail: `${res.status}: ${diff.join(', ')}` });
      this.counts = after;
    }
    if (res.status < 400) {
      const uuidParts = c.path.filter((p) => op.params.find((x) => x.name === p.name)?.schema.format === 'uuid');
      if (who.stranger === 'anonymous' && callers.openToAll !== 'public' && c.cookie !== 'huge') {
        this.record(op, who, req, { rule: 'anonymous caller succeeded', detail: `${res.status}` });
      } else if (who.stranger === 'noPermission' && !callers.openToAll) {
        this.record(op, who, req, { rule: 'caller without the permission succeeded', detail: `${res.status}` });
      } else if (who.stranger === 'otherMunicipality' && uuidParts.length && uuidParts.every((p) => p.quality === 'good')) {
        this.record(op, who, req, { rule: 'other municipality reached a record', detail: `${res.status}` });
      } else if (!who.stranger && uuidParts.some((p) => p.quality === 'foreign')) {
        this.record(op, who, req, { rule: 'record of another municipality reached', detail: `${res.status}` });
      }
    }
    return res;
  }

  private async identity(op: Operation, persona: Persona | null, stranger: Stranger | null): Promise<Identity> {
    const session = persona === null ? null : usesThrowawaySessions(op) ? await this.login(persona) : this.sessions.get(persona)!;
    return { label: stranger ? `${stranger}${persona ? ` (${persona})` : ''}` : persona!, persona, session, stranger };
  }

  async runCase(op: Operation, callers: Callers, persona: Persona, c: FuzzCase): Promise<void> {
    const res = await this.exchange(op, c, await this.identity(op, persona, null), callers);
    // The caller's own session may have ended (a fuzzed logout): log in again for the next case.
    if (res?.status === 401 && c.cookie === 'valid' && !usesThrowawaySessions(op)) this.sessions.set(persona, await this.login(persona));
    const strangerPersona = c.stranger === 'anonymous' ? null : c.stranger === 'otherMunicipality' ? OTHER_MUNICIPALITY : callers.noPermission;
    await this.exchange(op, c, await this.identity(op, strangerPersona, c.stranger), callers);
  }

  /** numRuns cases per persona that may call the operation (fewer for the second and later ones). */
  async runOperation(op: Operation, options: { numRuns: number; seed: number }): Promise<Finding[]> {
    const start = this.findings.length;
    const callers = await this.callers(op);
    const strangers: Stranger[] = ['otherMunicipality', 'noPermission', 'anonymous'];
    for (const [i, persona] of callers.authorized.entries()) {
      const numRuns = i === 0 ? options.numRuns : Math.max(1, Math.ceil(options.numRuns / 3));
      const arb = fuzzCaseArb(op, this.idSource(persona), strangers);
      await fc.assert(
        fc.asyncProperty(arb, async (c) => {
          await this.runCase(op, callers, persona, c);
          return true;
        }),
        { numRuns, seed: (options.seed + i * 7919) | 0, endOnFailure: true },
      );
    }
    return this.findings.slice(start);
  }
}

function pipelinesLeftover(req: RawRequest, c: FuzzCase): boolean {
  const length = c.body?.lyingLength;
  if (length === undefined || req.body === undefined) return false;
  return length < Buffer.byteLength(req.body);
}

/**
 * The one write a failed request may make: a 412 that hands over the current version of the record (`current`)
 * discloses it, and that read is logged in the processing log like any other read.
 */
function disclosureLogged(res: RawResponse, diff: string): boolean {
  if (res.status !== 412 || !/^processing_log (\d+) → (\d+)$/.test(diff)) return false;
  const [, b, a] = /^processing_log (\d+) → (\d+)$/.exec(diff)!;
  try {
    return Number(a) === Number(b) + 1 && 'current' in JSON.parse(res.body);
  } catch {
    return false;
  }
}

/** A stable 32-bit seed per operation from the run's seed, so one operation can be replayed on its own. */
export function seedFor(base: number, opId: string): number {
  let h = base | 0;
  for (const ch of opId) h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) + 0x9e3779b9) | 0;
  return h;
}
