import { ApiError } from '../api/client.ts';

/**
 * Field errors from a problem: invalidParams[].name → reason (the first reason per field). Validation errors are
 * 400 (one validation status in the API); a 409 can name the field that conflicts.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 409)) return errors;
  for (const p of error.invalidParams) {
    const name = p.name.replace(/^body\./, '');
    if (!(name in errors)) errors[name] = p.reason;
  }
  return errors;
}
