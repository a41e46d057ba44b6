import type { Principal } from '../access/principal.ts';
import type { Permission } from '../access/permissions.ts';
import type { SessionInfo } from '../auth/sessions.ts';
import type { RequestContext } from '../context.ts';
import type { RouteProcessing } from '../processing-log/processing-log.ts';
import type { TraceContext } from '../processing-log/trace.ts';

/** How a route is protected. Every /api route must declare one (checked at startup): deny by default. */
export type RouteAccess =
  | { public: true }
  | { authenticated: true }
  | { permission: Permission }
  /**
   * Mijn Samenplan (issue 11): only a resident's own session; a staff session gets 404. A resident's session gets
   * 401 on every route that does not say this (ADR 0016).
   */
  | { resident: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * The personal data the route processes: its processing activity and action (the platform writes the log
     * entries for the subjects the service reports, status error when it fails), or `{ none: reason }`.
     * Required on every non-public API route (checked at startup).
     */
    processing?: RouteProcessing;
    /** Exempt from the CSRF check (only for login endpoints that cannot have a session yet). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    trace: TraceContext;
    principal: Principal | null;
    session: SessionInfo | null;
    /** The request context for services; throws 401 when not logged in. */
    ctx(): RequestContext;
  }
}
