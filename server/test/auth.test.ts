import request from 'supertest';
import { browser, organizer } from './support/http';
import { startApp, useApp, freshDatabaseEnv, dropDatabase } from './support/app';

describe('organizer accounts', () => {
  const app = useApp();

  it('signs up, sets an httpOnly SameSite=Lax cookie and knows who I am', async () => {
    const b = browser(app().url);
    const res = await b.post('/api/auth/signup', { email: ' Ana@Example.com ', name: 'Ana', password: 'long enough pw' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), email: 'ana@example.com', name: 'Ana', language: null });
    expect(res.body.passwordHash).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/mingle_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('ana@example.com');
  });

  it("keeps the console's language with the organizer, so every device they log in on follows it", async () => {
    const laptop = browser(app().url);
    const account = { email: 'lang@example.com', password: 'long enough pw' };
    expect((await laptop.post('/api/auth/signup', { ...account, name: 'Lena' })).status).toBe(201);
    const picked = await laptop.patch('/api/auth/me', { language: 'de' });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ email: 'lang@example.com', language: 'de' });

    const tablet = browser(app().url);
    expect((await tablet.post('/api/auth/login', account)).body.language).toBe('de');
    expect((await tablet.get('/api/auth/me')).body.language).toBe('de');

    // bad input changes nothing; only a signed-in organizer may set it
    const bad = await tablet.patch('/api/auth/me', { language: 'fr', admin: true });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ language: 'Language is en, de or es', admin: 'Unknown field' });
    expect((await tablet.get('/api/auth/me')).body.language).toBe('de');
    expect((await browser(app().url).patch('/api/auth/me', { language: 'es' })).status).toBe(401);
  });

  it('rejects bad sign-up input with a message per field and creates nothing', async () => {
    const b = browser(app().url);
    const res = await b.post('/api/auth/signup', { email: 'nope', name: '', password: 'short', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({
      email: 'Enter a valid email address',
      name: 'Enter your name',
      password: 'Password must be at least 10 characters',
      admin: 'Unknown field',
    });
    const login = await b.post('/api/auth/login', { email: 'nope', password: 'short' });
    expect(login.status).toBe(400);
  });

  it('refuses a second account with the same email', async () => {
    const b = browser(app().url);
    const body = { email: 'twice@example.com', name: 'T', password: 'long enough pw' };
    expect((await b.post('/api/auth/signup', body)).status).toBe(201);
    const again = await browser(app().url).post('/api/auth/signup', { ...body, email: 'TWICE@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.fields.email).toMatch(/already exists/);
  });

  it('logs in and out; unknown email and wrong password get the same answer', async () => {
    const o = await organizer(app().url);
    const b = browser(app().url);
    const wrong = await b.post('/api/auth/login', { email: o.email, password: 'wrong password!' });
    const unknown = await b.post('/api/auth/login', { email: 'nobody@example.com', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const ok = await b.post('/api/auth/login', { email: o.email.toUpperCase(), password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(200);
    expect((await b.post('/api/auth/logout')).status).toBe(204);
    expect((await b.get('/api/auth/me')).status).toBe(401);
  });

  it('a logged-out session token stops working even if replayed', async () => {
    const b = browser(app().url);
    const res = await b.post('/api/auth/signup', { email: 'replay@example.com', name: 'R', password: 'long enough pw' });
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    await b.post('/api/auth/logout');
    const replay = await request(app().url).get('/api/auth/me').set('cookie', cookie);
    expect(replay.status).toBe(401);
  });
});

describe('cross-site protection', () => {
  const app = useApp();

  it('refuses writes without the CSRF header or from another origin, and changes nothing', async () => {
    const o = await organizer(app().url);
    const noHeader = await request(app().url)
      .post('/api/auth/signup')
      .send({ email: 'x@example.com', name: 'X', password: 'long enough pw' });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('csrf');
    const foreign = await request(app().url)
      .post('/api/auth/signup')
      .set('x-mingle-csrf', '1')
      .set('origin', 'https://evil.example')
      .send({ email: 'x@example.com', name: 'X', password: 'long enough pw' });
    expect(foreign.status).toBe(403);
    const login = await browser(app().url).post('/api/auth/login', { email: 'x@example.com', password: 'long enough pw' });
    expect(login.status).toBe(401);
    const sameOrigin = await o.post('/api/events', { name: 'E', interests: ['a', 'b'] }).set('origin', app().url);
    expect(sameOrigin.status).toBe(201);
  });
});

describe('rate limits', () => {
  const app = useApp({ AUTH_RATE_LIMIT: '3' });

  it('answers 429 after too many log-in attempts from one address', async () => {
    const b = browser(app().url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await b.post('/api/auth/login', { email: 'a@example.com', password: 'whatever12' })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    const limited = await b.post('/api/auth/login', { email: 'a@example.com', password: 'whatever12' });
    expect(limited.body.code).toBe('rate_limited');
  });
});

describe('ALLOW_SIGNUP=false', () => {
  it('lets the first organizer in and then closes sign-up', async () => {
    const env = freshDatabaseEnv();
    const app = await startApp({ ALLOW_SIGNUP: 'false' }, env);
    try {
      const first = await browser(app.url).post('/api/auth/signup', { email: 'first@example.com', name: 'F', password: 'long enough pw' });
      expect(first.status).toBe(201);
      const second = await browser(app.url).post('/api/auth/signup', {
        email: 'second@example.com',
        name: 'S',
        password: 'long enough pw',
      });
      expect(second.status).toBe(403);
      expect(second.body.code).toBe('signup_closed');
    } finally {
      await app.close();
      await dropDatabase(env);
    }
  });
});
