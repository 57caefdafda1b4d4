import { Logger, type LoggerService } from '@nestjs/common';
import request from 'supertest';
import { CSRF_HEADER, type ConnectionClosed } from '@mingle/shared';
import { twoNodesHere, useApp, useTwoNodes, type TestApp } from './support/app';
import { join, openEvent } from './support/attendees';
import { browser } from './support/http';
import { connect, disconnected, eventually, nextEvent, refusal, snapshotOf, type MingleClient } from './support/sockets';
import { tokenHash } from '../src/common/tokens';
import { Session } from '../src/organizers/session.entity';

jest.setTimeout(30_000);

const PASSWORD = 'correct horse battery';

/** A fresh log-in for the organizer: its own session, as a raw cookie header. */
async function logIn(url: string, email: string): Promise<string> {
  const res = await request(url).post('/api/auth/login').set(CSRF_HEADER, '1').send({ email, password: PASSWORD });
  expect(res.status).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

const logOut = (url: string, cookie: string) => request(url).post('/api/auth/logout').set(CSRF_HEADER, '1').set('cookie', cookie);

/** Resolves with the reason the server gave before closing the socket, once it is closed. */
async function closedWith(socket: MingleClient): Promise<ConnectionClosed> {
  const [info, reason] = await Promise.all([
    nextEvent(socket, 'connection:closed', 10_000) as Promise<ConnectionClosed>,
    disconnected(socket),
  ]);
  expect(reason).toBe('io server disconnect');
  return info;
}

/** Collects what the app logs at warn level and above, to prove nothing went wrong inside. */
function captureLogs(app: TestApp): string[] {
  const lines: string[] = [];
  const keep = (message: unknown) => lines.push(String(message));
  const logger: LoggerService = { log: () => undefined, error: keep, warn: keep, fatal: keep };
  app.app.useLogger(logger);
  return lines;
}

describe('sessions and sockets', () => {
  const app = useApp();
  const sockets: MingleClient[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const s = connect(...args);
    sockets.push(s);
    return s;
  };
  let logs: string[] = [];
  beforeAll(() => {
    logs = captureLogs(app());
  });
  beforeEach(() => {
    logs.length = 0;
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(() => Logger.overrideLogger(false));

  describe('logging out', () => {
    it('closes every socket of that session at once, and the console hears nothing more', async () => {
      const { org, event } = await openEvent(app().url);
      const cookie = await logIn(app().url, org.email);
      const other = await logIn(app().url, org.email);
      const consoles = [
        open(app().url, { role: 'organizer', eventId: event.id }, cookie),
        open(app().url, { role: 'organizer', eventId: event.id }, cookie),
      ];
      const otherSession = open(app().url, { role: 'organizer', eventId: event.id }, other);
      await Promise.all([...consoles, otherSession].map((s) => snapshotOf(s)));

      const closing = consoles.map(closedWith);
      expect((await logOut(app().url, cookie)).status).toBe(204);
      for (const info of await Promise.all(closing)) expect(info.reason).toBe('logged_out');

      // A later joiner and a new join code reach the session still logged in, and nobody else.
      const seen = nextEvent(otherSession, 'attendees:changed');
      const joined = await join(app().url, event.joinCode);
      expect((await seen).upserted.map((a: { id: string }) => a.id)).toEqual([joined.me.id]);
      await org.post(`/api/events/${event.id}/join-code`);
      await eventually(() => expect(otherSession.frames.some(([e]) => e === 'console:event-changed')).toBe(true));
      for (const s of consoles) {
        expect(s.connected).toBe(false);
        expect(s.frames.filter(([e]) => e === 'attendees:changed' || e === 'console:event-changed')).toEqual([]);
      }
      expect(otherSession.connected).toBe(true);

      expect((await refusal(open(app().url, { role: 'organizer', eventId: event.id }, cookie))).message).toBe('unauthorized');
    });
  });

  describe('session expiry', () => {
    it('closes an open console when its session expires', async () => {
      const { org, event } = await openEvent(app().url);
      const cookie = await logIn(app().url, org.email);
      const token = decodeURIComponent(cookie.split('=')[1]!);
      // The session ends three seconds from now; the socket opens before that.
      await app()
        .db.getRepository(Session)
        .update({ tokenHash: tokenHash(app().config.sessionSecret, token) }, { expiresAt: Date.now() + 3000 });
      const console_ = open(app().url, { role: 'organizer', eventId: event.id }, cookie);
      await snapshotOf(console_);
      expect((await closedWith(console_)).reason).toBe('session_expired');
      expect((await refusal(open(app().url, { role: 'organizer', eventId: event.id }, cookie))).message).toBe('unauthorized');
    });
  });

  describe('deleting an event', () => {
    it('closes its phones, consoles and screens with the reason, and no other event', async () => {
      const { org, event, cookie } = await openEvent(app().url);
      const elsewhere = await openEvent(app().url);
      const { token } = await join(app().url, event.joinCode);
      const { token: otherToken } = await join(app().url, elsewhere.event.joinCode);
      const phone = open(app().url, { role: 'attendee', token });
      const console_ = open(app().url, { role: 'organizer', eventId: event.id }, cookie);
      const screen = open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      const bystander = open(app().url, { role: 'attendee', token: otherToken });
      await Promise.all([phone, console_, screen, bystander].map((s) => snapshotOf(s)));

      const closing = [phone, console_, screen].map(closedWith);
      expect((await org.delete(`/api/events/${event.id}`)).status).toBe(204);
      for (const info of await Promise.all(closing)) {
        expect(info.reason).toBe('event_deleted');
        expect(info.message).toMatch(/deleted/);
      }
      expect(bystander.connected).toBe(true);
      expect((await refusal(open(app().url, { role: 'attendee', token }))).message).toBe('unauthorized');
      expect(logs).toEqual([]);
    });
  });

  describe('crafted session cookies', () => {
    const crafted = ['j:{"a":1}', 'j:[1,2]', 'j:123', 'j:null', 'j:"x"'];

    it.each(crafted)('%s is a 401 on every route that needs a session, and nothing is logged', async (value) => {
      const cookie = `mingle_session=${value}`;
      const me = await request(app().url).get('/api/auth/me').set('cookie', cookie);
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('unauthorized');
      expect((await request(app().url).get('/api/events').set('cookie', cookie)).status).toBe(401);
      const create = await request(app().url)
        .post('/api/events')
        .set(CSRF_HEADER, '1')
        .set('cookie', cookie)
        .send({ name: 'E', interests: ['a', 'b'] });
      expect(create.status).toBe(401);
      expect((await logOut(app().url, cookie)).status).toBe(204);
      expect(logs).toEqual([]);
    });

    it.each(crafted)('%s is refused at the socket handshake', async (value) => {
      const { event } = await openEvent(app().url);
      const refused = await refusal(open(app().url, { role: 'organizer', eventId: event.id }, `mingle_session=${value}`));
      expect(refused.message).toBe('unauthorized');
      expect(logs).toEqual([]);
    });
  });
});

describe('closed sign-up (ALLOW_SIGNUP=false)', () => {
  const app = useApp({ ALLOW_SIGNUP: 'false' });

  it('lets exactly one of six simultaneous sign-ups on an empty server in', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        browser(app().url).post('/api/auth/signup', { email: `race${i}@example.com`, name: `R${i}`, password: PASSWORD }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 403, 403, 403, 403, 403]);
    for (const r of results.filter((r) => r.status === 403)) {
      expect(r.body.code).toBe('signup_closed');
      expect(r.body.message).toMatch(/Sign-up is closed/);
    }
    const later = await browser(app().url).post('/api/auth/signup', { email: 'late@example.com', name: 'L', password: PASSWORD });
    expect(later.status).toBe(403);
    // The one who got in can use the server.
    const winner = results.findIndex((r) => r.status === 201);
    expect((await browser(app().url).post('/api/auth/login', { email: `race${winner}@example.com`, password: PASSWORD })).status).toBe(200);
  });
});

describe('handshake limit per address', () => {
  const app = useApp({ HANDSHAKE_RATE_LIMIT: '3' });
  const sockets: MingleClient[] = [];
  afterAll(() => sockets.forEach((s) => s.disconnect()));

  it('refuses handshakes over the limit with a retry-later code', async () => {
    const { event } = await openEvent(app().url);
    for (let i = 0; i < 3; i++) {
      const screen = connect(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      sockets.push(screen);
      await snapshotOf(screen);
    }
    const extra = connect(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
    sockets.push(extra);
    const refused = await refusal(extra);
    expect(refused.message).toBe('rate_limited');
    expect(refused.data).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/again/i),
      retryAfterMs: expect.any(Number),
    });
    expect((refused.data as unknown as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    // HTTP is not affected by the socket limit.
    expect((await request(app().url).get('/api/health')).status).toBe(200);
  });
});

(twoNodesHere ? describe : describe.skip)('two nodes on one database (PostgreSQL + Redis)', () => {
  const nodes = useTwoNodes();

  it('logging out on node A closes the console on node B', async () => {
    const { a, b } = nodes();
    const { org, event } = await openEvent(a.url);
    const cookie = await logIn(a.url, org.email);
    const console_ = connect(b.url, { role: 'organizer', eventId: event.id }, cookie);
    try {
      await snapshotOf(console_);
      const closing = closedWith(console_);
      expect((await logOut(a.url, cookie)).status).toBe(204);
      expect((await closing).reason).toBe('logged_out');
    } finally {
      console_.disconnect();
    }
  });

  it('deleting an event on node A closes its phone on node B', async () => {
    const { a, b } = nodes();
    const { org, event } = await openEvent(a.url);
    const { token } = await join(a.url, event.joinCode);
    const phone = connect(b.url, { role: 'attendee', token });
    try {
      await snapshotOf(phone);
      const closing = closedWith(phone);
      expect((await org.delete(`/api/events/${event.id}`)).status).toBe(204);
      expect((await closing).reason).toBe('event_deleted');
    } finally {
      phone.disconnect();
    }
  });
});
