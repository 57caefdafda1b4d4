import { copyFileSync, mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join, signUp, type Joined, type Organizer, type OrganizerEvent } from './support/api';
import { seriousViolations } from './support/axe';
import { signIn } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * The whole evening on an attendee's phone (issue #13): a round start that reaches a pocket (buzz,
 * chime, tab title, wake lock, a banner after a sleep), "1 minute left", a moment to swap after the
 * round, "in common" said to the reader, a groupmate whose phone drops, the Room view, dark mode,
 * and every phone page checked with axe (light and dark) and at 200% zoom at 360 px.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
let organizer: Organizer;
const SHOTS = '/tmp/shots-phone';

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Ada');
  mkdirSync(SHOTS, { recursive: true });
});

const url = (path: string) => `${suite.app.baseUrl}${path}`;

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage });
  copyFileSync(artifactPath(name), `${SHOTS}/${name}`);
}

async function axeClean(page: Page, where: string): Promise<void> {
  expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });
}

/**
 * Headless Chromium has no vibration motor and no wake lock: record the calls. The page's
 * visibility and clock can be set by the test (a phone in a pocket, a clock moved on).
 */
const STUBS = () => {
  const w = window as unknown as Record<string, unknown>;
  w.__buzz = [];
  w.__locks = 0;
  w.__hidden = false;
  w.__skew = 0;
  const sentinels: Array<{ released: boolean }> = [];
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: number | number[]) => {
      (w.__buzz as unknown[]).push(pattern);
      return true;
    },
  });
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: async () => {
        w.__locks = (w.__locks as number) + 1;
        const s = { released: false, release: async () => void (s.released = true) };
        sentinels.push(s);
        return s;
      },
    },
  });
  Object.defineProperty(Document.prototype, 'visibilityState', {
    configurable: true,
    get: () => (w.__hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => !!w.__hidden });
  // The browser lets wake locks go when the tab is hidden.
  document.addEventListener('visibilitychange', () => {
    if (w.__hidden) for (const s of sentinels) s.released = true;
  });
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + (w.__skew as number);
};

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    (window as unknown as Record<string, unknown>).__hidden = h;
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const peek = <T>(page: Page, name: string) => page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name) as Promise<T>;

interface Evening {
  event: OrganizerEvent;
  eve: Page;
  dev: Page;
  eveJoined: Joined;
  storage: BrowserContextOptions['storageState'];
}
let evening: Evening | null = null;

const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function phoneOf(event: OrganizerEvent, joined: Joined, name: string, extra: BrowserContextOptions = {}): Promise<Page> {
  const stored = { [event.id]: { eventId: event.id, token: joined.token, code: event.joinCode, eventName: name } };
  const storageState = {
    cookies: [],
    origins: [
      {
        origin: suite.app.baseUrl,
        localStorage: [
          { name: 'mingle.phone.joins', value: JSON.stringify(stored) },
          { name: 'mingle.phone.last', value: event.id },
        ],
      },
    ],
  };
  const page = await suite.browser.newPage({ ...PHONE, storageState, ...extra });
  await page.addInitScript(STUBS);
  await page.goto(url(`/e/${event.id}`));
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
  return page;
}

