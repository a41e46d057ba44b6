import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the matching work.
export const registerMatchingRoutes: RouteRegistrar = () => undefined;
