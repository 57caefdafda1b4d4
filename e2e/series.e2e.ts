import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { asAttendee, join, signUp, type Organizer, type OrganizerEvent } from './support/api';
import { seriousViolations } from './support/axe';
import { signIn } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * A monthly meetup: Ana ticks "Remember me for this series" on her phone in March and swaps with Raj;
 * in April the same phone is recognised, People I met says "Met at March meetup", and the console
 * counts who is returning and which pairs already met.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
let organizer: Organizer;

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Olga Organizer');
});

const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath(name), fullPage: true });
const phone = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
  asAttendee<T>(suite.app.baseUrl, token, method, path, body);

async function meetup(name: string, seriesId: string): Promise<OrganizerEvent> {
  const created = await organizer.api<OrganizerEvent>('POST', '/api/events', { name, interests: ['AI', 'Climate'], groupSize: 2 });
  await organizer.api('PUT', `/api/events/${created.id}/series`, { seriesId });
  return organizer.api<OrganizerEvent>('POST', `/api/events/${created.id}/state`, { state: 'open' });
}

/** Joins on the phone page; the series box is ticked (or found ticked when the phone kept its key). */
async function joinOnPhone(page: Page, event: OrganizerEvent, screenshot?: string): Promise<string> {
  await page.goto(`${suite.app.baseUrl}/j/${event.joinCode}`);
  const remember = page.getByLabel('Remember me for this series');
  await remember.waitFor();
  if (!(await remember.isChecked())) await remember.check();
  await page.getByLabel('Your name').fill('Ana Lima');
  await page.getByRole('button', { name: 'AI', exact: true }).click();
  await page.getByLabel('Email', { exact: true }).fill('ana@mail.example');
  await page.getByLabel('I accept the privacy note').check();
  if (screenshot) {
    await page.getByText('Also recognise me by my email on a new phone').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, screenshot);
  }
  await page.getByRole('button', { name: 'Join the event' }).click();
  await page.waitForURL(/\/e\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
  const joins = await page.evaluate(
    () => JSON.parse(localStorage.getItem('mingle.phone.joins') ?? '{}') as Record<string, { token: string }>,
  );
  return joins[event.id]!.token;
}

test('a series remembers the phone that chose it: earlier matches on People I met, counts in the console', async () => {
  const series = await organizer.api<{ id: string }>('POST', '/api/series', { name: 'Monthly meetup' });
  const march = await meetup('March meetup', series.id);
  const page = await suite.browser.newPage({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const anaMarch = await joinOnPhone(page, march, 'series-join-360.png');
  const kept = await page.evaluate((id) => localStorage.getItem(`mingle.series.${id}`), series.id);
  expect(kept).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Raj remembers too (through the API); they meet in round 1 and swap.
  const raj = await join(suite.app.baseUrl, march.joinCode, { name: 'Raj Patel', interests: ['AI'], card: { email: 'raj@mail.example' } });
  const rajKey = await phone<{ token: string }>(raj.token, 'POST', '/api/me/series', {});
  await openPhone(suite.app.baseUrl, raj.token, sockets);
  await organizer.api('POST', `/api/events/${march.id}/rounds`, {});
  await until(async () => (await phone<Array<{ id: string }>>(anaMarch, 'GET', '/api/me/people')).length === 1, 'Ana met Raj');
  const anaId = (await phone<{ me: { id: string } }>(anaMarch, 'GET', '/api/me')).me.id;
  await phone(anaMarch, 'POST', `/api/me/people/${raj.me.id}/swap`);
  await phone(raj.token, 'POST', `/api/me/people/${anaId}/swap`);
  await organizer.api('POST', `/api/events/${march.id}/rounds/current/end`);

  // April: the same phone finds the box ticked and is recognised; Raj comes back with his key.
  const april = await meetup('April meetup', series.id);
  await page.goto(`${suite.app.baseUrl}/j/${april.joinCode}`);
  await page.getByLabel('Remember me for this series').waitFor();
  expect(await page.getByLabel('Remember me for this series').isChecked()).toBe(true);
  await joinOnPhone(page, april);
  const rajApril = await join(suite.app.baseUrl, april.joinCode, { name: 'Raj Patel', interests: ['AI'] });
  await phone(rajApril.token, 'POST', '/api/me/series', { token: rajKey.token });
  await openPhone(suite.app.baseUrl, rajApril.token, sockets);

  await page.getByRole('link', { name: 'People I met' }).click();
  await page.getByRole('heading', { name: 'Met at earlier events of the series' }).waitFor();
  await page.getByText('Met at March meetup').waitFor();
  await page.getByText('raj@mail.example').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'series-people-360.png');

  // The console's live page counts who returns and which pairs already met.
  const consolePage = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(consolePage.context(), suite.app.baseUrl, organizer.cookie);
  await consolePage.goto(`${suite.app.baseUrl}/console/events/${april.id}/live`);
  const counts = consolePage.getByTestId('series-counts');
  await counts.getByText('Part of Monthly meetup').waitFor();
  await until(async () => (await counts.getByTestId('series-returning').textContent()) === '2', 'two returning');
  expect(await counts.getByTestId('series-known-pairs').textContent()).toBe('1');
  await counts.scrollIntoViewIfNeeded();
  await shot(consolePage, 'series-console-counts.png');

  // The owner's editor shows the event's series.
  await consolePage.goto(`${suite.app.baseUrl}/console/events/${april.id}`);
  const picker = consolePage.getByTestId('series-picker');
  await picker.getByLabel('This event belongs to').waitFor();
  expect(await picker.getByLabel('This event belongs to').inputValue()).toBe(series.id);
  expect(await seriousViolations(consolePage)).toEqual([]);
});
