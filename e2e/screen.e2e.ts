import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join as joinApi, signUp, type Organizer, type OrganizerEvent } from './support/api';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/** The projector screen: lobby, live count and cloud, a round with its board, dead links. */

const phones: Socket[] = [];
const suite = appAndBrowser({ env: { JOIN_RATE_LIMIT: '1000' }, phones });
let organizer: Organizer;

const INTERESTS = ['AI', 'Climate', 'Design', 'Policy', 'Hardware', 'Investing'];

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Sam Screen');
});

const createOpenEvent = (name: string, extra: Record<string, unknown> = {}) =>
  organizer.openEvent({ name, interests: INTERESTS, ...extra });
const startRound = (event: OrganizerEvent) => organizer.api('POST', `/api/events/${event.id}/rounds`, {});

/** Joins and opens the phone (only people whose phone connected are grouped). */
async function join(code: string, name: string, interests: string[]): Promise<void> {
  const { token } = await joinApi(suite.app.baseUrl, code, { name, interests, card: { email: 'x@y.example' } });
  await openPhone(suite.app.baseUrl, token, phones);
}

/** The server's public URL may name another host; keep its path and query on the test server. */
const onTestServer = (screenUrl: string) => {
  const u = new URL(screenUrl);
  return `${suite.app.baseUrl}${u.pathname}${u.search}`;
};

const newPage = (viewport: { width: number; height: number }) => suite.browser.newPage({ viewport });

/** Nothing scrolls, nothing sticks out of the viewport, no contact detail anywhere. */
async function assertStageSafe(page: Page): Promise<void> {
  const m = await page.evaluate(() => {
    const de = document.documentElement;
    const outside = Array.from(document.querySelectorAll<HTMLElement>('.screen *'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) return false;
        return r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollH: de.scrollHeight, scrollW: de.scrollWidth, h: innerHeight, w: innerWidth, text: document.body.innerText, outside };
  });
  expect(m.scrollH).toBeLessThanOrEqual(m.h);
  expect(m.scrollW).toBeLessThanOrEqual(m.w);
  expect(m.outside).toEqual([]);
  expect(m.text).not.toContain('@');
}

/** An open event with Ana, Ben and Chloé (phones on), its lobby on a 1080p screen. */
async function lobbyOfThree(): Promise<{ event: OrganizerEvent; screen: Page }> {
  const event = await createOpenEvent('Climate Tech Night', { groupSize: 3 });
  await Promise.all([
    join(event.joinCode, 'Ana Lopez', ['AI', 'Climate']),
    join(event.joinCode, 'Ben Okafor', ['Climate', 'Design']),
    join(event.joinCode, 'Chloé Martin', ['Climate', 'Policy']),
  ]);
  const screen = await newPage({ width: 1920, height: 1080 });
  await screen.goto(onTestServer(event.screenUrl));
  await screen.locator('.count__value', { hasText: /^3$/ }).waitFor();
  return { event, screen };
}

test('the lobby shows the event, a QR code, the join code, and live numbers without reload', async () => {
  const event = await createOpenEvent('Climate Tech Night', { groupSize: 3 });
  const screen = await newPage({ width: 1920, height: 1080 });
  await screen.goto(onTestServer(event.screenUrl));

  await screen.getByRole('heading', { name: 'Climate Tech Night', level: 1 }).waitFor();
  const qr = screen.getByRole('img', { name: /scan to join/i });
  await qr.waitFor();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await screen.getByText(event.joinCode, { exact: true }).waitFor();
  await screen.getByText(`${new URL(event.joinUrl).host}/join`).waitFor();
  await screen.getByText('Joining is open').waitFor();
  expect((await screen.locator('.count__value').textContent())?.trim()).toBe('0');

  await screen.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await join(event.joinCode, 'Ana Lopez', ['AI', 'Climate']);
  await join(event.joinCode, 'Ben Okafor', ['Climate', 'Design']);
  await join(event.joinCode, 'Chloé Martin', ['Climate', 'Policy']);

  await screen.locator('.count__value', { hasText: /^3$/ }).waitFor();
  const climate = screen.locator('.cloud__tag', { hasText: 'Climate' });
  await climate.locator('.cloud__count', { hasText: '3' }).waitFor();
  expect(await climate.innerText()).toMatch(/Climate\s*:?\s*3/);
  expect(await screen.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

  await assertStageSafe(screen);
  await screen.mouse.move(5, 5);
  await screen.screenshot({ path: artifactPath('screen-lobby-1080.png') });

  const small = await newPage({ width: 1280, height: 720 });
  await small.goto(onTestServer(event.screenUrl));
  await small.locator('.count__value', { hasText: /^3$/ }).waitFor();
  await small.getByRole('img', { name: /scan to join/i }).waitFor();
  await assertStageSafe(small);
  await small.screenshot({ path: artifactPath('screen-lobby-720.png') });
});

test('a round shows its number, a countdown and the board, alphabetical', async () => {
  const { event, screen } = await lobbyOfThree();
  await startRound(event);
  await screen.getByRole('heading', { name: 'Round 1' }).waitFor();
  const timer = screen.getByRole('timer');
  await timer.waitFor();
  expect((await timer.textContent())?.trim()).toMatch(/^\d{1,2}:\d{2}$/);

  await screen.getByRole('heading', { name: 'Find your table' }).waitFor();
  const names = screen.locator('.spot__names li');
  await names.nth(2).waitFor();
  expect(await names.count()).toBe(3);
  expect((await names.allTextContents()).sort()).toEqual(['Ana L.', 'Ben O.', 'Chloé M.']);
  // The corner QR and code stay for latecomers.
  await screen.getByRole('img', { name: /scan to join/i }).waitFor();
  await screen.getByText(event.joinCode, { exact: true }).waitFor();

  await assertStageSafe(screen);
  await screen.screenshot({ path: artifactPath('screen-round-1080.png') });

  const small = await newPage({ width: 1280, height: 720 });
  await small.goto(onTestServer(event.screenUrl));
  await small.getByRole('heading', { name: 'Round 1' }).waitFor();
  await small.locator('.spot__names li').nth(2).waitFor();
  expect(await small.locator('.spot__names li').count()).toBe(3);
  await assertStageSafe(small);
  await small.screenshot({ path: artifactPath('screen-round-720.png') });
});

test('a room of 30 gets a grid of spots that fits the screen', async () => {
  const mid = await createOpenEvent('Founders Breakfast', { groupSize: 4 });
  const first = ['Alexandria', 'Bo', 'Carmen', 'Dmitri', 'Esther', 'Femi', 'Giulia', 'Hiroshi', 'Ines', 'Jonas'];
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      join(mid.joinCode, `${first[i % 10]} ${['Whitaker', 'Ng', 'Olsen'][Math.floor(i / 10)]}`, [INTERESTS[i % INTERESTS.length]!]),
    ),
  );
  await startRound(mid);
  for (const viewport of [
    { width: 1920, height: 1080, shot: 'screen-round-grid-1080.png' },
    { width: 1280, height: 720, shot: 'screen-round-grid-720.png' },
  ]) {
    const page = await newPage(viewport);
    await page.goto(onTestServer(mid.screenUrl));
    await page.getByRole('heading', { name: 'Round 1' }).waitFor();
    await page.locator('.spot__names li').nth(29).waitFor();
    await assertStageSafe(page);
    await page.screenshot({ path: artifactPath(viewport.shot) });
  }
});

