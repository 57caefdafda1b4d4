import { Writable } from 'node:stream';
import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';
import { dropDatabase, freshDatabaseEnv, startApp, type TestApp } from './support/app';
import { join, openEvent, person } from './support/attendees';

/** The app's JSON log lines, as written. */
class LogLines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
  parsed = () => this.lines.map((l) => JSON.parse(l) as Record<string, any>);
  requestLines = () => this.parsed().filter((l) => l.req && l.res);
}

describe('structured logs', () => {
  const env = freshDatabaseEnv();
  const logs = new LogLines();
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({}, env, { logStream: logs });
  });
  afterAll(async () => {
    await t?.close();
    await dropDatabase(env);
  });

  it('writes one JSON line per request with its id, and echoes the id', async () => {
    const res = await request(t.url).get('/api/health');
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = logs.requestLines().filter((l) => l.req.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 30, req: { method: 'GET', url: '/api/health' }, res: { statusCode: res.status } });
  });

  it('honours a sane incoming x-request-id and replaces one that is not', async () => {
    const kept = await request(t.url).get('/api/health').set('x-request-id', 'lb-7f3a.42');
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.42');
    expect(logs.requestLines().filter((l) => l.req.id === 'lb-7f3a.42')).toHaveLength(1);
    const odd = 'x'.repeat(65);
    const replaced = await request(t.url).get('/api/health').set('x-request-id', odd);
    expect(replaced.headers['x-request-id']).not.toBe(odd);
    expect(logs.requestLines().some((l) => l.req.id === odd)).toBe(false);
    expect(logs.requestLines().filter((l) => l.req.id === replaced.headers['x-request-id'])).toHaveLength(1);
  });

  it('logs no bearer token, session cookie, card, screen key or password', async () => {
    const { cookie, event } = await openEvent(t.url);
    const card = { email: 'secret.ada@mail.example', phone: '+44 20 7946 0999', linkedin: 'https://www.linkedin.com/in/secret-ada' };
    const joined = await join(t.url, event.joinCode, person({ card }));
    const sessionValue = cookie.split('=')[1]!;
    const before = logs.lines.length;
    const res = await request(t.url)
      .patch('/api/me')
      .set('authorization', `Bearer ${joined.token}`)
      .set('cookie', cookie)
      .set(CSRF_HEADER, '1')
      .send({ card: { ...card, website: 'https://secret-ada.example' } });
    expect(res.status).toBe(200);
    await request(t.url).get(`/api/health?key=${event.screenKey}`);
    const written = logs.lines.slice(before);
    expect(written.length).toBeGreaterThanOrEqual(2);
    const text = logs.lines.join('\n');
    for (const secret of [joined.token, sessionValue, event.screenKey, 'secret.ada', '7946 0999', 'secret-ada', 'correct horse battery'])
      expect(text).not.toContain(secret);
    const patch = logs.requestLines().find((l) => l.req.method === 'PATCH');
    expect(patch?.req.headers.authorization).toBe('[Redacted]');
    expect(patch?.req.headers.cookie).toBe('[Redacted]');
  });

  it('sends the services’ own Nest loggers through pino', async () => {
    const { Logger } = await import('@nestjs/common');
    new Logger('Probe').warn('a warning from a service');
    const line = logs.parsed().find((l) => l.msg === 'a warning from a service');
    expect(line).toMatchObject({ level: 40, context: 'Probe' });
  });
});
