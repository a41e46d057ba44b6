import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Statements the application sends often are prepared once per connection and then executed with a cached plan
 * (ADR 0014). Row-level security makes planning the dominant cost of a short query: every need-to-know policy
 * expands into sub-plans, so planning a 6-row SELECT took 2–7 ms against 0.4 ms to run it. A text that has been
 * sent a few times gets a stable name (a hash of the text), and node-postgres reuses the prepared statement on that
 * connection. Texts without parameters (BEGIN, COMMIT, SET) and rarely sent ones are left alone; the number of
 * named texts is capped so that generated SQL (e.g. a list of a different length) cannot fill the memory.
 */
const PREPARE_AFTER = 2;
const MAX_NAMED = 400;

const seen = new Map<string, number>();
const named = new Map<string, string>();

function nameFor(text: string): string | null {
  const known = named.get(text);
  if (known) return known;
  const n = (seen.get(text) ?? 0) + 1;
  if (n < PREPARE_AFTER || named.size >= MAX_NAMED) {
    if (seen.size < 10_000) seen.set(text, n);
    return null;
  }
  seen.delete(text);
  const name = `sp_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  named.set(text, name);
  return name;
}

type QueryFn = (...args: unknown[]) => unknown;

/** Wraps the clients of a pool so that repeated parameterised statements are sent as named (prepared) statements. */
export function preparePooledStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const target = client as unknown as { query: QueryFn };
    const original = target.query.bind(client) as QueryFn;
    target.query = (...args: unknown[]) => {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2) {
        const name = nameFor(text);
        if (name) return original({ name, text, values });
      }
      return original(...args);
    };
  });
}
