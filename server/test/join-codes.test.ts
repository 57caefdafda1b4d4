import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';
import { dropDatabase, freshDatabaseEnv, startApp, testDatabase, useApp, type TestApp } from './support/app';
import { join, openEvent, person } from './support/attendees';

const preview = (url: string, code: string) => request(url).get(`/api/join/${encodeURIComponent(code)}`);
const joinWith = (url: string, code: string) =>
  request(url)
    .post(`/api/join/${encodeURIComponent(code)}`)
    .set(CSRF_HEADER, '1')
    .send(person());
const attendeeCount = async (app: TestApp) => Number((await app.db.query('SELECT COUNT(*) AS n FROM attendees'))[0].n);

describe('the join code is the only way in', () => {
  const app = useApp();

  it('finds nobody with look-alike patterns, on preview or join', async () => {
    const { event } = await openEvent(app().url);
    const code: string = event.joinCode;
    // Each position replaced by a look-alike: before, any of these found the only open event.
    const patterns = ['000000', 'OOOOOO', '1I1L1I', ...[...code].map((_, i) => `${code.slice(0, i)}0${code.slice(i + 1)}`)];
    for (const pattern of patterns) {
      const found = await preview(app().url, pattern);
      expect([pattern, found.status, found.body.code]).toEqual([pattern, 404, 'look_alike_code']);
      expect(found.body.message).toMatch(/Codes never contain 0, O, 1, I or L/);
      expect(found.body.id).toBeUndefined();
      const joined = await joinWith(app().url, pattern);
      expect([pattern, joined.status, joined.body.code]).toEqual([pattern, 404, 'look_alike_code']);
    }
    expect(await attendeeCount(app())).toBe(0);
  });

  it('takes the exact code, forgiving case, spaces, dots and dashes', async () => {
    const { event } = await openEvent(app().url);
    const code: string = event.joinCode;
    const typed = `${code.slice(0, 2).toLowerCase()} ${code.slice(2, 4)}.${code.slice(4)}-`;
    expect((await preview(app().url, typed)).body.id).toBe(event.id);
    expect((await join(app().url, typed)).event.id).toBe(event.id);
  });

  it('tells a code that no event has from text that is no code', async () => {
    const unknown = await preview(app().url, 'ZZZZZZ');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown_code']);
    for (const text of ['ZZZZZ', 'ZZZZ_Z', 'ZZZZ%Z', 'ZZZZZZZ']) {
      const res = await preview(app().url, text);
      expect([text, res.status, res.body.code]).toEqual([text, 404, 'not_a_code']);
    }
  });
});

describe('wrong codes have their own budget per address', () => {
  const app = useApp({ WRONG_CODE_LIMIT: '3' });

  it('answers 429 once the wrong codes are spent, right codes not counted, with when to try again', async () => {
    const { event } = await openEvent(app().url);
    // Right codes, many times: they spend nothing.
    for (let i = 0; i < 5; i++) expect((await preview(app().url, event.joinCode)).status).toBe(200);
    await join(app().url, event.joinCode);

    const statuses: number[] = [];
    for (const wrong of ['ZZZZZZ', 'ZZZZZY']) statuses.push((await preview(app().url, wrong)).status);
    statuses.push((await joinWith(app().url, 'ZZZZZX')).status);
    expect(statuses).toEqual([404, 404, 404]);

    const refused = await preview(app().url, 'ZZZZZW');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_wrong_codes' });
    expect(refused.body.retryAfter).toBeGreaterThan(0);
    expect(refused.body.retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body.message).toMatch(/^Too many wrong codes from this network\. Try again in \d+ minutes?\.$/);
    expect(Number(refused.headers['retry-after'])).toBe(refused.body.retryAfter);

    // Spent: even the right code is refused from this address, and nobody joins.
    const before = await attendeeCount(app());
    expect((await preview(app().url, event.joinCode)).status).toBe(429);
    expect((await joinWith(app().url, event.joinCode)).status).toBe(429);
    expect(await attendeeCount(app())).toBe(before);
  });
});

describe('behind one proxy (TRUST_PROXY=1)', () => {
  const app = useApp({ TRUST_PROXY: '1', WRONG_CODE_LIMIT: '2' });
  // The proxy appends the address it saw; whatever the client wrote before that is its own claim.
  const via = (claimed: string, seen: string) => ({ 'x-forwarded-for': `${claimed}, ${seen}` });

  it('keys the budget on the address the proxy saw, not on a spoofed X-Forwarded-For', async () => {
    const seen = '203.0.113.7';
    const statuses: number[] = [];
    for (const [claimed, wrong] of [
      ['10.1.1.1', 'ZZZZZZ'],
      ['10.2.2.2', 'ZZZZZY'],
      ['10.3.3.3', 'ZZZZZX'],
    ]) {
      statuses.push((await preview(app().url, wrong!).set(via(claimed!, seen))).status);
    }
    expect(statuses).toEqual([404, 404, 429]);
    // Someone else behind the same proxy has their own budget.
    expect((await preview(app().url, 'ZZZZZX').set(via('10.3.3.3', '198.51.100.9'))).status).toBe(404);
  });
});

// Two nodes count together only through Redis; on SQLite (one node, counters in memory) there is nothing to share.
const withRedis = testDatabase === 'postgres' && process.env.TEST_REDIS_URL ? describe : describe.skip;

withRedis('rate limits on two nodes sharing one database and Redis', () => {
  const env = freshDatabaseEnv();
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const limits = { WRONG_CODE_LIMIT: '3', JOIN_RATE_LIMIT: '5' };
    a = await startApp(limits, env);
    b = await startApp(limits, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropDatabase(env);
  });

  it('count joins together', async () => {
    const { event } = await openEvent(a.url);
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a, b])
      statuses.push((await request(app.url).post(`/api/join/${event.joinCode}`).set(CSRF_HEADER, '1').send(person())).status);
    // Each node alone has seen 3 of 5.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('spend one wrong-code budget together', async () => {
    const statuses: number[] = [];
    for (const [app, wrong] of [
      [a, 'ZZZZZZ'],
      [b, 'ZZZZZY'],
      [a, 'ZZZZZX'],
    ] as const)
      statuses.push((await preview(app.url, wrong)).status);
    expect(statuses).toEqual([404, 404, 404]);
    // Node b alone has seen 1 of 3; together the budget is spent.
    expect((await preview(b.url, 'ZZZZZW')).body.code).toBe('too_many_wrong_codes');
  });
});
