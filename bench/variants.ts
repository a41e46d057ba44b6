import { dbScopeOf } from '../src/platform/access/scope.ts';
import Fastify from 'fastify';
import { listResidents } from '../src/modules/residents/residents.service.ts';
import { residentListQuerySchema } from '../src/modules/residents/residents.schema.ts';
import type { Principal } from '../src/platform/access/principal.ts';
import { resolveSession } from '../src/platform/auth/sessions.ts';
import { createRequestContext, type RequestContext } from '../src/platform/context.ts';
import { createDb, createPool, type Db } from '../src/platform/db/database.ts';
import { tenantTransaction } from '../src/platform/db/transaction.ts';
import { ProcessingLogger, declared, type RouteProcessing } from '../src/platform/processing-log/processing-log.ts';
import { startProcessingLogSealer } from '../src/platform/processing-log/sealer.ts';
import { traceFromHeader, type TraceContext } from '../src/platform/processing-log/trace.ts';
import { PSEUDONYM_KEY, listen, type RunningServer } from './servers.ts';

// Intermediate steps between the bare baseline and the full stack, each on plain Fastify (no helmet, cookies,
// zod validation/serialisation or hooks), to see which layer costs what. Only run with --profile.

export type VariantName = 'service-nolog' | 'service' | 'service-session';

export const VARIANTS: readonly { name: VariantName; label: string }[] = [
  { name: 'service-nolog', label: 'service, no processing log' },
  { name: 'service', label: 'service + processing log' },
  { name: 'service-session', label: 'service + log + session lookup' },
];

const LIST_PROCESSING: RouteProcessing = { activity: 'PA-002', action: ['residents.list', 'residents.search'] };

function noLogContext(db: Db, principal: Principal, trace: TraceContext): RequestContext {
  return {
    ...createRequestContext(db, principal, trace, PSEUDONYM_KEY, { processing: LIST_PROCESSING, permission: 'residents:list' }),
    // The same tenant transaction, but the collected processing-log rows are dropped instead of inserted.
    transaction: (fn) =>
      tenantTransaction(db, dbScopeOf(principal), (tx) =>
        fn(tx, new ProcessingLogger(principal, trace, PSEUDONYM_KEY, declared(LIST_PROCESSING, 'residents:list'))),
      ),
  };
}

export async function startVariantServer(
  variant: VariantName,
  appUrl: string,
  poolSize: number,
  principal: Principal,
  sessionToken: string,
  idleMinutes: number,
): Promise<RunningServer> {
  const db = createDb(createPool(appUrl, { max: poolSize, applicationName: `samenplan-bench-${variant}` }));
  const query = residentListQuerySchema.parse({ contactPerson: 'me' });
  const app = Fastify({ logger: false });
  app.get('/residents', async () => {
    const trace = traceFromHeader(undefined);
    let who = principal;
    if (variant === 'service-session') {
      const resolved = await resolveSession(db, sessionToken, idleMinutes);
      if (!resolved) throw new Error('Session expired');
      who = resolved.principal;
    }
    const ctx =
      variant === 'service-nolog'
        ? noLogContext(db, who, trace)
        : createRequestContext(db, who, trace, PSEUDONYM_KEY, { processing: LIST_PROCESSING, permission: 'residents:list' });
    return listResidents(ctx, query);
  });
  const url = await listen(app);
  // Variants that write the log also seal it, as the full server does.
  const stopSealer =
    variant === 'service-nolog'
      ? async () => undefined
      : startProcessingLogSealer(db, (err) => console.error('[bench] sealer:', err));
  return {
    url: `${url}/residents`,
    close: async () => {
      await app.close();
      await stopSealer();
      await db.destroy();
    },
  };
}
