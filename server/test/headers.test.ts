import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';
import { useApp } from './support/app';
import { join, openEvent, attendeeHeaders } from './support/attendees';

const DIST = resolve(__dirname, '../../client/dist');
const built = existsSync(resolve(DIST, 'index.html'));
const withClient = built ? it : it.skip;

/** The CSP as a map: directive → its sources. */
function csp(header: string | undefined): Map<string, string[]> {
  expect(header).toBeDefined();
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectSecurityHeaders(res: request.Response) {
  const policy = csp(res.headers['content-security-policy']);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('connect-src')).toContain("'self'");
  for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
  expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
  // Plain http (a laptop on the venue Wi-Fi): no HSTS, and no forced upgrade to https.
  expect(policy.has('upgrade-insecure-requests')).toBe(false);
  expect(res.headers['strict-transport-security']).toBeUndefined();
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  const app = useApp();

  it('are on an API answer, a 404, a refused write, a malformed body and a validation error', async () => {
    const url = app().url;
    const answers = [
      await request(url).get('/api/health'),
      await request(url).get('/api/no-such-route'),
      await request(url).post('/api/events').send({}),
      await request(url).post('/api/auth/login').set(CSRF_HEADER, '1').set('content-type', 'application/json').send('{"email":'),
      await request(url).post('/api/auth/login').set(CSRF_HEADER, '1').send({ email: 1 }),
      await request(url).get('/api/me'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 404, 403, 400, 400, 401]);
    for (const res of answers) expectSecurityHeaders(res);
  });

  withClient('are on a page and a static asset of the built client, and source maps are 404', async () => {
    const url = app().url;
    const page = await request(url).get('/j/ABCDEF').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="app">');
    expectSecurityHeaders(page);
    const asset = readdirSync(resolve(DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const js = await request(url).get(`/assets/${asset}`);
    expect(js.status).toBe(200);
    expectSecurityHeaders(js);
    const map = await request(url).get(`/assets/${asset}.map`).set('accept', '*/*');
    expect(map.status).toBe(404);
    expectSecurityHeaders(map);
  });

  withClient('the built client has no inline script and no source map', () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8') as string;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    expect(readdirSync(resolve(DIST, 'assets')).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('personal data is never cached: profiles, people, exports, attendee lists, connections', async () => {
    const url = app().url;
    const { org, event } = await openEvent(url);
    const { token } = await join(url, event.joinCode);
    const phone = (path: string) => request(url).get(path).set(attendeeHeaders(token));
    const answers = [
      await phone('/api/me'),
      await phone('/api/me/people'),
      await phone('/api/me/share'),
      await phone('/api/me/connections.csv'),
      await phone('/api/me/connections.vcf'),
      await org.get('/api/auth/me'),
      await org.get('/api/events'),
      await org.get(`/api/events/${event.id}`),
      await org.get(`/api/events/${event.id}/attendees`),
      await org.get(`/api/events/${event.id}/connections`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('security headers over https', () => {
  const app = useApp({ PUBLIC_URL: 'https://mingle.example' });

  it('add HSTS, upgrade requests and allow the socket on wss of our own host', async () => {
    const res = await request(app().url).get('/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.has('upgrade-insecure-requests')).toBe(true);
    expect(policy.get('connect-src')).toEqual(["'self'", 'wss://mingle.example']);
  });
});
