import request from 'supertest';
import { CSRF_HEADER, type JoinBody, type JoinResult } from '@mingle/shared';
import { organizer, sampleEvent } from './http';

let n = 0;
export function person(overrides: Partial<JoinBody> = {}): JoinBody {
  n++;
  return {
    name: `Person ${n}`,
    headline: 'Builder',
    company: `Company ${n % 3}`,
    interests: ['AI', 'Hiking'],
    card: { email: `person${n}@mail.example`, phone: `+44 20 7946 ${String(1000 + n).slice(-4)}`, website: `https://person${n}.example` },
    acceptPrivacy: true,
    ...overrides,
  };
}

export async function join(url: string, code: string, body: JoinBody = person()): Promise<JoinResult> {
  const res = await request(url).post(`/api/join/${code}`).set(CSRF_HEADER, '1').send(body);
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An organizer with an event that is open for joining. */
export async function openEvent(url: string, overrides: object = {}) {
  const org = await organizer(url);
  const created = await org.post('/api/events', { ...sampleEvent, ...overrides });
  const event = (await org.post(`/api/events/${created.body.id}/state`, { state: 'open' })).body;
  const cookie = await sessionCookie(url, org.email);
  return { org, event, cookie };
}

/** Logs the organizer in once more to get a raw cookie header for socket handshakes. */
export async function sessionCookie(url: string, email: string): Promise<string> {
  const res = await request(url).post('/api/auth/login').set(CSRF_HEADER, '1').send({ email, password: 'correct horse battery' });
  return String(res.headers['set-cookie']).split(';')[0]!;
}

export const attendeeHeaders = (token: string) => ({ authorization: `Bearer ${token}`, [CSRF_HEADER]: '1' });
