import { ApiError, api, isApiError } from './http.ts';
import type { LoginOptions, Session } from './types.ts';

export const OIDC_LOGIN_URL = '/api/v1/session/oidc/login';

export function getLoginOptions(): Promise<LoginOptions> {
  return api.get<LoginOptions>('/session/options');
}

/** The current session, or null when not logged in. */
export async function getSession(): Promise<Session | null> {
  try {
    return await api.get<Session>('/session');
  } catch (e) {
    if (isApiError(e, 401)) return null;
    throw e;
  }
}

export function createDemoSession(username: string): Promise<Session> {
  return api.post<Session>('/session/demo', { username }, { noCsrf: true });
}

export async function deleteSession(): Promise<void> {
  try {
    await api.delete('/session');
  } catch (e) {
    // Already logged out: fine.
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  }
}
