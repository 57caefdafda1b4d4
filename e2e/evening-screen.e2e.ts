import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join as joinApi, signUp, type Organizer } from './support/api';
import { seriousViolations } from './support/axe';
import { signIn, watchedPage } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * The projector through a whole evening: lobby, a round (and its last minute), the moment to swap
 * between rounds, the end, a dead link; a 400-person board; the late-join corner read from the back.
 * Every state is checked with axe at 1280×720 and 1920×1080 and photographed up to 3840×2160.
 */

const phones: Socket[] = [];
const suite = appAndBrowser({ env: { JOIN_RATE_LIMIT: '10000' }, phones });
let organizer: Organizer;

const INTERESTS = ['AI', 'Climate', 'Design', 'Policy'];
const HD = { width: 1920, height: 1080 };
const SMALL = { width: 1280, height: 720 };
const UHD = { width: 3840, height: 2160 };
/** The board's list area at 1080p that the unit tests plan for (client/src/screen/board.ts). */
const BOARD_AREA_1080 = { width: 1150, height: 740 };

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Sam Screen');
});

async function join(code: string, name: string, interests: string[]): Promise<void> {
  const { token } = await joinApi(suite.app.baseUrl, code, { name, interests });
  await openPhone(suite.app.baseUrl, token, phones);
}

const onTestServer = (screenUrl: string) => {
  const u = new URL(screenUrl);
  return `${suite.app.baseUrl}${u.pathname}${u.search}`;
};

/** One screen per size, all on the same link. */
async function screens(url: string): Promise<{ small: Page; hd: Page; uhd: Page }> {
  const [small, hd, uhd] = await Promise.all([SMALL, HD, UHD].map((viewport) => suite.browser.newPage({ viewport })));
  await Promise.all([small, hd, uhd].map((p) => p!.goto(url)));
  return { small: small!, hd: hd!, uhd: uhd! };
}

/** Nothing scrolls or sticks out, no contact detail; axe finds nothing serious. */
async function assertClean(page: Page, what: string): Promise<void> {
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
  expect({ what, violations: await seriousViolations(page) }).toEqual({ what, violations: [] });
}

/** Waits for fades to finish, then photographs. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(5, 5);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.screenshot({ path: artifactPath(name) });
}

/**
 * Every size shows `ready`; 720p and 1080p pass the checks; all three are photographed. The sizes
 * wait for `ready` side by side, so a state that passes (a board page) is seen on each at once.
 */
async function everySize(pages: { small: Page; hd: Page; uhd: Page }, state: string, ready: (p: Page) => Promise<unknown>): Promise<void> {
  const sizes = [
    ['720', pages.small],
    ['1080', pages.hd],
    ['4k', pages.uhd],
  ] as const;
  await Promise.all(sizes.map(([, page]) => ready(page)));
  for (const [size, page] of sizes) {
    if (size !== '4k') await assertClean(page, `${state} at ${size}`);
    await shoot(page, `evening-screen-${state}-${size}.png`);
  }
}

/** The join corner is readable from the back at 1080p: a QR of at least 280 px, text of at least 40 px. */
async function assertCornerReadable(page: Page): Promise<void> {
  const corner = await page.evaluate(() => {
    const qr = document.querySelector('.corner__qr img')!.getBoundingClientRect();
    const text = document.querySelector('.corner__text')!;
    const sizes = [text, ...Array.from(text.querySelectorAll('strong'))].map((el) => parseFloat(getComputedStyle(el).fontSize));
    return { qrWidth: qr.width, qrHeight: qr.height, smallestText: Math.min(...sizes), text: (text as HTMLElement).innerText };
  });
  expect(corner.qrWidth).toBeGreaterThanOrEqual(280);
  expect(corner.qrHeight).toBeGreaterThanOrEqual(280);
  expect(corner.smallestText).toBeGreaterThanOrEqual(40);
  expect(corner.text).toMatch(/^Just arrived\? Join at/);
}

