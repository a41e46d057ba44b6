import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from './access/principal.ts';
import { can, permissionsOf, roleFor, type Permission } from './access/permissions.ts';
import type { Db } from './db/database.ts';
import { tenantTransaction, type Tx } from './db/transaction.ts';
import { ProcessingLogger } from './processing-log/processing-log.ts';
import { insertProcessingLogRows } from './processing-log/processing-log.store.ts';
import type { TraceContext } from './processing-log/trace.ts';

/** Everything a service needs about the current request. Created per request by the HTTP layer (or a CLI/test). */
export interface RequestContext {
  principal: Principal;
  trace: TraceContext;
  pseudonymKey: string;
  permissions: ReadonlySet<Permission>;
  can(permission: Permission): boolean;
  roleFor(permission: Permission): string;
  /**
   * Runs fn in one transaction scoped to the principal's municipality. Processing-log records made through
   * `log` are inserted (one statement) just before commit: the log and the processing commit together.
   * Called again while a transaction of the same context is running (a use case that calls another module's
   * service), it joins that transaction: the whole request commits or rolls back as one.
   */
  transaction<T>(fn: (tx: Tx, log: ProcessingLogger) => Promise<T>): Promise<T>;
}

interface ActiveTransaction {
  ctx: RequestContext;
  tx: Tx;
  log: ProcessingLogger;
}

const active = new AsyncLocalStorage<ActiveTransaction>();

export function createRequestContext(db: Db, principal: Principal, trace: TraceContext, pseudonymKey: string): RequestContext {
  const permissions = permissionsOf(principal);
  const ctx: RequestContext = {
    principal,
    trace,
    pseudonymKey,
    permissions,
    can: (p) => can(principal, p),
    roleFor: (p) => roleFor(principal, p),
    transaction: (fn) => {
      const current = active.getStore();
      if (current && current.ctx === ctx) return fn(current.tx, current.log);
      return tenantTransaction(db, principal.municipalityId, async (tx) => {
        const log = new ProcessingLogger(principal, trace, pseudonymKey);
        const result = await active.run({ ctx, tx, log }, () => fn(tx, log));
        await insertProcessingLogRows(tx, log.take());
        return result;
      });
    },
  };
  return ctx;
}
