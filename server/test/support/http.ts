import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';

/** A browser-like client: keeps cookies, sends the CSRF header on writes. */
export function browser(url: string) {
  const agent = request.agent(url);
  return {
    get: (path: string) => agent.get(path),
    post: (path: string, body?: object) =>
      agent
        .post(path)
        .set(CSRF_HEADER, '1')
        .send(body ?? {}),
    patch: (path: string, body: object) => agent.patch(path).set(CSRF_HEADER, '1').send(body),
    put: (path: string, body: object) => agent.put(path).set(CSRF_HEADER, '1').send(body),
    delete: (path: string) => agent.delete(path).set(CSRF_HEADER, '1'),
  };
}
export type Browser = ReturnType<typeof browser>;

let n = 0;
/** Signs up a new organizer and returns their logged-in browser. */
export async function organizer(url: string, name = 'Olga'): Promise<Browser & { email: string }> {
  const b = browser(url);
  const email = `org${++n}-${Date.now()}@example.com`;
  const res = await b.post('/api/auth/signup', { email, name, password: 'correct horse battery' });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.assign(b, { email });
}

export const sampleEvent = {
  name: 'Friday Meetup',
  interests: ['AI', 'Hiking', 'Rust', 'Design', 'Coffee'],
};
