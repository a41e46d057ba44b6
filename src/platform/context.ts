import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from './access/principal.ts';
import { can, permissionsOf, roleFor, type Permission } from './access/permissions.ts';
import { dbScopeOf } from './access/scope.ts';
import type { Db } from './db/database.ts';
import { noResidents, tenantTransaction, type TransactionOptions, type Tx } from './db/transaction.ts';
import { ProcessingLogger, declared, type ProcessingLogRow, type RouteProcessing } from './processing-log/processing-log.ts';
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
   * Runs fn in one transaction scoped to the principal's municipality and need-to-know. Processing-log records made
   * through `log` are inserted (one statement) just before commit: the log and the processing commit together.
   * Called again while a transaction of the same context is running (a use case that calls another module's
   * service), it joins that transaction: the whole request commits or rolls back as one.
   */
  transaction<T>(fn: (tx: Tx, log: ProcessingLogger) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * After a failed request: writes what it had recorded, and an entry for the resident named in the path, with
   * status error, in a transaction of its own (the request's own rolled back). Returns how many entries.
   */
  logFailure(pathSubject: string | undefined): Promise<number>;
}

/** The route a context serves: its declared processing and the permission it requires. */
export interface RouteContext {
  processing?: RouteProcessing;
  permission?: Permission;
}

interface ActiveTransaction {
  ctx: RequestContext;
  tx: Tx;
  log: ProcessingLogger;
}

const active = new AsyncLocalStorage<ActiveTransaction>();

export function createRequestContext(
  db: Db,
  principal: Principal,
  trace: TraceContext,
  pseudonymKey: string,
  route?: RouteContext,
): RequestContext {
  const permissions = permissionsOf(principal);
  const declaration = route?.processing ? declared(route.processing, route.permission) : null;
  const newLogger = () => new ProcessingLogger(principal, trace, pseudonymKey, declaration);
  const failed: ProcessingLogRow[] = [];
  const ctx: RequestContext = {
    principal,
    trace,
    pseudonymKey,
    permissions,
    can: (p) => can(principal, p),
    roleFor: (p) => roleFor(principal, p),
    transaction: (fn, options) => {
      const current = active.getStore();
      if (current && current.ctx === ctx) return fn(current.tx, current.log);
      const log = newLogger();
      return tenantTransaction(
        db,
        dbScopeOf(principal),
        async (tx) => {
          const result = await active.run({ ctx, tx, log }, () => fn(tx, log));
          await insertProcessingLogRows(tx, log.take());
          return result;
        },
        options,
      ).catch((err: unknown) => {
        failed.push(...log.take('error'));
        throw err;
      });
    },
    logFailure: async (pathSubject) => {
      const carried = failed.splice(0);
      const rows = [...carried, ...newLogger().pathFailure(pathSubject, carried)];
      if (rows.length === 0) return 0;
      await tenantTransaction(db, noResidents(principal.municipalityId), (tx) => insertProcessingLogRows(tx, rows));
      return rows.length;
    },
  };
  return ctx;
}
