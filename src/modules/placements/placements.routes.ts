import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the placements work.
export const registerPlacementRoutes: RouteRegistrar = () => undefined;
