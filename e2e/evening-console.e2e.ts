import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { asAttendee, join, signUp, type Organizer } from './support/api';
import { signIn } from './support/browser';
import { seriousViolations } from './support/axe';
import { openPhone } from './support/phones';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * The organizer console through a whole evening (issue 13): every page and state checked with axe,
 * the organizer's flow by keyboard alone, ended events kept as they were and duplicated, and the
 * live page of a 400-person room laid out so that nothing is 40,000 px down.
 */

const SHOTS = '/tmp/shots-console';
mkdirSync(SHOTS, { recursive: true });

const sockets: Socket[] = [];
const suite = appAndBrowser({ env: { JOIN_RATE_LIMIT: '5000', AUTH_RATE_LIMIT: '1000' }, phones: sockets });

const url = (path: string) => `${suite.app.baseUrl}${path}`;
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}/${name}`, fullPage });

/** axe over the page as it is now: no serious or critical violation. */
async function accessible(page: Page, state: string): Promise<void> {
  expect({ state, violations: await seriousViolations(page) }).toEqual({ state, violations: [] });
}

interface RoundGroup {
  spot: string;
  members: Array<{ id: string; name: string; company: string }>;
}
interface RoundState {
  round: { number: number; startedAt: number; endsAt: number; state: string } | null;
  groups: RoundGroup[];
}

/** `n` people joined through the API, each with a phone connected (only they are grouped). */
async function seat(joinCode: string, people: Array<{ name: string; company?: string; interests: string[] }>) {
  const joined: Array<{ id: string; token: string; name: string }> = [];
  for (let i = 0; i < people.length; i += 25) {
    const batch = await Promise.all(
      people.slice(i, i + 25).map(async (p) => {
        const j = await join(suite.app.baseUrl, joinCode, p);
        await openPhone(suite.app.baseUrl, j.token, sockets);
        return { id: j.me.id, token: j.token, name: p.name };
      }),
    );
    joined.push(...batch);
  }
  return joined;
}

/* ---------- keyboard ---------- */

/** What has the keyboard focus: its accessible text, as a person would hear it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const label =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      ((el as HTMLInputElement).labels?.[0]?.textContent || null) ??
      el.textContent ??
      '';
    return label.replace(/\s+/g, ' ').trim();
  });

/** Presses Tab until the focus is on something named `name` (a budget of presses, then it fails). */
async function tabTo(page: Page, name: RegExp, budget = 200): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < budget; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (name.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${name}; passed: ${seen.slice(-30).join(' | ')}`);
}

const PEOPLE = [
  { name: 'Ana Lopez', company: 'Acme', interests: ['AI', 'Climate'] },
  { name: 'Raj Patel', company: 'Globex', interests: ['AI', 'Design'] },
  { name: 'Mei Chen', company: 'Initech', interests: ['Climate', 'Design'] },
  { name: 'Tom Berg', company: 'Umbrella', interests: ['AI'] },
  { name: 'Zoë Adams', company: 'Hooli', interests: ['Design'] },
  { name: 'Ken Ito', company: 'Stark', interests: ['Climate'] },
  { name: 'Eva Novak', company: 'Wayne', interests: ['AI', 'Climate'] },
  { name: 'Sam Okoro', company: 'Tyrell', interests: ['Design', 'AI'] },
];

test('signed out: log in and sign up pass axe', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url('/console/login'));
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await accessible(page, 'log in');
  await page.goto(url('/console/signup'));
  await page.getByLabel('Your name').waitFor();
  await accessible(page, 'sign up');
  // A sign-up refused inline is still clean.
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Password').press('Enter');
  await page.getByText('Password must be at least 10 characters').waitFor();
  await accessible(page, 'sign up with an error');
});

