import type { RouteRegistrar } from '../../platform/http/app.ts';

// Placeholder: filled in by the vacancies work.
export const registerVacancyRoutes: RouteRegistrar = () => undefined;
