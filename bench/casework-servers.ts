import Fastify from 'fastify';
import { createPool } from '../src/platform/db/database.ts';
import type { CapturedStatement } from './database.ts';
import { listen, type RunningServer } from './servers.ts';

// Bare baselines of the casework benchmark: plain Fastify with a pg.Pool of the same size, connecting as the same
// application role (row-level security on, tenant set with the same set_config), running the main SQL of the use
// case in one transaction. No session lookup, no scope or policy code, no processing log, no presenter.

/**
 * A read's bare twin: replays the statements the full stack sent for one request (captured at the pg level), in the
 * same order with the same parameters, in one transaction, and returns the rows as JSON (the worklist here, every
 * hot read in bench/hot.ts).
 */
export async function startBareReplayServer(
  appUrl: string,
  poolSize: number,
  path: string,
  statements: CapturedStatement[],
): Promise<RunningServer> {
  const pool = createPool(appUrl, { max: poolSize, applicationName: 'samenplan-bench-bare-replay' });
  const body = statements.filter((s) => !/^(begin|commit)$/i.test(s.text.trim()));
  const app = Fastify({ logger: false });
  app.get(path.split('?')[0]!, async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const out: unknown[] = [];
      for (const s of body) out.push((await client.query(s.text, s.values)).rows);
      await client.query('commit');
      return out;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
  const url = await listen(app);
  return {
    url,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

const ETAG = /^"plan-([0-9a-f-]{36})-v(\d+)"$/;

/**
 * A plan action update with If-Match, by hand: lock the resident's active plan, compare the version (412 with the
 * current ETag), read goals and actions, update the action, bump the version and append a plan_versions row with
 * the changes and the snapshot, as the plans module does.
 */
export async function startBarePlanUpdateServer(
  appUrl: string,
  poolSize: number,
  municipalityId: string,
  userId: string,
  /** The scope settings the full stack sets for this werkmatcher (captured): need-to-know applies to the twin too. */
  setConfig: CapturedStatement,
): Promise<RunningServer> {
  const pool = createPool(appUrl, { max: poolSize, applicationName: 'samenplan-bench-bare-plan' });
  const app = Fastify({ logger: false });
  app.patch<{ Params: { rid: string; aid: string }; Body: { status: string } }>(
    '/api/v1/residents/:rid/plan/actions/:aid',
    async (req, reply) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(setConfig.text, setConfig.values);
        const plan = (
          await client.query(
            `SELECT id, version, status, agreed_on, agreed_how FROM plans
             WHERE municipality_id = $1 AND resident_id = $2 AND status = 'active' FOR UPDATE`,
            [municipalityId, req.params.rid],
          )
        ).rows[0] as { id: string; version: number; status: string; agreed_on: string | null; agreed_how: string | null } | undefined;
        if (!plan) {
          await client.query('rollback');
          return reply.status(404).send({ status: 404 });
        }
        const m = ETAG.exec(String(req.headers['if-match'] ?? ''));
        if (!m || m[1] !== plan.id || Number(m[2]) !== plan.version) {
          await client.query('rollback');
          return reply.status(412).header('ETag', `"plan-${plan.id}-v${plan.version}"`).send({ status: 412 });
        }
        const goals = (
          await client.query(`SELECT * FROM plan_goals WHERE municipality_id = $1 AND plan_id = $2 ORDER BY position, id`, [municipalityId, plan.id])
        ).rows;
        const actions = (
          await client.query(`SELECT * FROM plan_actions WHERE municipality_id = $1 AND plan_id = $2 ORDER BY position, id`, [municipalityId, plan.id])
        ).rows as { id: string; status: string }[];
        const action = actions.find((a) => a.id === req.params.aid);
        if (!action) {
          await client.query('rollback');
          return reply.status(404).send({ status: 404 });
        }
        const before = action.status;
        await client.query(
          `UPDATE plan_actions SET status = $3, completed_at = NULL, updated_at = now() WHERE municipality_id = $1 AND id = $2`,
          [municipalityId, action.id, req.body.status],
        );
        const bumped = (
          await client.query(
            `UPDATE plans SET version = version + 1, updated_by = $4, updated_at = now()
             WHERE municipality_id = $1 AND id = $2 AND version = $3 RETURNING version`,
            [municipalityId, plan.id, plan.version, userId],
          )
        ).rows[0] as { version: number };
        action.status = req.body.status;
        const changes = [{ entity: 'action', id: action.id, field: 'status', kind: 'changed', before, after: req.body.status, label: 'Status gewijzigd' }];
        const snapshot = { id: plan.id, status: plan.status, agreedOn: plan.agreed_on, agreedHow: plan.agreed_how, goals, actions };
        await client.query(
          `INSERT INTO plan_versions (municipality_id, plan_id, version, changed_by, role, summary, changes, snapshot)
           VALUES ($1, $2, $3, $4, 'jobCoach', 'Status gewijzigd', $5::jsonb, $6::jsonb)`,
          [municipalityId, plan.id, bumped.version, userId, JSON.stringify(changes), JSON.stringify(snapshot)],
        );
        await client.query('commit');
        return reply.header('ETag', `"plan-${plan.id}-v${bumped.version}"`).send({ id: plan.id, version: bumped.version });
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  );
  const url = await listen(app);
  return {
    url,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