test('by keyboard alone: sign in, create, open, start, extend, end — axe clean at every step, connections live', async () => {
  const organizer = await signUp(suite.app.baseUrl, 'Kim Keyboard');
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });

  await page.goto(url('/console/login'));
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await tabTo(page, /^Email$/);
  await page.keyboard.type(organizer.email);
  await tabTo(page, /^Password/);
  await page.keyboard.type(organizer.password);
  await page.keyboard.press('Enter');
  await page.getByText('No events yet — create your first').waitFor();
  await accessible(page, 'events list, empty');

  await tabTo(page, /^New event$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/console/events/new');
  await page.getByLabel('Event name').waitFor();
  await accessible(page, 'new event');

  // The empty form: one message per cause (a name, two tags), none about the limit on picks.
  await tabTo(page, /^Event name$/);
  await page.keyboard.press('Enter');
  const shownErrors = page.locator('.field-error--shown');
  await until(async () => (await shownErrors.count()) === 2, 'two messages show');
  expect((await shownErrors.allTextContents()).map((t) => t.trim()).sort()).toEqual([
    'Add at least 2 interest tags',
    'Name cannot be empty',
  ]);
  await accessible(page, 'editor with errors');
  await shot(page, 'editor-errors.png');
  // A message goes as soon as its field changes.
  await page.keyboard.type('Keyboard Night');
  await until(async () => (await shownErrors.count()) === 1, "the name's message goes on input");
  await tabTo(page, /^Interest tags/);
  for (const tag of ['AI', 'Climate', 'Design', 'Food', 'Music']) {
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
  }
  await until(async () => (await shownErrors.count()) === 0, "the tags' message goes once there are tags");
  await expect(page.locator('.banner--error').count()).resolves.toBe(0);
  await tabTo(page, /^Create event$/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/console\/events\/[0-9a-f-]{36}$/);
  const eventId = page.url().split('/').at(-1)!;

  await tabTo(page, /^Open joining$/);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Go live' }).waitFor();
  await tabTo(page, /^Open live view$/);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/console/events/${eventId}/live`);

  const event = await organizer.api<{ joinCode: string }>('GET', `/api/events/${eventId}`);
  const people = await seat(event.joinCode, PEOPLE);
  await page.getByTestId('online-count').filter({ hasText: /^8$/ }).waitFor();
  await accessible(page, 'live page, lobby');
  await shot(page, 'live-lobby-1280.png');

  await tabTo(page, /^Start round 1$/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Groups in round 1' }).waitFor();
  const before = (await organizer.api<RoundState>('GET', `/api/events/${eventId}/rounds`)).round!;
  await tabTo(page, /^\+1 min$/);
  await page.keyboard.press('Enter');
  await until(async () => {
    const r = (await organizer.api<RoundState>('GET', `/api/events/${eventId}/rounds`)).round!;
    return r.endsAt === before.endsAt + 60_000;
  }, 'the round is one minute longer');
  await accessible(page, 'live page, round running');

  // Two groupmates swap: the console's counts follow at once (news), not after a 30 s poll.
  const rounds = await organizer.api<RoundState>('GET', `/api/events/${eventId}/rounds`);
  const [first, second] = rounds.groups[0]!.members;
  const tokenOf = (id: string) => people.find((p) => p.id === id)!.token;
  await asAttendee(suite.app.baseUrl, tokenOf(first!.id), 'POST', `/api/me/people/${second!.id}/swap`, {});
  await asAttendee(suite.app.baseUrl, tokenOf(second!.id), 'POST', `/api/me/people/${first!.id}/swap`, {});
  const connections = page.getByRole('region', { name: 'Connections' });
  await connections.locator('.stat').filter({ hasText: 'Swaps asked' }).filter({ hasText: /2$/ }).waitFor({ timeout: 5000 });
  await connections.locator('.stat').filter({ hasText: 'Matches' }).filter({ hasText: /1$/ }).waitFor({ timeout: 5000 });
  await shot(page, 'live-round-1280.png', true);
  // On a phone-sized console nothing scrolls sideways either.
  await page.setViewportSize({ width: 360, height: 740 });

  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shot(page, 'live-round-360.png', true);
  await page.setViewportSize({ width: 1280, height: 800 });

  await tabTo(page, /^End event$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'End this event?' });
  await dialog.waitFor();
  await tabTo(page, /^End event$/);
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  await page.keyboard.press('Enter');
  await page.getByText('This event has ended: nobody can join and no more rounds start.').waitFor();
  await page.getByTestId('joining-closed').waitFor();
  expect(await page.getByAltText(/QR code/).count()).toBe(0);
  // Nothing left to start: no round or autopilot controls.
  await page.getByTestId('rounds-over').filter({ hasText: 'The event has ended after 1 round.' }).waitFor();
  expect(await page.getByRole('button', { name: /^Start/ }).count()).toBe(0);
  // A short round's length reads m:ss, not "1 min".
  const pastRow = page.getByRole('table', { name: 'Past rounds' }).locator('tbody tr').first();
  expect((await pastRow.locator('td').nth(2).textContent())!.trim()).toMatch(/^\d+:\d\d$/);
  await accessible(page, 'live page, ended');
  await shot(page, 'live-ended-1280.png');
});

test('an ended event stays as it was; "Duplicate event" makes a fresh draft, from the editor and from the list', async () => {
  const organizer = await signUp(suite.app.baseUrl, 'Dee Duplicate');
  const settings = {
    name: 'Spring Founders Night',
    interests: ['AI', 'Climate', 'Design'],
    venue: 'Hall 2',
    groupSize: 3,
    roundMinutes: 6,
    breakMinutes: 1,
    spotLabels: ['Oak', 'Elm', 'Ash'],
    timeZone: 'Europe/Berlin',
  };
  const ended = await organizer.openEvent(settings);
  await organizer.api('POST', `/api/events/${ended.id}/state`, { state: 'ended' });
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(context, suite.app.baseUrl, organizer.cookie);
  const page = await context.newPage();

  await page.goto(url(`/console/events/${ended.id}`));
  await page.getByTestId('ended-notice').waitFor();
  expect(await page.getByLabel('Event name').isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Regenerate', exact: true }).count()).toBe(0);
  expect(await page.getByAltText(/QR code/).count()).toBe(0);
  await page.getByTestId('joining-closed').waitFor();
  await accessible(page, 'editor, ended event');
  await shot(page, 'editor-ended.png', true);

  // The server refuses too: no edit, no new code.
  const edit = await fetch(url(`/api/events/${ended.id}`), {
    method: 'PATCH',
    headers: { cookie: organizer.cookie, 'x-mingle-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Changed' }),
  });
  expect(edit.status).toBe(409);

  await page.getByRole('button', { name: 'Duplicate event' }).click();
  await page.waitForURL((u) => /\/console\/events\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(ended.id));
  const copyId = page.url().split('/').at(-1)!;
  await page.getByText('Draft', { exact: true }).first().waitFor();
  expect(await page.getByLabel('Event name').inputValue()).toBe('Spring Founders Night');
  expect(await page.getByLabel('Event name').isDisabled()).toBe(false);
  expect(await page.getByLabel('Venue').inputValue()).toBe('Hall 2');
  expect(await page.getByLabel('Group size').inputValue()).toBe('3');
  const copy = await organizer.api<Record<string, unknown>>('GET', `/api/events/${copyId}`);
  expect(copy).toMatchObject({ ...settings, state: 'draft', startsAt: null });

  // From the list: each row has its own Duplicate button.
  await page.goto(url('/console'));
  const rows = page.locator('tbody tr');
  await until(async () => (await rows.count()) === 2, 'two events listed');
  await accessible(page, 'events list, full');
  await shot(page, 'events-list.png');
  await page.locator(`tr[data-event-id="${ended.id}"]`).getByRole('button', { name: 'Duplicate event: Spring Founders Night' }).click();
  await page.waitForURL((u) => /\/console\/events\/[0-9a-f-]{36}$/.test(u.pathname));
  await page.goto(url('/console'));
  await until(async () => (await rows.count()) === 3, 'three events listed after the second duplicate');

  await page.goto(url('/console/planner'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await accessible(page, 'planner');
});

/* ---------- a 400-person room ---------- */

const FIRST = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia'];
const LAST = ['Adeyemi', 'Bergström', 'Castillo', 'Dubois', 'Eriksen', 'Fujimoto', 'García', 'Horvath', 'Ivanova', 'Jensen'];
const LAST2 = ['Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka'];
const COMPANIES = [
  'International Business Machines Corporation',
  'Deutsche Telekom Innovation Laboratories',
  'Acme',
  'Norwegian University of Science and Technology',
  'Globex',
];

test('a 400-person room: the live page fits, finds a person, and shows their table', async () => {
  const organizer: Organizer = await signUp(suite.app.baseUrl, 'Big Room');
  const event = await organizer.openEvent({ name: 'Big Room Night', interests: ['AI', 'Climate', 'Design', 'Food'], groupSize: 4 });
  const people = Array.from({ length: 400 }, (_, i) => ({
    name: `${FIRST[i % 16]} ${LAST[Math.floor(i / 16) % 10]}-${LAST2[Math.floor(i / 160) % 10]}${i >= 320 ? ' II' : ''}`,
    company: COMPANIES[i % COMPANIES.length]!,
    interests: [['AI', 'Climate', 'Design', 'Food'][i % 4]!],
  }));
  expect(new Set(people.map((p) => p.name)).size).toBe(400);
  await seat(event.joinCode, people);
  await organizer.api('POST', `/api/events/${event.id}/rounds`, {});
  const rounds = await organizer.api<RoundState>('GET', `/api/events/${event.id}/rounds`);
  expect(rounds.groups.length).toBe(100);

  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(context, suite.app.baseUrl, organizer.cookie);
  const page = await context.newPage();
  await page.goto(url(`/console/events/${event.id}/live`));
  await page.getByTestId('online-count').filter({ hasText: /^400$/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name: 'Groups in round 1' }).waitFor();
  await until(async () => (await page.locator('#people-table tbody tr').count()) === 400, '400 rows');

  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    const layout = await page.evaluate(() => {
      const doc = document.documentElement;
      const wrap = document.querySelector('.people__scroll') as HTMLElement;
      const table = document.getElementById('people-table') as HTMLElement;
      const remove = document.querySelector('#people-table tbody tr button[aria-label^="Remove"]') as HTMLElement;
      return {
        pageHeight: doc.scrollHeight,
        sideways: doc.scrollWidth - doc.clientWidth,
        tableOverflow: table.scrollWidth - wrap.clientWidth,
        removeRight: remove.getBoundingClientRect().right,
        cutCompanies: [...document.querySelectorAll<HTMLElement>('.member__company')].filter((el) => el.scrollWidth > el.clientWidth + 1)
          .length,
      };
    });
    await shot(page, `live-400-${width}x${height}.png`);
    await shot(page, `live-400-${width}x${height}-full.png`, true);
    // 40,799 px at 400 before; now a few screens.
    expect(layout.pageHeight).toBeLessThan(6000);
    expect(layout.sideways).toBeLessThanOrEqual(0);
    expect(layout.tableOverflow).toBeLessThanOrEqual(0);
    expect(layout.removeRight).toBeLessThanOrEqual(width);
    expect(layout.cutCompanies).toBe(0);
  }

  // Find a person: where they sit now and with whom, as the round says.
  const group = rounds.groups[37]!;
  const who = group.members[0]!;
  await page.getByRole('link', { name: 'Find a person' }).click();
  await page.keyboard.type(who.name);
  const found = page.locator(`[data-finder-id="${who.id}"]`);
  await found.waitFor();
  expect(await found.locator('.finder__where').textContent()).toBe(group.spot);
  const withText = (await found.locator('.finder__with').textContent())!;
  for (const m of group.members.slice(1)) expect(withText).toContain(m.name);
  await shot(page, 'live-400-finder.png');

  // The attendee table names their table.
  const row = page.locator(`tr[data-attendee-id="${who.id}"]`);
  expect((await row.locator('.people__table').textContent())!.trim()).toBe(group.spot);

  // The group cards are compact and scroll in their own box; the cards keep full company names.
  const groups = page.getByRole('list', { name: 'Groups' });
  expect(await groups.evaluate((el) => el.classList.contains('groups--compact'))).toBe(true);
  expect(await page.getByRole('button', { name: 'Compact cards' }).getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('.member__company', { hasText: 'Norwegian University of Science and Technology' }).count()).toBeGreaterThan(0);
  await accessible(page, 'live page, 400 people in a round');

  // Moderation at scale: three scripted joins whose phones never connected go in one confirmation…
  for (const name of ['Bot One', 'Bot Two', 'Bot Three']) await join(suite.app.baseUrl, event.joinCode, { name, interests: ['AI'] });
  await page.getByTestId('joined-count').filter({ hasText: /^403$/ }).waitFor();
  await page.getByRole('button', { name: 'Remove everyone who never connected (3)' }).click();
  const never = page.getByRole('dialog', { name: 'Remove 3 people who never connected?' });
  await never.getByRole('button', { name: 'Remove' }).click();
  await page.getByTestId('joined-count').filter({ hasText: /^400$/ }).waitFor();
  // …and a selection of 80 (everyone shown by a search) in another.
  await page.getByLabel('Search attendees').fill(' II');
  await until(async () => (await page.locator('#people-table tbody tr').count()) === 80, '80 rows match " II"');
  await page.getByLabel('Select everyone shown').check();
  await page.getByRole('button', { name: 'Remove selected (80)' }).click();
  const selection = page.getByRole('dialog', { name: 'Remove 80 people?' });
  await selection.getByRole('button', { name: 'Remove' }).click();
  await page.getByTestId('joined-count').filter({ hasText: /^320$/ }).waitFor();
  const left = await organizer.api<Array<{ name: string }>>('GET', `/api/events/${event.id}/attendees`);
  expect(left).toHaveLength(320);
  expect(left.filter((a) => a.name.endsWith(' II'))).toEqual([]);
}, 300_000);
