import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join as joinApi, signUp, type Organizer, type OrganizerEvent } from './support/api';
import { signIn, watchedPage } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
/** The organizer, signed in on the file's console profile; each test gets its own page there. */
let organizer: Organizer;
let console_: BrowserContext;
let page: Page;

const TAGS = ['AI', 'Climate', 'Design', 'Policy', 'Investing'];
const PEOPLE = [
  { name: 'Ana Lopez', company: 'Acme', headline: 'Founder', interests: ['AI', 'Climate'] },
  { name: 'Ben Ode', company: 'Beta Labs', headline: 'Engineer', interests: ['Design', 'AI'] },
  { name: 'Cleo Park', company: 'Acme', headline: 'Designer', interests: ['Design'] },
  { name: 'Dev Rao', company: 'Gamma', headline: 'Investor', interests: ['Investing', 'Climate'] },
  { name: 'Eli Stone', company: 'Delta', headline: 'Researcher', interests: ['Policy', 'Climate'] },
  { name: 'Fay Wu', company: 'Epsilon', headline: 'PM', interests: ['AI', 'Policy'] },
];
const emailOf = (person: { name: string }) => `${person.name.split(' ')[0]!.toLowerCase()}@example.com`;
const CONTACT_EMAILS = PEOPLE.map(emailOf);
const FOUNDERS_MIXER = {
  name: 'Founders Mixer',
  interests: TAGS,
  groupSize: 3,
  roundMinutes: 5,
  breakMinutes: 1,
  separateColleagues: true,
};

const url = (path: string) => `${suite.app.baseUrl}${path}`;

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Lin Organizer');
  console_ = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(console_, suite.app.baseUrl, organizer.cookie);
  await console_.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.baseUrl });
});

beforeEach(async () => {
  page = await watchedPage(console_);
});

afterEach(async () => {
  await page.close();
});

const join = (code: string, person: { name: string; interests: string[] }) =>
  joinApi(suite.app.baseUrl, code, { ...person, card: { email: emailOf(person) } });

/** An attendee's phone being online: a socket with the attendee token. */
const phone = (token: string) => openPhone(suite.app.baseUrl, token, sockets);

/** The Founders Mixer, open, with all six people joined and their phones online, on the live page. */
async function liveRoom(): Promise<OrganizerEvent> {
  const event = await organizer.openEvent(FOUNDERS_MIXER);
  await Promise.all(PEOPLE.map(async (person) => phone((await join(event.joinCode, person)).token)));
  await page.goto(url(`/console/events/${event.id}/live`));
  await page.getByTestId('online-count').filter({ hasText: /^6$/ }).waitFor();
  return event;
}

/** The people table shows `n` rows. */
const rowsShown = (n: number) => until(async () => (await page.locator('#people-table tbody tr').count()) === n, `${n} rows show`);