test('an evening on the screen: lobby, a round and its last minute, a moment to swap, the end', async () => {
  const event = await organizer.openEvent({ name: 'Climate Tech Night', interests: INTERESTS, groupSize: 3 });
  await Promise.all([
    join(event.joinCode, 'Ana Lopez', ['AI', 'Climate']),
    join(event.joinCode, 'Ana Lobo', ['Climate', 'Design']),
    join(event.joinCode, 'Ben Okafor', ['Climate', 'Policy']),
  ]);
  const pages = await screens(onTestServer(event.screenUrl));

  await everySize(pages, 'lobby', (p) => p.locator('.count__value', { hasText: /^3$/ }).waitFor());

  // Three rounds of one minute with five-minute breaks: round 1 starts at once, in its last minute.
  await organizer.api('PUT', `/api/events/${event.id}/autopilot`, { rounds: 3, roundMinutes: 1, breakMinutes: 5 });
  await everySize(pages, 'last-minute', async (p) => {
    await p.getByRole('heading', { name: 'Round 1' }).waitFor();
    await p.getByTestId('last-minute').waitFor();
  });
  const hd = pages.hd;
  expect(await hd.getByTestId('last-minute').textContent()).toBe('1 minute left');
  // The countdown turns from the calm accent to the warning colour.
  const timerColour = await hd.getByRole('timer').evaluate((el) => getComputedStyle(el).color);
  const accent = await hd.locator('.screen').evaluate((el) => getComputedStyle(el).getPropertyValue('--screen-warn').trim());
  expect(accent).toBe('#ffb454');
  expect(timerColour).toBe('rgb(255, 180, 84)');
  // Two Anas, told apart by as much of their last names as it takes.
  expect((await hd.locator('.spot__names li').allTextContents()).sort()).toEqual(['Ana Lob.', 'Ana Lop.', 'Ben O.']);
  await assertCornerReadable(hd);

  // The round ends: the screen asks people to swap, then says when the next round starts.
  await organizer.api('POST', `/api/events/${event.id}/rounds/current/end`);
  await everySize(pages, 'between', (p) => p.getByRole('heading', { name: 'Round 1 over — swap contacts now' }).waitFor());
  const next = (await hd.getByTestId('next-round').innerText()).replace(/\s+/g, ' ');
  expect(next).toMatch(/^Next round at \d{1,2}:\d{2}( [AP]M)? in [45]:\d{2}$/);
  expect(await hd.getByText('Scan to join, or go to').count()).toBe(0);
  await assertCornerReadable(hd);

  // The end: thanks, and no way to join any more.
  await organizer.api('DELETE', `/api/events/${event.id}/autopilot`).catch(() => undefined);
  await organizer.api('POST', `/api/events/${event.id}/state`, { state: 'ended' });
  await everySize(pages, 'ended', (p) => p.getByText('Thanks for coming!').waitFor());
  expect(await hd.getByRole('img', { name: /scan to join/i }).count()).toBe(0);
});

test('a dead screen link says so clearly, at every size', async () => {
  const event = await organizer.openEvent({ name: 'Wrong Key Night', interests: INTERESTS });
  const pages = await screens(`${suite.app.baseUrl}/screen/${event.id}?key=not-the-key`);
  await everySize(pages, 'dead-link', (p) => p.getByText('Screen link not valid').waitFor());
  expect(await pages.hd.getByText(event.joinCode).count()).toBe(0);
});

const FIRST =
  'Alexandria Ana Anastasia Ben Bo Carmen Chloé Dmitri Elizabeth Esther Femi Giulia Hana Hiroshi Ines Ivan Jonas Kwame Lena Lucía Mateo Mohammed Nia Omar Priya Quinn Rosa Sven Tomás Wei Yara Zoe'.split(
    ' ',
  );
const LAST =
  'Whitaker Ng Olsen Papadopoulos Chen Cheng Chan Smith Smythe Garcia Garza Okafor Lindqvist Nguyen Schmidt Kowalski Haddad Ivanova Rossi Tanaka Mensah Dubois Silva Müller Kim Park Singh Patel Novak Jensen'.split(
    ' ',
  );

