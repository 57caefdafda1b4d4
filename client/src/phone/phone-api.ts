import type { ApiErrorBody } from '@mingle/shared';
import { CSRF_HEADER } from '@mingle/shared/errors';
import { TOO_MANY_WRONG_CODES, tooManyWrongCodesMessage } from '@mingle/shared/join-code';
import { ApiError, TOO_MANY_ATTEMPTS } from '../lib/api';

/**
 * The phone's API client: same error shape as the console's (ApiError), but it authenticates with
 * `Authorization: Bearer <attendee token>` instead of a cookie.
 */
export { ApiError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const OFFLINE_MESSAGE = 'Cannot reach the server. Check your connection and try again.';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && typeof v.code === 'string';
}

async function send(method: Method, path: string, token: string | null, body?: unknown, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (token) headers.authorization = `Bearer ${token}`;
  if (method !== 'GET') {
    headers[CSRF_HEADER] = '1';
    if (body !== undefined) headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', OFFLINE_MESSAGE);
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function toError(res: Response): Promise<ApiError> {
  let data: unknown;
  try {
    data = JSON.parse(await res.text());
  } catch {
    data = undefined;
  }
  return errorOf(res.status, data);
}

/** The error for a failed response: its status and parsed body (undefined when not JSON). */
export function errorOf(status: number, data: unknown): ApiError {
  if (status === 429 && isErrorBody(data) && data.code === TOO_MANY_WRONG_CODES) {
    const retryAfter = (data as { retryAfter?: unknown }).retryAfter;
    return new ApiError(429, data.code, tooManyWrongCodesMessage(typeof retryAfter === 'number' ? retryAfter : 60));
  }
  if (status === 429) return new ApiError(429, 'too_many_requests', TOO_MANY_ATTEMPTS);
  if (isErrorBody(data)) return new ApiError(status, data.code, data.message, data.fields ?? {});
  return new ApiError(
    status,
    'http_error',
    status >= 500 ? 'Something went wrong on the server. Please try again.' : `Request failed (${status})`,
  );
}

async function json<T>(method: Method, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await send(method, path, token, body);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Calls on behalf of one attendee (or nobody, for the join preview). */
export function phoneApi(token: string | null) {
  return {
    get: <T>(path: string) => json<T>('GET', path, token),
    post: <T>(path: string, body?: unknown) => json<T>('POST', path, token, body ?? {}),
    put: <T>(path: string, body: unknown) => json<T>('PUT', path, token, body),
    patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, token, body),
    del: <T = void>(path: string) => json<T>('DELETE', path, token),
    /** Fetches a file with the bearer header and hands it to the browser as a download. */
    async download(path: string, fallbackName: string): Promise<void> {
      const res = await send('GET', path, token, undefined, '*/*');
      const blob = await res.blob();
      const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  };
}

export type PhoneApi = ReturnType<typeof phoneApi>;

function fileNameOf(disposition: string | null): string | null {
  const m = disposition?.match(/filename="([^"]+)"/);
  return m ? m[1]! : null;
}

/** A message for anything thrown by a call. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
