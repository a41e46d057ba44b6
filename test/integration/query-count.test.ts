import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The werkmatcher's daily requests each send a fixed number of SQL statements, whatever the size of her caseload or
// of the page: an N+1 (a query per row, per goal, per action) makes one of these numbers grow and fails here.
// BEGIN and COMMIT count; the session lookup, the scope settings and the processing-log insert count.

let server: TestServer;
let recording = false;
let statements: string[] = [];
let wm: ApiClient;

beforeAll(async () => {
  server = await startTestServer({
    template: 'demo',
    onStatement: (text) => {
      if (recording) statements.push(text);
    },
  });
  wm = await loginAs(server.baseUrl, 'werkmatcher.overvecht');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  statements = [];
  recording = true;
  try {
    const result = await fn();
    return { result, sent: statements };
  } finally {
    recording = false;
  }
}

const short = (sent: string[]) => sent.map((s) => s.replace(/\s+/g, ' ').slice(0, 90));

/** A resident of the caseload with an active plan that has an open action: the plan-action update's target. */
async function planTarget(): Promise<{ residentId: string; actionId: string }> {
  const { rows } = await sql<{ residentId: string; actionId: string }>`
    SELECT p.resident_id AS "residentId", a.id AS "actionId"
    FROM plan_actions a
    JOIN plans p ON p.municipality_id = a.municipality_id AND p.id = a.plan_id AND p.status = 'active'
    JOIN cases c ON c.municipality_id = p.municipality_id AND c.resident_id = p.resident_id AND c.status = 'active'
    JOIN staff_users s ON s.id = c.contact_person_id AND s.username = 'werkmatcher.overvecht'
    WHERE a.status IN ('open', 'inProgress')
    ORDER BY a.id LIMIT 1`.execute(server.ownerDb);
  if (!rows[0]) throw new Error('the demo has no open plan action in werkmatcher.overvecht’s caseload');
  return rows[0];
}

describe('statements per request (the werkmatcher’s daily pages)', () => {
  const reads: Array<[string, string, number]> = [
    // session, begin, scope settings, the page with its total (a window over the rows it is chosen from), the log
    // entry, commit
    ['Mijn caseload', '/api/v1/residents?contactPerson=me', 6],
    ['the team view (first page)', '/api/v1/residents', 6],
    ['a name search', '/api/v1/residents?q=jan', 6],
    // sorted by benefit start (a lateral look-up per row) the page is found over the joined list: the total is
    // asked separately, as on a later page (cursor)
    ['the team view sorted by benefit start', '/api/v1/residents?sort=benefitStart', 7],
    // session, begin, scope, five sections (actions due, handovers, meetings, contact norm, and Team Jongeren's
    // search-period countdowns, issue 13), the contact norms of study arms (through the studies service, issue 14),
    // the log entry, commit
    ['the werklijst', '/api/v1/worklist', 11],
  ];
  for (const [name, path, expected] of reads) {
    it(`${name}: ${expected} statements`, async () => {
      await wm.get(path); // warm: the first request of a connection may differ
      const { result, sent } = await counted(() => wm.get(path));
      expect(result.status).toBe(200);
      expect(sent.length, short(sent).join('\n')).toBe(expected);
    });
  }

  // session, begin, scope, the resident, the log entry, commit
  it('the resident page’s first call: 6 statements', async () => {
    const { residentId } = await planTarget();
    await wm.get(`/api/v1/residents/${residentId}`);
    const { result, sent } = await counted(() => wm.get(`/api/v1/residents/${residentId}`));
    expect(result.status).toBe(200);
    expect(sent.length, short(sent).join('\n')).toBe(6);
  });

  // session, begin, scope, the resident, the plan (locked), goals, actions, the action update, the version bump,
  // the history entry, the partners' webhook subscriptions to the change (issue 15: none in this test, so no delivery
  // is written), the log entry, commit: the plan is not read again after the change.
  it('a plan-action update with If-Match: 13 statements, and its answer is the plan as a fresh read shows it', async () => {
    const { residentId, actionId } = await planTarget();
    const plan = await wm.get(`/api/v1/residents/${residentId}/plan`);
    const { result, sent } = await counted(() =>
      wm.patch(`/api/v1/residents/${residentId}/plan/actions/${actionId}`, { status: 'inProgress', dueDate: '2031-05-01' }, { 'if-match': plan.headers.get('etag')! }),
    );
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(sent.length, short(sent).join('\n')).toBe(13);
    const fresh = await wm.get(`/api/v1/residents/${residentId}/plan`);
    expect(result.body).toEqual(fresh.body);
    expect(result.headers.get('etag')).toBe(fresh.headers.get('etag'));
    const history = await wm.get(`/api/v1/residents/${residentId}/plan/history`);
    expect(JSON.stringify(history.body)).toContain('2031-05-01');
  });
});
