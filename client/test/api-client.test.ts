import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSRF_HEADER } from '@mingle/shared/errors';
import { api, apiClient, ApiError, setUnauthorizedHandler } from '../src/lib/api';

interface Sent {
  url: string;
  init: RequestInit;
}

/** Answers every fetch with `status` and `body`, and keeps what was sent. */
function answer(status: number, body?: unknown): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
  return sent;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setUnauthorizedHandler(null);
});

test('a route of the map becomes its method and path, parameters encoded, body as JSON', async () => {
  const sent = answer(200, { ok: true });
  await api.request('PATCH /api/events/:id', { params: { id: 'a/b c' }, body: { name: 'Meetup' } });
  assert.equal(sent[0]!.url, '/api/events/a%2Fb%20c');
  assert.equal(sent[0]!.init.method, 'PATCH');
  assert.equal(sent[0]!.init.body, JSON.stringify({ name: 'Meetup' }));
  const headers = sent[0]!.init.headers as Record<string, string>;
  assert.equal(headers[CSRF_HEADER], '1');
  assert.equal(headers['content-type'], 'application/json');
  assert.equal(sent[0]!.init.credentials, 'same-origin');
});

test('the phone sends its bearer token and no cookie; a GET carries no CSRF header', async () => {
  const sent = answer(200, []);
  const people = await apiClient({ token: 'tok' }).request('GET /api/me/people');
  assert.deepEqual(people, []);
  const headers = sent[0]!.init.headers as Record<string, string>;
  assert.equal(headers.authorization, 'Bearer tok');
  assert.equal(headers[CSRF_HEADER], undefined);
  assert.equal(sent[0]!.init.credentials, 'omit');
});

test('204 answers undefined', async () => {
  answer(204);
  assert.equal(await api.request('DELETE /api/events/:id', { params: { id: 'e1' } }), undefined);
});

test('a failure carries the server code, message and fields', async () => {
  answer(400, { statusCode: 400, code: 'invalid_request', message: 'name: Required', fields: { name: 'Required' } });
  const error = await api.request('POST /api/events', { body: { name: '', interests: [] } }).catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.code, 'invalid_request');
  assert.equal(error.message, 'name: Required');
  assert.deepEqual(error.fields, { name: 'Required' });
});

test('401 on a console call sends the organizer to log in; not on /api/auth/* nor on the phone', async () => {
  let told = 0;
  setUnauthorizedHandler(() => told++);
  answer(401, { statusCode: 401, code: 'unauthorized', message: 'Log in to continue' });
  await assert.rejects(api.request('GET /api/events'));
  assert.equal(told, 1);
  await assert.rejects(api.request('POST /api/auth/login', { body: { email: 'a@b.c', password: 'x' } }));
  await assert.rejects(apiClient({ token: 'tok' }).request('GET /api/me'));
  assert.equal(told, 1);
});

test('no connection is a network error with the offline message', async () => {
  globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
  const error = await api.request('GET /api/events').catch((e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.code, 'network');
  assert.equal(error.status, 0);
});
