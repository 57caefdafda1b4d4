import type { Page } from 'playwright-core';
import { signUp } from './support/api';
import { signIn } from './support/browser';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/** The built console, phone and screen run under the server's Content-Security-Policy with no violation. */

const suite = appAndBrowser({ env: { JOIN_RATE_LIMIT: '1000' } });
/** Every CSP violation, console CSP message and page error, per page. */
const problems: string[] = [];

const url = (path: string) => `${suite.app.baseUrl}${path}`;

/** A fresh profile whose pages report every CSP violation (DOM event and console message) and error. */
async function newPage(name: string, cookie?: string): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (cookie) await signIn(context, suite.app.baseUrl, cookie);
  await context.exposeFunction('__reportViolation', (what: string) => problems.push(`${name}: ${what}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportViolation(s: string): void }).__reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`,
      ),
    );
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`${name}: console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${name}: page error: ${err.message}`));
  return page;
}

test('console, phone and screen load and go live under the CSP with zero violations', async () => {
  const home = await fetch(url('/console'), { headers: { accept: 'text/html' } });
  const policy = home.headers.get('content-security-policy') ?? '';
  expect(policy).toMatch(/script-src 'self'(;|$)/);
  expect(policy).toContain("frame-ancestors 'none'");

  const organizer = await signUp(suite.app.baseUrl, 'Cora CSP');
  const { cookie } = organizer;
  const event = await organizer.openEvent({ name: 'Policy Night', interests: ['AI', 'Climate', 'Design'], groupSize: 2 });

  const console_ = await newPage('console', cookie);
  await console_.goto(url('/console'));
  await console_.getByText('Policy Night').first().waitFor();
  await console_.goto(url(`/console/events/${event.id}`));
  await console_.getByRole('heading', { name: 'Policy Night' }).first().waitFor();
  await console_.goto(url('/console/planner'));
  await console_.getByRole('heading').first().waitFor();
  await console_.goto(url(`/console/events/${event.id}/live`));
  await console_.getByRole('heading', { name: 'Policy Night', level: 1 }).waitFor();

  const screenUrl = new URL(event.screenUrl);
  const screen = await newPage('screen');
  await screen.goto(url(`${screenUrl.pathname}${screenUrl.search}`));
  await screen.getByRole('img', { name: /scan to join/i }).waitFor();

  const phones: Page[] = [];
  for (const [i, name] of ['Ana Lopez', 'Ben Okafor'].entries()) {
    const phone = await newPage(`phone ${i + 1}`);
    await phone.goto(url(`/j/${event.joinCode}`));
    await phone.getByRole('heading', { name: 'Policy Night' }).waitFor();
    await phone.getByLabel('Your name').fill(name);
    await phone.getByRole('button', { name: 'Climate', exact: true }).click();
    await phone.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}@mail.example`);
    await phone.getByLabel('I accept the privacy note').check();
    await phone.getByRole('button', { name: 'Join the event' }).click();
    await phone.getByRole('heading', { name: "You're in!" }).waitFor();
    phones.push(phone);
  }

  // A live round: the screen's board (style bindings), the phones' tables, the console's groups.
  await console_.getByRole('button', { name: 'Start round 1' }).click();
  await screen.getByRole('heading', { name: 'Round 1' }).waitFor();
  for (const phone of phones) await phone.getByRole('heading', { name: /^Table \d+$/ }).waitFor();
  await phones[0]!.goto(url(`/e/${event.id}/people`));
  await phones[0]!.getByRole('heading').first().waitFor();
  await phones[0]!.goto(url(`/e/${event.id}/profile`));
  await phones[0]!.getByLabel('Your name').waitFor();

  expect(problems).toEqual([]);

  // The watch works: an injected inline script is refused and reported.
  await screen.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await until(() => problems.some((p) => /screen: .*script-src/.test(p)), 'the refused inline script is reported', 5000);
  expect(await screen.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});