test('a large room gets an alphabetical list that turns its own pages', async () => {
  const big = await createOpenEvent('Big Meetup', { groupSize: 4 });
  const first = [
    'Ana',
    'Ben',
    'Chloé',
    'Dev',
    'Eli',
    'Fatima',
    'Gus',
    'Hana',
    'Ivan',
    'Jade',
    'Kofi',
    'Lena',
    'Mateo',
    'Nia',
    'Omar',
    'Priya',
    'Quinn',
    'Rosa',
    'Sven',
    'Tomás',
    'Uma',
    'Vik',
    'Wen',
    'Xavi',
    'Yara',
    'Zoe',
  ];
  const last = ['Lopez', 'Okafor', 'Martin', 'Nguyen', 'Schmidt'];
  const people: string[] = [];
  for (let i = 0; people.length < 130; i++) people.push(`${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}`);
  await Promise.all(
    people.map((name, i) => join(big.joinCode, name, [INTERESTS[i % INTERESTS.length]!, INTERESTS[(i + 2) % INTERESTS.length]!])),
  );
  await startRound(big);

  const page = await newPage({ width: 1920, height: 1080 });
  await page.goto(onTestServer(big.screenUrl));
  await page.getByRole('heading', { name: 'Round 1' }).waitFor();
  const pageLabel = page.getByText(/^Page 1 of \d+$/);
  await pageLabel.waitFor();
  const rows = page.locator('.row');
  expect(await rows.count()).toBeGreaterThan(20);
  const shown = await page.locator('.row__name').allTextContents();
  expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  await assertStageSafe(page);
  await page.screenshot({ path: artifactPath('screen-round-list-1080.png') });

  await page.getByText(/^Page 2 of \d+$/).waitFor({ timeout: 12_000 });
  await assertStageSafe(page);

  // After a resize the board measures itself again and fades to the new layout: wait for it to settle.
  await page.setViewportSize({ width: 1280, height: 720 });
  await until(
    async () => {
      await assertStageSafe(page);
      return true;
    },
    'the board has settled into the 720p layout',
    5000,
  );
  // Names big enough to read from the back of the room, even at 720p: the board trades size for a
  // full cycle of at most 20 s (client/src/screen/board.ts); 130 people get about 22 px at 720p (33 px at 1080p).
  const namePx = await page
    .locator('.row__name')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(namePx).toBeGreaterThanOrEqual(20);
  // The screenshot after the fade between layouts, not halfway through it.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.list')).every((el) => el.getAnimations().length === 0));
  await page.screenshot({ path: artifactPath('screen-round-list-720.png') });
});

test('a wrong key shows a clear invalid-link message', async () => {
  const event = await createOpenEvent('Wrong Key Night');
  const page = await newPage({ width: 1280, height: 720 });
  await page.goto(`${suite.app.baseUrl}/screen/${event.id}?key=not-the-key`);
  await page.getByText('This screen link is not valid (it may have been replaced). Open the new link from the console.').waitFor();
  expect(await page.getByText(event.joinCode).count()).toBe(0);
  await assertStageSafe(page);
});

test('a new screen key switches the open screen off', async () => {
  const { event, screen } = await lobbyOfThree();
  await startRound(event);
  await screen.getByRole('heading', { name: 'Round 1' }).waitFor();
  const fresh = await organizer.api<OrganizerEvent>('POST', `/api/events/${event.id}/screen-key`, {});
  await screen.getByText('This screen link was replaced. Open the new link from the console.').waitFor();
  expect(await screen.getByRole('timer').count()).toBe(0);

  // The new link works.
  const page = await newPage({ width: 1280, height: 720 });
  await page.goto(onTestServer(fresh.screenUrl));
  await page.getByRole('heading', { name: 'Round 1' }).waitFor();
});