test('400 people: every name on the board within 20 s, whole and told apart, and the corner readable', async () => {
  const event = await organizer.openEvent({ name: 'Big Room Night', interests: INTERESTS, groupSize: 4 });
  // 400 different people: 32 first names, each with 13 different last names (many shared first and last names).
  const people = Array.from(
    { length: 400 },
    (_, i) => `${FIRST[i % FIRST.length]} ${LAST[(Math.floor(i / FIRST.length) + (i % FIRST.length)) % LAST.length]}`,
  );
  expect(new Set(people).size).toBe(400);
  for (let i = 0; i < people.length; i += 50) {
    await Promise.all(people.slice(i, i + 50).map((name, k) => join(event.joinCode, name, [INTERESTS[(i + k) % INTERESTS.length]!])));
  }
  await organizer.api('POST', `/api/events/${event.id}/rounds`, { minutes: 8 });
  const pages = await screens(onTestServer(event.screenUrl));

  await everySize(pages, 'board-400', async (p) => {
    await p.getByRole('heading', { name: 'Round 1' }).waitFor();
    await p.getByText(/^Page 1 of \d+$/).waitFor();
  });
  const hd = pages.hd;
  // The full cycle: at most 4 pages of 5 s.
  const pageCount = Number((await hd.getByText(/^Page \d+ of \d+$/).textContent())!.match(/of (\d+)/)![1]);
  expect(pageCount).toBeLessThanOrEqual(4);
  // The area the unit tests plan for is there at 1080p.
  const area = await hd.locator('.board__area').boundingBox();
  expect(area!.width).toBeGreaterThanOrEqual(BOARD_AREA_1080.width);
  expect(area!.height).toBeGreaterThanOrEqual(BOARD_AREA_1080.height);
  // The letter range of the page in huge type.
  const letters = hd.getByTestId('page-letters');
  expect(await letters.textContent()).toMatch(/^[A-Z]/);
  expect(await letters.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(80);
  await assertCornerReadable(hd);

  // Go through the whole cycle: every name appears once, none is cut, each names one person.
  const seen = new Map<string, string>();
  const read = new Set<number>();
  const cut: string[] = [];
  const log: string[] = [];
  await until(
    async () => {
      const now = await hd.evaluate(() => ({
        // The page the names on show belong to (the label may turn a moment before the names fade).
        label: `Page ${document.querySelector<HTMLElement>('.list')?.dataset.page ?? '?'} of`,
        still: document.getAnimations().length === 0 && document.querySelectorAll('.list').length === 1,
        rows: Array.from(document.querySelectorAll('.row')).map((el) => {
          const name = el.querySelector<HTMLElement>('.row__name')!;
          const spot = el.querySelector<HTMLElement>('.row__spot')!;
          const cut = name.scrollWidth > name.clientWidth + 1 || spot.scrollWidth > spot.clientWidth + 1;
          return { name: name.innerText, spot: spot.innerText, cut };
        }),
      }));
      const n = Number(now.label.match(/^Page (\d+) of/)?.[1]);
      log.push(`${now.label} still=${now.still} rows=${now.rows.length} first=${now.rows[0]?.name}`);
      if (now.still && n && !read.has(n)) {
        read.add(n);
        for (const r of now.rows) {
          if (r.cut || r.name.endsWith('…')) cut.push(r.name);
          seen.set(`${r.name}|${r.spot}`, r.name);
        }
      }
      return read.size === pageCount;
    },
    'every page of the board has been read',
    30_000,
  );
  expect(cut).toEqual([]);
  expect({ seen: seen.size, log: seen.size === 400 ? [] : [...new Set(log)] }).toEqual({ seen: 400, log: [] });
  // Different people have different board names unless their full names are the same.
  expect(new Set(seen.values()).size).toBe(400);
  // Readable: the names are as large as the cycle allows, never tiny.
  const namePx = await hd
    .locator('.row__name')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(namePx).toBeGreaterThanOrEqual(16);
});

test('names the room should not see: flagged in the console, hidden and renamed from it, gone from the screen', async () => {
  const event = await organizer.openEvent({ name: 'Moderated Night', interests: INTERESTS, groupSize: 3 });
  await organizer.api('PATCH', `/api/events/${event.id}`, { screenBlockedWords: ['McBoatface'] });
  await Promise.all(
    ['Ana Lopez', 'Ben Okafor', 'Sh1t Happens', 'Boaty McBoatface', 'Chloé Martin', 'Dev Patel'].map((name, i) =>
      join(event.joinCode, name, [INTERESTS[i % INTERESTS.length]!]),
    ),
  );
  await organizer.api('POST', `/api/events/${event.id}/rounds`, { minutes: 8 });
  const screen = await suite.browser.newPage({ viewport: HD });
  await screen.goto(onTestServer(event.screenUrl));
  const boardNames = async () => (await screen.locator('.spot__names li').allTextContents()).sort();
  await until(async () => (await boardNames()).length === 4, 'the board shows the four acceptable names', 10_000);
  expect(await boardNames()).toEqual(['Ana L.', 'Ben O.', 'Chloé M.', 'Dev P.']);

  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(context, suite.app.baseUrl, organizer.cookie);
  const console_ = await watchedPage(context);
  await console_.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  const table = console_.locator('#people-table');
  await table.waitFor();
  // Flagged: the built-in word (leetspeak) and the event's own word.
  const row = (name: string) => table.locator('tr', { has: console_.getByText(name, { exact: true }) });
  await row('Sh1t Happens').getByText('Kept off the screen: “shit”').waitFor();
  await row('Boaty McBoatface').getByText('Kept off the screen: “mcboatface”').waitFor();

  // Hide Ben from the screen with the keyboard.
  await row('Ben Okafor').getByRole('button', { name: 'Hide from screen: Ben Okafor' }).focus();
  await console_.keyboard.press('Enter');
  await row('Ben Okafor').getByText('Hidden from the screen').waitFor();
  await until(async () => !(await boardNames()).includes('Ben O.'), 'Ben is gone from the screen', 10_000);

  // Rename the offensive name: the flag goes, and the new name appears on the screen.
  await row('Sh1t Happens').getByRole('button', { name: 'Rename Sh1t Happens' }).click();
  const input = console_.getByLabel('New name for Sh1t Happens');
  await input.fill('Sam Happens');
  await input.press('Enter');
  await row('Sam Happens').waitFor();
  expect(
    await row('Sam Happens')
      .getByText(/Kept off the screen/)
      .count(),
  ).toBe(0);
  await until(async () => (await boardNames()).includes('Sam H.'), 'the new name is on the screen', 10_000);
  expect(await boardNames()).toEqual(['Ana L.', 'Chloé M.', 'Dev P.', 'Sam H.']);
  expect(await screen.locator('body').innerText()).not.toMatch(/Sh1t|Boaty|Okafor/);

  await console_
    .locator('section[aria-labelledby="sec-attendees"]')
    .screenshot({ path: artifactPath('evening-screen-console-moderation.png') });
  await shoot(screen, 'evening-screen-moderated-1080.png');
  // What this test added to the console (flag, hide/show, rename) passes axe; the rest of the page is the console's own tests'.
  const mine = /moderation|people__flag|rename|on screen|from screen/i;
  expect((await seriousViolations(console_)).filter((v) => mine.test(v))).toEqual([]);
});
