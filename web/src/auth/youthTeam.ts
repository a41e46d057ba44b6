import { useQuery } from '@tanstack/react-query';
import { listTeams } from '../api/organisation.api.ts';
import type { Session } from '../api/models.ts';
import { hasPermission } from './session.ts';

/** Pure: does this user work in Team Jongeren (a member of a youth team, or a senior werkmatcher)? */
export function worksInYouthTeam(session: Session, teams: ReadonlyArray<{ id: string; kind: string }>): boolean {
  if (session.user.roles.includes('seniorJobCoach')) return true;
  const youth = new Set(teams.filter((t) => t.kind === 'youth').map((t) => t.id));
  return session.user.teamIds.some((id) => youth.has(id));
}

/** The youth menu shows only for who works in Team Jongeren; the teams list is the municipality's reference list. */
export function useYouthTeam(session: Session | null | undefined): boolean {
  const enabled = Boolean(session && (hasPermission(session, 'youth:write') || hasPermission(session, 'youth:approveProvision')) && hasPermission(session, 'organisation:read'));
  const teams = useQuery({ queryKey: ['organisation', 'teams'], queryFn: listTeams, enabled, staleTime: 10 * 60_000, retry: false });
  return Boolean(session && enabled && teams.data && worksInYouthTeam(session, teams.data));
}
