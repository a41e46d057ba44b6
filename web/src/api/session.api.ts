import { API_BASE, api, body, isApiError } from './client.ts';
import type { LoginOptions, Session } from './models.ts';

/**
 * The staff login with OpenID Connect: a normal link (the server redirects to the identity provider). Not in the
 * generated document: the server registers (and documents) these routes only when OIDC is configured.
 */
export const OIDC_LOGIN_URL = `${API_BASE}/session/oidc/login`;

export function getLoginOptions(): Promise<LoginOptions> {
  return body(api.GET('/session/options'));
}

/** The current session, or null when not logged in. */
export async function getSession(): Promise<Session | null> {
  try {
    return await body(api.GET('/session'));
  } catch (e) {
    if (isApiError(e, 401)) return null;
    throw e;
  }
}

/** Starts a demo session (sent without a CSRF header: there is no session yet). */
export function createDemoSession(username: string): Promise<Session> {
  return body(api.POST('/session/demo', { body: { username } }));
}

export async function deleteSession(): Promise<void> {
  try {
    await body(api.DELETE('/session'));
  } catch (e) {
    // Already logged out: fine.
    if (!isApiError(e, 401)) throw e;
  }
}
