import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the ESCO work.
export const registerEscoRoutes: RouteRegistrar = () => undefined;
