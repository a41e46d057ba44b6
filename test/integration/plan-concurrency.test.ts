import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// 50 parallel editors on one plan (issue 16). In every round all editors write at once, each with the ETag it last
// saw; a write is applied (200) or refused as stale (412, with the current ETag), never anything else. Each write is
// a read-modify-write: the goal's description is a counter the editor read plus one, and the title names the write.
// No lost update means: the applied writes have consecutive versions (each based on the one before), the counter
// equals the number of applied writes, replaying the applied writes in version order gives the final plan, and the
// history has one entry per applied write. CI runs PLAN_EDITORS_ROUNDS (default 10) rounds; the full run is
// `PLAN_EDITORS_ROUNDS=1000 npx vitest run test/integration/plan-concurrency.test.ts` (docs/reliability.md).

const EDITORS = Number(process.env.PLAN_EDITORS ?? 50);
const ROUNDS = Number(process.env.PLAN_EDITORS_ROUNDS ?? 10);

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
});

afterAll(async () => {
  await server?.close();
});

describe(`${EDITORS} editors on one plan`, () => {
  it(`${ROUNDS} rounds: every write applied or 412, zero lost updates`, { timeout: 120_000 + ROUNDS * 6_000 }, async () => {
    const clients: ApiClient[] = [];
    for (let i = 0; i < 10; i += 1) clients.push(await loginAs(server.baseUrl, i % 2 ? ROLE_USERS.teamLead : ROLE_USERS.jobCoach));
    const P = `/api/v1/residents/${world.residents.ov1}/plan`;
    const created = await clients[0]!.post(P, {});
    expect(created.status).toBe(201);
    let tag = created.headers.get('etag')!;
    const goal = await clients[0]!.post(`${P}/goals`, { title: 'start', description: 'n=0' }, { 'if-match': tag });
    expect(goal.status).toBe(201);
    const goalId: string = goal.body.goals[0].id;
    const startVersion: number = goal.body.version;
    tag = goal.headers.get('etag')!;

    interface Editor { tag: string; counter: number }
    const editors: Editor[] = Array.from({ length: EDITORS }, () => ({ tag, counter: 0 }));
    const applied: Array<{ version: number; title: string; counter: number; basedOn: number }> = [];
    const statuses = new Map<number, number>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = await Promise.all(
        editors.map(async (e, i) => {
          const title = `e${i}-r${round}`;
          const basedOn = Number(/-v(\d+)"$/.exec(e.tag)![1]);
          const res = await clients[i % clients.length]!.patch(`${P}/goals/${goalId}`, { title, description: `n=${e.counter + 1}` }, { 'if-match': e.tag });
          return { e, title, basedOn, res };
        }),
      );
      let wins = 0;
      for (const { e, title, basedOn, res } of results) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const plan = res.status === 200 ? res.body : res.body?.current;
        if (res.status === 200) {
          wins += 1;
          applied.push({ version: plan.version, title, counter: e.counter + 1, basedOn });
        }
        e.tag = res.headers.get('etag')!;
        e.counter = Number(/^n=(\d+)$/.exec(plan.goals[0].description)![1]);
      }
      expect(wins).toBeGreaterThanOrEqual(1);
    }
    expect([...statuses.keys()].sort()).toEqual(applied.length === EDITORS * ROUNDS ? [200] : [200, 412]);

    // Replay: applied writes in version order, each based on the version just before it, the counter counting up.
    applied.sort((a, b) => a.version - b.version);
    applied.forEach((w, k) => {
      expect(w.version).toBe(startVersion + k + 1);
      expect(w.basedOn).toBe(startVersion + k);
      expect(w.counter).toBe(k + 1);
    });
    const final = await clients[0]!.get(P);
    expect(final.body.version).toBe(startVersion + applied.length);
    expect(final.body.goals[0].title).toBe(applied.at(-1)!.title);
    expect(final.body.goals[0].description).toBe(`n=${applied.length}`);
    // The history: one version row per applied write, nothing else.
    const versions = await sql<{ version: number }>`SELECT version FROM plan_versions WHERE plan_id = ${final.body.id} ORDER BY version`.execute(server.ownerDb);
    expect(versions.rows.map((v) => v.version)).toEqual(Array.from({ length: startVersion + applied.length }, (_, k) => k + 1));
    console.log(`plan-concurrency: ${EDITORS} editors × ${ROUNDS} rounds = ${EDITORS * ROUNDS} writes: ${statuses.get(200) ?? 0} applied, ${statuses.get(412) ?? 0} × 412, 0 lost`);
  });
});
