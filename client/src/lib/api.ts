import type { ApiErrorBody, ErrorCode, ErrorParams, FieldCode, RouteBody, RouteKey, RouteParams, RouteResponse } from '@mingle/shared';
import { CSRF_HEADER } from '@mingle/shared/errors';
import { TOO_MANY_WRONG_CODES, tooManyWrongCodesMessage } from '@mingle/shared/join-code';
import { errorText, fieldTexts } from './error-text';

/** What a failed call says: a code the server answers with, or one of the client's own. */
export type ClientErrorCode = ErrorCode | 'network' | 'too_many_requests' | 'http_error';

/**
 * A failed API call: HTTP status, the code and its params, and per-field messages (dotted paths).
 * `message` and `fields` are in the active language (from the code and field codes); `english` and
 * `englishFields` keep what the server said.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly params: ErrorParams;
  readonly fields: Record<string, string>;
  readonly fieldCodes: Record<string, FieldCode>;
  readonly english: string;
  readonly englishFields: Record<string, string>;

  constructor(
    status: number,
    code: ClientErrorCode,
    english: string,
    details: { params?: ErrorParams; fields?: Record<string, string>; fieldCodes?: Record<string, FieldCode> } = {},
  ) {
    super(errorText(code, details.params, english));
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = details.params ?? {};
    this.english = english;
    this.englishFields = details.fields ?? {};
    this.fieldCodes = details.fieldCodes ?? {};
    this.fields = fieldTexts(this.englishFields, this.fieldCodes);
  }

  /** The message in the language active now (it may have changed since the call failed). */
  get text(): string {
    return errorText(this.code, this.params, this.english);
  }
}

/** A route's path parameters and body, each required exactly when the route has them. */
type Options<K extends RouteKey> = ([RouteParams<K>] extends [never] ? { params?: never } : { params: RouteParams<K> }) &
  ([RouteBody<K>] extends [never] ? { body?: never } : { body: RouteBody<K> });
type Args<K extends RouteKey> = object extends Options<K> ? [options?: Options<K>] : [options: Options<K>];

/** The organizer's session cookie, or an attendee's bearer token (null: nobody yet, e.g. the join preview). */
export type Credentials = { session: true } | { token: string | null };

let onUnauthorized: (() => void) | null = null;

/** Called when a session call other than /api/auth/* answers 401 (the session ended). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The one API client of console and phone: `api.request('POST /api/events/:id/rounds', { params, body })`. */
export function apiClient(credentials: Credentials) {
  async function send<K extends RouteKey>(key: K, options: Partial<Options<K>> = {}, accept = 'application/json'): Promise<Response> {
    const [method, pattern] = key.split(' ') as [string, string];
    const params = (options.params ?? {}) as Record<string, string>;
    const path = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const headers: Record<string, string> = { accept };
    if ('token' in credentials && credentials.token) headers.authorization = `Bearer ${credentials.token}`;
    if (method !== 'GET') headers[CSRF_HEADER] = '1';
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        ...('session' in credentials ? { credentials: 'same-origin' } : { credentials: 'omit', cache: 'no-store' }),
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.'); // i18n-ignore: English for logs
    }
    if (res.ok) return res;
    if (res.status === 401 && 'session' in credentials && !path.startsWith('/api/auth/')) onUnauthorized?.();
    throw errorOf(res.status, await bodyOf(res));
  }

  return {
    async request<K extends RouteKey>(key: K, ...[options]: Args<K>): Promise<RouteResponse<K>> {
      const res = await send(key, options);
      const text = res.status === 204 ? '' : await res.text();
      return (text ? JSON.parse(text) : undefined) as RouteResponse<K>;
    },

    /** Fetches a file route with this caller's credentials and hands it to the browser as a download. */
    async download<K extends RouteKey>(key: K, options: Options<K>, fallbackName: string): Promise<void> {
      const res = await send(key, options, '*/*');
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** The console's calls, with the organizer's session cookie. */
export const api = apiClient({ session: true });

async function bodyOf(res: Response): Promise<unknown> {
  try {
    return JSON.parse(await res.text());
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && typeof v.code === 'string';
}

/** The error for a failed response: its status and parsed body (undefined when not JSON). */
export function errorOf(status: number, data: unknown): ApiError {
  if (status === 429 && isErrorBody(data) && data.code === TOO_MANY_WRONG_CODES) {
    const sent = data.params?.retryAfter ?? (data as { retryAfter?: unknown }).retryAfter;
    const retryAfter = typeof sent === 'number' ? sent : 60;
    return new ApiError(429, data.code, tooManyWrongCodesMessage(retryAfter), { params: { retryAfter } });
  }
  if (status === 429) return new ApiError(429, 'too_many_requests', 'Too many attempts, wait a minute'); // i18n-ignore: English for logs
  if (isErrorBody(data))
    return new ApiError(status, data.code, data.message, { params: data.params, fields: data.fields, fieldCodes: data.fieldCodes });
  return status >= 500
    ? new ApiError(status, 'http_error', 'Something went wrong on the server. Please try again.', { params: { variant: 'server', status } }) // i18n-ignore: English for logs
    : new ApiError(status, 'http_error', `Request failed (${status})`, { params: { status } }); // i18n-ignore: English for logs
}

function fileNameOf(disposition: string | null): string | null {
  const m = disposition?.match(/filename="([^"]+)"/);
  return m ? m[1]! : null;
}

/** A message for anything thrown by a call, in the active language. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.text;
  if (err instanceof Error && err.message) return err.message;
  return errorText('error', undefined, 'Something went wrong'); // i18n-ignore: English fallback
}
