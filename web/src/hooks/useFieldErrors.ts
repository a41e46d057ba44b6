import { ApiError } from '../api/http.ts';

/** Field errors from a 400/422 problem: invalidParams[].name → reason (the first reason per field). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422 && error.status !== 409)) return errors;
  for (const p of error.invalidParams) {
    const name = p.name.replace(/^body\./, '');
    if (!(name in errors)) errors[name] = p.reason;
  }
  return errors;
}