const countdownSeconds = async (): Promise<number> => {
  const text = (await page.getByTestId('round-countdown').textContent()) ?? '';
  const m = /^(\d+):(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`Not a countdown: "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
};

test('the live page: lobby fills up live, search, share links', async () => {
  // Its own name: the events list may hold other tests' Founders Mixers.
  const { id: eventId, joinCode } = await organizer.api<OrganizerEvent>('POST', '/api/events', {
    ...FOUNDERS_MIXER,
    name: 'Founders Lobby',
  });

  // From the events list to the live page.
  await page.goto(url('/console'));
  const row = page.getByRole('row', { name: /Founders Lobby/ });
  await row.getByRole('link', { name: 'Live view' }).click();
  await page.waitForURL(`**/console/events/${eventId}/live`);
  await page.getByRole('heading', { name: 'Founders Lobby', level: 1 }).waitFor();
  await page.getByText('Joining is closed').waitFor();

  // Open joining from the header.
  await page.getByRole('button', { name: 'Open joining' }).click();
  await page.locator('.live__head .badge').filter({ hasText: 'Open' }).waitFor();
  await page.getByText('Nobody has joined yet').waitFor();
  expect(await page.getByTestId('joined-count').textContent()).toBe('0');
  expect(await page.getByTestId('join-code').textContent()).toBe(joinCode);
  const qr = page.getByRole('img', { name: /QR code for/ });
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

  // Six people join through the API: the table and counts follow without a reload.
  const tokens: string[] = [];
  for (const person of PEOPLE) tokens.push((await join(joinCode, person)).token);
  await page.locator('#people-table tbody tr').nth(5).waitFor();
  await page.getByTestId('joined-count').filter({ hasText: /^6$/ }).waitFor();
  expect(await page.locator('#people-table tbody tr').count()).toBe(6);
  // Newest first, and never a contact detail anywhere on the page.
  expect(await page.locator('#people-table tbody tr').first().locator('.people__name').textContent()).toBe('Fay Wu');
  const html = await page.content();
  for (const email of CONTACT_EMAILS) expect(html).not.toContain(email);

  // Two phones come online.
  await phone(tokens[0]!);
  await phone(tokens[1]!);
  await page.getByTestId('online-count').filter({ hasText: /^2$/ }).waitFor();
  await page
    .getByRole('row', { name: /Ana Lopez/ })
    .getByText('Online')
    .waitFor();
  // The others joined but their phones never connected: not here, and the console says so.
  await page
    .getByRole('row', { name: /Cleo Park/ })
    .getByText('Never connected')
    .waitFor();
  await page.getByTestId('people-counts').filter({ hasText: '4 never connected' }).waitFor();
  for (const token of tokens.slice(2)) await phone(token);
  await page.getByTestId('online-count').filter({ hasText: /^6$/ }).waitFor();

  // Search by company, interest and name.
  const search = page.getByLabel('Search attendees');
  await search.fill('acme');
  await rowsShown(2);
  await page.getByTestId('people-counts').filter({ hasText: '2 of 6 shown' }).waitFor();
  await search.fill('policy');
  await rowsShown(2);
  await search.fill('ben');
  await rowsShown(1);
  await search.fill('nobody-like-this');
  await page.getByText('Nobody matches').waitFor();
  await search.fill('');
  await rowsShown(6);

  // Copy the screen link: the button says so.
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.getByRole('button', { name: 'Copied ✓' }).waitFor();
  const screenUrl = await page.locator('#screen-url').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(screenUrl);

  // Regenerating the screen secret asks first, then shows a new link.
  await page.getByRole('button', { name: 'Regenerate secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a new screen link?' });
  await dialog.getByText('Open screens will disconnect').waitFor();
  await dialog.getByRole('button', { name: 'Regenerate secret' }).click();
  await until(async () => (await page.locator('#screen-url').inputValue()) !== screenUrl, 'the screen link changes');

  await page.screenshot({ path: artifactPath('console-live-lobby.png'), fullPage: true });
});

test('rounds from the live page: start, extend, end, again, autopilot', async () => {
  const { id: eventId } = await liveRoom();
  const startButton = page.getByRole('button', { name: 'Start round 1' });
  await startButton.click();

  // Groups of 3 at spots, a countdown near 5:00.
  await page.getByRole('heading', { name: 'Groups in round 1' }).waitFor();
  await until(async () => (await page.locator('.group').count()) === 2, 'two groups show');
  const firstGroup = page.locator('.group').first();
  expect(await firstGroup.locator('.member').count()).toBe(3);
  await firstGroup
    .getByText(/not here yet/)
    .first()
    .waitFor();
  const before = await countdownSeconds();
  expect(before).toBeGreaterThan(4 * 60);
  expect(before).toBeLessThanOrEqual(5 * 60);
  await page.locator('.stat').filter({ hasText: 'People grouped' }).getByText('6').waitFor();
  await page.locator('.live__head .badge').filter({ hasText: 'Live' }).waitFor();

  // A round is running: starting another is not offered; extend by 2 minutes.
  await page.getByRole('button', { name: '+2 min' }).click();
  await until(async () => (await countdownSeconds()) > before + 100, 'the countdown is 2 minutes longer');
  await page.screenshot({ path: artifactPath('console-live-round.png'), fullPage: true });
  // Tablet: one column, the round controls first.
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.screenshot({ path: artifactPath('console-live-tablet.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // End now: the round goes to the past rounds table; start a second one.
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('button', { name: 'Start round 2' }).waitFor();
  await page.getByRole('table', { name: 'Past rounds' }).getByRole('row').nth(1).waitFor();
  await page.getByText('No round is running').waitFor();

  await page.getByLabel('Round length (minutes)').fill('3');
  await page.getByRole('button', { name: 'Start round 2' }).click();
  await page.getByRole('heading', { name: 'Groups in round 2' }).waitFor();
  expect(await countdownSeconds()).toBeLessThanOrEqual(180);
  await page.getByRole('button', { name: 'End now' }).click();
  await page.getByRole('button', { name: 'Start round 3' }).waitFor();
  await until(
    async () => (await page.getByRole('table', { name: 'Past rounds' }).locator('tbody tr').count()) === 2,
    'two past rounds show',
  );
  // The connection figures follow the rounds (counts only).
  await page.getByRole('table', { name: 'Matches per round' }).locator('tbody tr').nth(1).waitFor();

  // Autopilot: a bad value is caught inline, then two 1-minute rounds start by themselves.
  await page.getByLabel('Number of rounds').fill('0');
  await page.getByRole('button', { name: 'Start autopilot' }).click();
  await page.getByText('At least 1 round').waitFor();
  await page.getByLabel('Number of rounds').fill('2');
  await page.getByLabel('Round minutes').fill('1');
  await page.getByLabel('Break minutes').fill('1');
  await page.getByRole('button', { name: 'Start autopilot' }).click();
  await page.getByRole('heading', { name: 'Groups in round 3' }).waitFor();
  await page.locator('.pilot__status').filter({ hasText: '1 round left' }).waitFor();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.locator('.pilot__status').filter({ hasText: 'Paused' }).waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page
    .locator('.pilot__status')
    .filter({ hasText: /^\s*On ·/ })
    .waitFor();
  await page.getByRole('button', { name: 'End now' }).click();
  // After the round, the break counts down to the next one.
  await page.getByTestId('next-round').waitFor();
  expect(await page.getByTestId('next-round').textContent()).toMatch(/^[01]:\d\d$/);
  await page.getByRole('button', { name: 'Stop autopilot' }).click();
  await page.getByRole('button', { name: 'Start autopilot' }).waitFor();
  await page.getByRole('button', { name: 'Start round 4' }).waitFor();

  // A round started elsewhere (another organizer tab, the API) shows up here as news.
  await organizer.api('POST', `/api/events/${eventId}/rounds`, { minutes: 2 });
  await page.getByRole('heading', { name: 'Groups in round 4' }).waitFor();
  await organizer.api('POST', `/api/events/${eventId}/rounds/current/end`);
  await page.getByRole('button', { name: 'Start round 5' }).waitFor();
});

test('remove an attendee after confirming', async () => {
  await liveRoom();
  const row = page.getByRole('row', { name: /Eli Stone/ });
  await row.getByRole('button', { name: 'Remove Eli Stone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Eli Stone?' });
  await dialog.getByText('They will be disconnected and cannot rejoin with this link.').waitFor();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await row.waitFor({ state: 'detached' });
  await page.getByTestId('joined-count').filter({ hasText: /^5$/ }).waitFor();
  expect(await page.locator('#people-table tbody tr').count()).toBe(5);

  // Still gone after a reload (the snapshot agrees).
  await page.reload();
  await page.locator('#people-table tbody tr').nth(4).waitFor();
  expect(await page.locator('#people-table tbody tr').count()).toBe(5);
  expect(await page.getByRole('row', { name: /Eli Stone/ }).count()).toBe(0);

  // The CSV export has the table's columns and never a contact detail.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download attendees CSV' }).click(),
  ]);
  const path = await download.path();
  const csv = readFileSync(path, 'utf8') as string;
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(
    /^name,company,headline,interests,status,connected,offline since \(.+\),joined \(.+\)$/,
  );
  expect(csv).toContain('Ana Lopez,Acme,Founder,"AI; Climate",here,yes,');
  for (const email of CONTACT_EMAILS) expect(csv).not.toContain(email);
});

test('people who joined but never connected are shown, and removed together after one confirmation', async () => {
  const { id: eventId, joinCode } = await liveRoom();
  const ghosts = [
    { name: 'Gus Ghost', company: 'Nowhere', headline: 'Script', interests: ['AI'] },
    { name: 'Hal Ghost', company: 'Nowhere', headline: 'Script', interests: ['AI'] },
  ];
  for (const g of ghosts) await join(joinCode, g);
  await page
    .getByRole('row', { name: /Hal Ghost/ })
    .getByText('Never connected')
    .waitFor();
  await page.getByLabel('Show', { exact: true }).selectOption('never');
  await rowsShown(2);
  await page.locator('section[aria-labelledby="sec-attendees"]').screenshot({ path: artifactPath('console-live-never-connected.png') });

  await page.getByRole('button', { name: 'Remove everyone who never connected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 2 people who never connected?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Nobody matches this filter').waitFor();
  await page.getByLabel('Show', { exact: true }).selectOption('all');
  await rowsShown(6);
  const left = await organizer.api<Array<{ name: string }>>('GET', `/api/events/${eventId}/attendees`);
  expect(left.map((a) => a.name).sort()).toEqual(PEOPLE.map((p) => p.name).sort());
});

test('a start that the server refuses is explained', async () => {
  // End the event: the start button is then off; a too-few-people refusal shows in a fresh event.
  const small = await organizer.openEvent({ name: 'Tiny Dinner', interests: TAGS });
  await join(small.joinCode, PEOPLE[0]!);
  await page.goto(url(`/console/events/${small.id}/live`));
  await page.getByRole('heading', { name: 'Tiny Dinner', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Start round 1' }).click();
  await page.getByRole('alert').filter({ hasText: 'At least 2 people must be present' }).waitFor();

  // End the event, after confirming.
  await page.getByRole('button', { name: 'End event' }).click();
  await page.getByRole('dialog', { name: 'End this event?' }).getByRole('button', { name: 'End event' }).click();
  await page.locator('.live__head .badge').filter({ hasText: 'Ended' }).waitFor();
  // An ended event has nothing left to start: the controls are gone, not just greyed out.
  await page.getByTestId('rounds-over').waitFor();
  expect(await page.getByRole('button', { name: 'Start round 1' }).count()).toBe(0);
});

test('the planner: paste a guest list, fix a line, plan 5 rounds of 4', async () => {
  await page.goto(url('/console'));
  await page.getByRole('link', { name: 'Planner' }).click();
  await page.waitForURL('**/console/planner');
  await page.getByRole('heading', { name: 'Seating planner' }).waitFor();

  const first = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Max', 'Nia', 'Oto', 'Pia'];
  // Every company once: with 16 people in tables of 4, five repeat-free rounds make every pair meet
  // exactly once, so two colleagues would have to meet.
  const companies = [
    'Acme',
    'Beta',
    'Gamma',
    'Delta',
    'Epsilon',
    'Zeta',
    'Eta',
    'Theta',
    'Iota',
    'Kappa',
    'Lambda',
    'Mu',
    'Nu',
    'Xi',
    'Omicron',
    'Rho',
  ];
  const lines = first.map(
    (n, i) => `${n} ${String.fromCharCode(65 + i)}.,${companies[i % companies.length]},${TAGS[i % 5]}; ${TAGS[(i + 2) % 5]}`,
  );
  lines[5] = `"Fay, Jr.",Zeta,AI`;
  const broken = [...lines];
  broken[2] = `,Gamma,Design`; // line 4 with the header: no name
  await page.getByLabel('Guest list (CSV)').fill(['name,company,interests', ...broken].join('\n'));
  await page.getByText('Line 4: name is missing').waitFor();
  await page.getByTestId('people-ready').filter({ hasText: '15 people ready' }).waitFor();
  await page.getByRole('button', { name: 'Plan rotation' }).click();
  await page.getByRole('alert').filter({ hasText: 'Fix the line above first' }).waitFor();

  await page.getByLabel('Guest list (CSV)').fill(['name,company,interests', ...lines].join('\n'));
  await page.getByTestId('people-ready').filter({ hasText: '16 people ready' }).waitFor();
  expect(await page.getByText('Line 4: name is missing').count()).toBe(0);

  await page.getByLabel('People per table').fill('4');
  await page.getByLabel('Rounds', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Plan rotation' }).click();
  await page.getByRole('heading', { name: 'Seating plan', exact: true }).waitFor({ timeout: 20_000 });

  // Stats: 16 people in tables of 4 for 5 rounds can meet without a repeat.
  await page
    .getByTestId('stat-repeat-pairs')
    .filter({ hasText: /Repeat pairs\s*0$/ })
    .waitFor();
  await page.locator('.pstat').filter({ hasText: 'Repeat-free rounds' }).filter({ hasText: '5 of 5' }).waitFor();

  // By person: 16 rows, a table in each of 5 rounds; by table: 4 tables.
  const byPerson = page.getByRole('table', { name: "Each person's table in every round" });
  expect(await byPerson.locator('tbody tr').count()).toBe(16);
  expect(await byPerson.locator('thead th').count()).toBe(2 + 5);
  const fayRow = byPerson.getByRole('row', { name: /Fay, Jr\./ });
  const cells = await fayRow.getByRole('cell').allTextContents();
  expect(cells.slice(1)).toHaveLength(5);
  for (const c of cells.slice(1)) expect(c).toMatch(/^Table [1-4]$/);
  expect(await page.locator('.spot').count()).toBe(4);

  // Each round seats everyone once.
  for (let r = 0; r < 5; r++) {
    const seats = await byPerson.locator(`tbody tr td:nth-child(${r + 3})`).allTextContents();
    const perTable = new Map<string, number>();
    for (const s of seats) perTable.set(s, (perTable.get(s) ?? 0) + 1);
    expect([...perTable.values()].sort()).toEqual([4, 4, 4, 4]);
  }

  // The per-person CSV download.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).first().click()]);
  const csv = readFileSync(await download.path(), 'utf8') as string;
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('name,company,Round 1,Round 2,Round 3,Round 4,Round 5');
  expect(csv).toContain('"Fay, Jr.",Zeta,Table');

  await page.screenshot({ path: artifactPath('console-planner.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: artifactPath('console-planner-print.png'), fullPage: true });
  expect(await page.locator('.topbar').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Plan again' }).isVisible()).toBe(false);
  await page.emulateMedia({ media: 'screen' });
});
