import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the employers work.
export const registerEmployerRoutes: RouteRegistrar = () => undefined;