test("the evening on Eve's phone: cues, a moment to swap, in common, a dropped groupmate, the room", async () => {
  const event = await organizer.openEvent({
    name: 'Thursday Founders & Friends Evening at the Old Library',
    interests: ['AI', 'Climate', 'Design', 'Food'],
    maxInterests: 3,
    groupSize: 3,
    roundMinutes: 8,
    spotLabels: [],
  });
  const eveJoined = await join(suite.app.baseUrl, event.joinCode, { name: 'Eve Novak', interests: ['AI', 'Climate'] });
  const devJoined = await join(suite.app.baseUrl, event.joinCode, { name: 'Dev Okafor', interests: ['Climate', 'AI'] });
  const ana = await join(suite.app.baseUrl, event.joinCode, {
    name: 'Ana Lima',
    interests: ['AI', 'Design', 'Food'],
    card: { email: 'ana@example.com' },
  });
  sockets.push(await openPhone(suite.app.baseUrl, ana.token, sockets));
  const eve = await phoneOf(event, eveJoined, 'Eve');
  const dev = await phoneOf(event, devJoined, 'Dev');

  const console_ = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(console_.context(), suite.app.baseUrl, organizer.cookie);
  await console_.goto(url(`/console/events/${event.id}/live`));
  await console_.getByTestId('joined-count').filter({ hasText: '3' }).waitFor();

  // Lobby: the chime is off until one tap turns it on.
  const chime = eve.getByTestId('chime-toggle');
  expect(await chime.getAttribute('aria-pressed')).toBe('false');
  await chime.click();
  await until(async () => (await chime.getAttribute('aria-pressed')) === 'true', 'the chime is on');
  expect(await eve.evaluate(() => localStorage.getItem('mingle.chime'))).toBe('on');
  await axeClean(eve, 'lobby (light)');
  await shot(eve, 'evening-phone-lobby.png');
  await eve.emulateMedia({ colorScheme: 'dark' });
  await axeClean(eve, 'lobby (dark)');
  await shot(eve, 'evening-phone-lobby-dark.png');
  await eve.emulateMedia({ colorScheme: 'light' });

  // Eve's phone goes into her pocket; the autopilot starts round 1 (8 min, then a 5 min break).
  await setHidden(eve, true);
  const titleBefore = await eve.title();
  await organizer.api('PUT', `/api/events/${event.id}/autopilot`, { rounds: 3, roundMinutes: 8, breakMinutes: 5 });
  await until(async () => /^● Table \d+ — Round 1$/.test(await eve.title()), 'the tab title flashes the spot and round');
  await until(async () => (await peek<unknown[]>(eve, '__buzz')).some((p) => JSON.stringify(p) === '[200,100,200]'), 'Eve buzzes');
  await setHidden(eve, false);
  await until(async () => (await eve.title()) === titleBefore, 'the title is itself again once looked at');
  // The event is live: the screen is kept awake, and asked again after the tab was hidden (which lets it go).
  await until(async () => (await peek<number>(eve, '__locks')) === 1, 'the screen is kept awake while live');
  await setHidden(eve, true);
  await setHidden(eve, false);
  await until(async () => (await peek<number>(eve, '__locks')) === 2, 'the wake lock is asked for again');
  await eve
    .getByTestId('round-cue')
    .filter({ hasText: /^Round 1 started — go to Table \d+/ })
    .waitFor();

  // In common, said to Eve: per groupmate, and for the group only what everyone shares.
  await eve.getByText('You and Dev both like Climate and AI').waitFor();
  await eve.getByText('You and Ana both like AI').waitFor();
  await eve.getByText('You all like AI', { exact: true }).waitFor();
  expect(await eve.locator('.like').textContent()).not.toMatch(/Design|Food|Climate/);
  await axeClean(eve, 'in a round (light)');
  await shot(eve, 'evening-phone-round.png');

  // "1 minute left": Eve's clock moves on to the last 30 seconds of the round.
  // From the seconds shown (not the minutes: "8:00" at the start would skew past the end).
  const left = await eve.evaluate(() => {
    const [m, s] = document.querySelector('.countdown__time')!.textContent!.split(':').map(Number);
    return m! * 60 + s!;
  });
  expect(left).toBeGreaterThanOrEqual(6 * 60);
  await eve.evaluate((ms) => ((window as unknown as Record<string, unknown>).__skew = ms), (left - 30) * 1000);
  await eve.getByTestId('round-cue').filter({ hasText: '1 minute left in this round' }).waitFor();
  expect((await peek<unknown[]>(eve, '__buzz')).filter((p) => p === 80)).toHaveLength(1);
  await shot(eve, 'evening-phone-minute-left.png', false);
  await eve.evaluate(() => ((window as unknown as Record<string, unknown>).__skew = 0));

  // Dev's phone drops: Eve's phone and the console's group card say so; it comes back, and so do they.
  await dev.context().setOffline(true);
  await eve.getByText('Dev is offline', { exact: true }).waitFor({ timeout: 15_000 });
  // Read out too, not only shown.
  await eve.locator('[aria-live]', { hasText: 'Dev is offline.' }).waitFor({ state: 'attached' });
  await console_.getByTestId('member-offline').first().waitFor({ timeout: 15_000 });
  expect(await console_.locator('.member', { has: console_.getByTestId('member-offline') }).textContent()).toContain('Dev Okafor');
  await shot(eve, 'evening-phone-mate-offline.png');
  await shot(console_, 'evening-console-member-offline.png');
  await dev.context().setOffline(false);
  await eve.getByText('Dev is offline', { exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
  await console_.getByTestId('member-offline').waitFor({ state: 'detached', timeout: 15_000 });

  // The Room view: the round, its countdown and "find my name", prefilled with Eve's first name.
  await eve.getByRole('link', { name: 'Room' }).click();
  await eve.getByRole('heading', { name: 'Round 1', level: 1 }).waitFor();
  await eve.locator('.board__row', { hasText: 'Eve N.' }).waitFor();
  await eve.getByLabel('Find my name').fill('dev');
  await eve.locator('.board__row', { hasText: 'Dev O.' }).waitFor();
  expect(await eve.locator('main').textContent()).not.toContain('Okafor');
  await axeClean(eve, 'room view (light)');
  await shot(eve, 'evening-phone-room.png');
  await eve.getByRole('link', { name: 'Now' }).click();

  // The round ends: the group stays, with its Swap buttons, and the break says when round 2 starts.
  await organizer.api('POST', `/api/events/${event.id}/rounds/current/end`);
  await eve.getByRole('heading', { name: 'Round over — swap contacts before you go' }).waitFor();
  await eve
    .getByTestId('next-round')
    .filter({ hasText: /Next round starts in\s*[45]:\d\d/ })
    .waitFor();
  expect(await eve.getByRole('button', { name: 'Swap contacts' }).count()).toBe(2);
  expect(await eve.getByTestId('round-cue').count()).toBe(0);
  await eve.locator('.mate', { hasText: 'Dev Okafor' }).getByRole('button', { name: 'Swap contacts' }).click();
  await eve
    .locator('.mate', { hasText: 'Dev Okafor' })
    .getByRole('button', { name: /Swap asked/ })
    .waitFor();
  await axeClean(eve, 'round over (light)');
  await shot(eve, 'evening-phone-round-over.png');
  await eve.emulateMedia({ colorScheme: 'dark' });
  await axeClean(eve, 'round over (dark)');
  await shot(eve, 'evening-phone-round-over-dark.png');
  await eve.emulateMedia({ colorScheme: 'light' });

  // Eve's phone sleeps (its socket drops) through the start of round 2, then wakes: round 2 at once.
  await eve.context().setOffline(true);
  await eve.getByText(/Offline — reconnecting…|Reconnecting…/).waitFor();
  await eve.evaluate(() => window.scrollTo(0, 0));
  await shot(eve, 'evening-phone-offline-pill.png', false);
  const pill = await eve.locator('.pill').boundingBox();
  const name = await eve.locator('.shell__event').boundingBox();
  // The pill never covers the event's name.
  expect(pill!.y >= name!.y + name!.height || pill!.x >= name!.x + name!.width).toBe(true);
  await organizer.api('POST', `/api/events/${event.id}/rounds`, {});
  await eve.context().setOffline(false);
  await eve
    .getByTestId('round-cue')
    .filter({ hasText: /^Round 2 started — go to Table \d+/ })
    .waitFor();
  await eve.getByRole('heading', { name: /^Table \d+$/ }).waitFor();
  await shot(eve, 'evening-phone-woke-round2.png', false);

  // Dark mode follows the phone's setting.
  await eve.emulateMedia({ colorScheme: 'dark' });
  const bg = await eve.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(15, 20, 27)');
  await axeClean(eve, 'in a round (dark)');
  await shot(eve, 'evening-phone-round-dark.png');
  await eve.getByRole('link', { name: 'Room' }).click();
  await eve.locator('.board__row').first().waitFor();
  await axeClean(eve, 'room view (dark)');
  await shot(eve, 'evening-phone-room-dark.png');
  await eve.emulateMedia({ colorScheme: 'light' });

  evening = { event, eve, dev, eveJoined, storage: await eve.context().storageState() };
});

/**
 * Every phone page, each visited in its state: the join pages on a phone that has not joined, the
 * event's pages on Eve's phone (round 2 running).
 */
async function everyPhonePage(options: BrowserContextOptions, visit: (page: Page, state: string) => Promise<void>): Promise<void> {
  const { event, storage } = evening!;
  const fresh = await suite.browser.newPage(options);
  await fresh.goto(url('/join'));
  await fresh.getByLabel('Event code').waitFor();
  await visit(fresh, 'join by code');
  await fresh.goto(url(`/j/${event.joinCode}`));
  await fresh.getByLabel('Your name').waitFor();
  await visit(fresh, 'join form');
  await fresh.context().close();

  const page = await suite.browser.newPage({ ...options, storageState: storage });
  const at = (state: string) => visit(page, state);
  await page.goto(url(`/e/${event.id}`));
  await page.getByRole('heading', { name: /^Table \d+$/ }).waitFor();
  await at('now, in a round');
  await page.getByRole('link', { name: 'Room' }).click();
  await page.getByLabel('Find my name').waitFor();
  await at('room view');
  await page.getByRole('link', { name: 'People I met' }).click();
  await page.getByRole('heading', { name: 'Dev Okafor' }).waitFor();
  await at('people I met');
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Your name').waitFor();
  await at('profile');
}

test('every phone page: no serious or critical axe violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await everyPhonePage({ ...PHONE, colorScheme }, async (page, state) => {
      await axeClean(page, `${state} (${colorScheme})`);
      if (colorScheme === 'dark') await shot(page, `evening-phone-dark-${state.replace(/\W+/g, '-')}.png`);
    });
  }
});

test('every phone page at 200% zoom at 360 px: no sideways scrolling', async () => {
  // 360 px at twice the size: 180 CSS pixels wide.
  await everyPhonePage({ ...PHONE, viewport: { width: 180, height: 390 }, deviceScaleFactor: 4 }, async (page, state) => {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      client: document.scrollingElement!.clientWidth,
    }));
    expect({ state, scroll }).toEqual({ state, scroll: Math.min(scroll, client) });
    await shot(page, `evening-phone-zoom-${state.replace(/\W+/g, '-')}.png`);
  });
});
