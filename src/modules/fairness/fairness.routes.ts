import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the fairness work.
export const registerFairnessRoutes: RouteRegistrar = () => undefined;
