import type { RouteRegistrar } from '../http/app.ts';

// OpenID Connect login (authorization code + PKCE). Registered only when an issuer is configured.
export const registerOidcRoutes: RouteRegistrar = async (app, deps) => {
  if (!deps.config.oidc) return;
  throw new Error('OIDC login is nog niet aangesloten');
};
