import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the candidates work.
export const registerCandidateRoutes: RouteRegistrar = () => undefined;
