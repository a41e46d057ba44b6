import { createWriteStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiFuzzer, API, seedFor, type Finding } from '../helpers/fuzz/fuzzer.ts';
import { checkResponse } from '../helpers/fuzz/checks.ts';
import { malformedHttpRequests } from '../helpers/fuzz/malformed-http.ts';
import { operationsOf } from '../helpers/fuzz/operations.ts';
import { sendRaw } from '../helpers/fuzz/raw-http.ts';
import { startTestServer } from '../helpers/server.ts';

// Every operation of the OpenAPI document, fuzzed with fast-check from its own parameter and body schemas:
// valid-ish and hostile requests, as a caller that may make them and as a stranger (another municipality, a role
// without the permission, no session). Every response: no 5xx; errors are Dutch problem+json without internals;
// and a request that failed wrote nothing (row counts of every table, processing-log 'ok' entries included).
//
// npm test: a short run with a fixed seed. npm run fuzz: FUZZ_RUNS (default 200) cases per operation and caller with
// a random seed, printed first; replay with FUZZ_SEED=… FUZZ_RUNS=… (the same requests in the same order; with
// -t <operationId> only that operation, on a fresher database). FUZZ_LOG=file keeps the server's error log (what a
// 500 was); FUZZ_DEBUG=1 prints the harvested ids and, per operation, the statuses and why requests got a 400.
// Helpers: test/helpers/fuzz/ (values.ts generates from JSON Schema, requests.ts builds the cases, fuzzer.ts runs them).

const LONG = Boolean(process.env.FUZZ_RUNS);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : LONG ? (Math.random() * 2 ** 31) | 0 : 20_260_101;
console.log(`[api-fuzz] seed ${SEED}, ${RUNS} run(s) per operation and caller — replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx vitest run test/integration/api-fuzz.test.ts`);

// FUZZ_LOG=file: the server's error log (what a 500 was), for diagnosing a finding.
const server = await startTestServer({
  template: 'demo',
  config: { loginRateLimit: 1_000_000, ...(process.env.FUZZ_LOG ? { logLevel: 'error' as const } : {}) },
  ...(process.env.FUZZ_LOG ? { logStream: createWriteStream(process.env.FUZZ_LOG) } : {}),
});
const docResponse = await sendRaw(server.baseUrl, { method: 'GET', target: `${API}/openapi.json`, headers: [['accept', 'application/json']] });
const operations = operationsOf(JSON.parse(docResponse.body));
let fuzzer: ApiFuzzer;
const started = Date.now();

beforeAll(async () => {
  fuzzer = await ApiFuzzer.create(server, operations);
  await fuzzer.crawl();
}, 300_000);

afterAll(async () => {
  if (fuzzer) {
    if (process.env.FUZZ_DEBUG) {
      for (const [p, pools] of fuzzer.pools) console.log(`[api-fuzz] ids of ${p}: ${JSON.stringify(pools.kinds())}`);
      for (const [op, m] of fuzzer.statuses) {
        const reasons = [...(fuzzer.reasons.get(op) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([r, n]) => `${r}×${n}`);
        console.log(`[api-fuzz] ${op}: ${[...m].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}  (400: ${reasons.join(' ')})`);
      }
    }
    console.log(
      `[api-fuzz] ${operations.length} operations, ${fuzzer.requests} requests, ${fuzzer.writeChecks} failed writes checked for rows, ` +
        `${fuzzer.serverErrors} server errors, ${fuzzer.findings.length} findings, ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED})`,
    );
  }
  await server?.close();
});

function report(findings: Finding[]): string[] {
  // One line per distinct problem; the first request that showed it, to replay by hand.
  const seen = new Map<string, Finding & { times: number }>();
  for (const f of findings) {
    const key = `${f.operation} ${f.rule} ${f.detail.slice(0, 80)}`;
    const prev = seen.get(key);
    if (prev) prev.times += 1;
    else seen.set(key, { ...f, times: 1 });
  }
  return [...seen.values()].map((f) => `${f.operation} as ${f.caller}: ${f.rule} (${f.times}×) — ${f.detail}\n    ${f.request}`);
}

describe('API fuzz over the OpenAPI document', () => {
  it('reads every operation from the document', () => {
    expect(docResponse.status).toBe(200);
    expect(operations.length).toBeGreaterThan(80);
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
  });

  for (const op of operations) {
    it(`${op.id}: ${op.method} ${op.path}`, async () => {
      const findings = await fuzzer.runOperation(op, { numRuns: RUNS, seed: seedFor(SEED, op.id) });
      expect(report(findings)).toEqual([]);
    }, LONG ? 3_600_000 : 180_000);
  }

  it('requests broken below the operations (HTTP parser, router) get a problem+json too', async () => {
    const cookie = `samenplan_session=${fuzzer.sessions.get('werkmatcher.overvecht')!.token}`;
    const problems: string[] = [];
    for (const target of [`${API}/residents?limit=5`, `${API}/residents/00000000-0000-4000-8000-000000000000`, `${API}/employers`, `${API}/session/demo`]) {
      for (const { name, req } of malformedHttpRequests(target, cookie)) {
        let res;
        try {
          res = await sendRaw(server.baseUrl, req);
        } catch (err) {
          problems.push(`${name} ${req.method} ${req.target.slice(0, 80)}: no response (${(err as Error).message})`);
          continue;
        }
        fuzzer.requests += 1;
        for (const v of checkResponse(res)) problems.push(`${name} ${req.method} ${req.target.slice(0, 80)} → ${res.status}: ${v.rule} — ${v.detail}`);
        if (res.status >= 500) fuzzer.serverErrors += 1;
      }
    }
    expect(problems).toEqual([]);
  });
});
