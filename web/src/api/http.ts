import type { InvalidParam, Problem } from './types.ts';

export const API_BASE = '/api/v1';

/** An error answer of the API (application/problem+json), or status 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.title}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get invalidParams(): InvalidParam[] {
    return this.problem.invalidParams ?? [];
  }
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

let csrfToken: string | null = null;

/** Set from the session; sent as X-CSRF-Token on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Skip the CSRF header (only the demo login needs this). */
  noCsrf?: boolean;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
}

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Partial<Problem>;
    return {
      ...body,
      status: typeof body.status === 'number' ? body.status : res.status,
      title: typeof body.title === 'string' ? body.title : res.statusText,
    };
  } catch {
    return { status: res.status, title: res.statusText || 'Fout' };
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  if (unsafe && !options.noCsrf && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  const data = res.status === 204 ? (undefined as T) : ((await res.json()) as T);
  return { data, status: res.status, etag: res.headers.get('ETag') };
}

export const api = {
  get: async <T>(path: string, options?: RequestOptions) => (await request<T>('GET', path, options)).data,
  post: async <T>(path: string, body?: unknown, options?: RequestOptions) =>
    (await request<T>('POST', path, { ...options, body })).data,
  put: async <T>(path: string, body?: unknown, options?: RequestOptions) =>
    (await request<T>('PUT', path, { ...options, body })).data,
  delete: async (path: string, options?: RequestOptions) => {
    await request<void>('DELETE', path, options);
  },
};

/** The API does not offer this to the current viewer (not allowed, or absent in the shared view). */
export function isUnavailable(e: unknown): boolean {
  return isApiError(e, 403) || isApiError(e, 404);
}
