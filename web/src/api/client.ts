/**
 * The one way the web app talks to the server: openapi-fetch typed by `schema.d.ts`, which is generated from the
 * server's OpenAPI document (`npm run api:types`), so a renamed field or route is a type error here.
 */
import createClient from 'openapi-fetch';
import type { paths, components } from './schema';

export type { paths, components };

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** The server's error body `{ error: { code, message, field? } }`, thrown by `unwrap`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; details?: Record<string, unknown> };
}

export function toApiError(status: number, body: unknown): ApiError {
  const e = (body as ErrorBody | undefined)?.error;
  return new ApiError(status, e?.code ?? 'internal', e?.message ?? `The server answered ${status}`, e?.field, e?.details);
}

/** The data of a successful call, or an ApiError carrying the server's code, message and field. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, 'network', `The server cannot be reached (${(err as Error).message})`);
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
