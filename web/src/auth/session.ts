import { createContext, useContext } from 'react';
import type { Permission, Session } from '../api/models.ts';

export const SESSION_QUERY_KEY = ['session'] as const;

export const SessionContext = createContext<Session | null>(null);

/** The logged-in session. Only for components below RequireAuth. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireAuth');
  return session;
}

export function hasPermission(session: Session, permission: Permission): boolean {
  return session.permissions.includes(permission);
}

/**
 * Where a user starts: their work (a teamleider: his team; a werkmatcher: her worklist; a werkgeversadviseur: the
 * candidates waiting for him; beleid: the fairness monitor;
 * the buurtteam: his werklijst; the privacy officer: who processed a resident's data). Roles without such work get the welcome page.
 */
export function landingPath(session: Session): string {
  if (hasPermission(session, 'team:manage')) return '/team';
  if (hasPermission(session, 'worklist:read')) return '/werklijst';
  // The buurtteam professional: his own werklijst (actions, 3-gesprekken, consents ending), not the whole list.
  if (hasPermission(session, 'partnerWorklist:read')) return '/buurtteam';
  if (hasPermission(session, 'residents:list')) return '/caseload';
  if (hasPermission(session, 'candidates:present')) return '/kandidaten';
  if (hasPermission(session, 'fairness:read')) return '/eerlijke-matching';
  if (hasPermission(session, 'privacy:inspect')) return '/privacy';
  if (hasPermission(session, 'imports:run')) return '/import';
  // The researcher (issue 14): the studies, nothing else.
  if (hasPermission(session, 'studies:export')) return '/studies';
  return '/welkom';
}

/** The role shown next to the user's name: the first role, which decides the landing page. */
export function primaryRole(session: Session): string | undefined {
  return session.user.roles[0];
}
