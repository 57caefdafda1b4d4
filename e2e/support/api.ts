/** The HTTP API as the tests' organizers and attendees call it. */

const CSRF = { 'x-mingle-csrf': '1' };

interface Reply<T> {
  status: number;
  body: T;
  res: Response;
}

/** One request; a body is sent as JSON, and every write carries the CSRF header. */
async function call<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : CSRF), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, res };
}

async function ok<T>(reply: Promise<Reply<T>>, what: string): Promise<T> {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export interface OrganizerEvent {
  id: string;
  joinCode: string;
  joinUrl: string;
  screenUrl: string;
  screenKey: string;
}

export interface Organizer {
  email: string;
  password: string;
  /** `name=value` of the session cookie. */
  cookie: string;
  /** A call with the session cookie that fails on any status from 300. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Creates an event and opens joining. */
  openEvent(settings: Record<string, unknown>): Promise<OrganizerEvent>;
}

let signups = 0;

/** A new organizer account, signed up through the API. */
export async function signUp(baseUrl: string, name = 'Ada Organizer'): Promise<Organizer> {
  const email = `org${++signups}+${Date.now()}@example.com`;
  const password = 'correct horse battery';
  const signup = await call(baseUrl, 'POST', '/api/auth/signup', { name, email, password });
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${JSON.stringify(signup.body)}`);
  const cookie = signup.res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const api = <T>(method: string, path: string, body?: unknown) =>
    ok(call<T>(baseUrl, method, path, body, { cookie }), `${method} ${path}`);
  return {
    email,
    password,
    cookie,
    api,
    async openEvent(settings) {
      const created = await api<OrganizerEvent>('POST', '/api/events', settings);
      return api<OrganizerEvent>('POST', `/api/events/${created.id}/state`, { state: 'open' });
    },
  };
}

export interface Joined {
  token: string;
  me: { id: string };
}

/** Joins an event through the API, accepting the privacy note. */
export function join(
  baseUrl: string,
  code: string,
  person: { name: string; interests: string[] } & Record<string, unknown>,
): Promise<Joined> {
  return ok(call<Joined>(baseUrl, 'POST', `/api/join/${code}`, { acceptPrivacy: true, ...person }), `join ${code}`);
}

/** A call as an attendee (bearer token) that fails on any status from 300. */
export function asAttendee<T = unknown>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  return ok(call<T>(baseUrl, method, path, body, { authorization: `Bearer ${token}` }), `${method} ${path}`);
}
