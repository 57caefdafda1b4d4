import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { asAttendee, join, signUp, type Joined, type Organizer } from './support/api';
import { seriousViolations } from './support/axe';
import { signIn } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * After "End event": six people go through three rounds, swap and match, the organizer ends the
 * evening and opens its report from the live page. Figures, charts, downloads, print and axe.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });

const PEOPLE = [
  { name: 'Ana Lima', interests: ['AI', 'Design'], company: 'Sun Grid' },
  { name: '=Raj Patel', interests: ['AI'], company: 'sungrid' },
  { name: 'Cleo Martin', interests: ['Design', 'Climate'], company: 'Sun Grid' },
  { name: 'Dev Okafor', interests: ['Hiking'], company: 'SUN GRID' },
  { name: 'Zoë Novak', interests: ['AI', 'Hiking'], company: 'Delta' },
  { name: 'Finn Berg', interests: ['Climate'], company: 'Echo' },
];

interface Report {
  attendance: { joined: number; connected: number };
  totals: { rounds: number; meetings: number; swapsAsked: number; matches: number; matchRate: number };
  rounds: Array<{ number: number; present: number; matches: number; repeatPairs: number; colleaguePairs: number }>;
  interests: Array<{ interest: string }>;
}

/** Three rounds in pairs; after each, the first person swaps with whoever they met and that person swaps back. */
async function evening(host: Organizer, eventId: string, people: Joined[]): Promise<void> {
  for (let round = 1; round <= 3; round++) {
    await host.api('POST', `/api/events/${eventId}/rounds`, {});
    const asker = people[round - 1]!;
    const state = await host.api<{ groups: Array<{ members: Array<{ id: string }> }> }>('GET', `/api/events/${eventId}/rounds`);
    const group = state.groups.find((g) => g.members.some((m) => m.id === asker.me.id))!;
    const other = people.find((p) => p.me.id !== asker.me.id && group.members.some((m) => m.id === p.me.id))!;
    await asAttendee(suite.app.baseUrl, asker.token, 'POST', `/api/me/people/${other.me.id}/swap`);
    if (round !== 2) await asAttendee(suite.app.baseUrl, other.token, 'POST', `/api/me/people/${asker.me.id}/swap`);
    await host.api('POST', `/api/events/${eventId}/rounds/current/end`);
  }
  await host.api('POST', `/api/events/${eventId}/state`, { state: 'ended' });
}

async function downloadText(page: Page, name: RegExp): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

test('the report of an ended evening: figures, charts, downloads, print, accessible', async () => {
  const host = await signUp(suite.app.baseUrl, 'Host');
  const event = await host.openEvent({
    name: 'Thursday Mixer',
    interests: ['AI', 'Design', 'Climate', 'Hiking'],
    groupSize: 2,
    roundMinutes: 6,
    spotLabels: [],
  });
  const people: Joined[] = [];
  for (const p of PEOPLE) {
    const joined = await join(suite.app.baseUrl, event.joinCode, p);
    await openPhone(suite.app.baseUrl, joined.token, sockets);
    people.push(joined);
  }
  await join(suite.app.baseUrl, event.joinCode, { name: 'Never Connected', interests: ['AI'] });
  await evening(host, event.id, people);
  const expected = await host.api<Report>('GET', `/api/events/${event.id}/report`);
  expect(expected.totals).toMatchObject({ rounds: 3, meetings: 9, swapsAsked: 5, matches: 2 });

  // From the ended event's live page to its report.
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page.context(), suite.app.baseUrl, host.cookie);
  await page.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await page.getByRole('heading', { name: 'Thursday Mixer', level: 1 }).waitFor();
  await page.getByRole('link', { name: "See the evening's report" }).waitFor();
  await page.screenshot({ path: artifactPath('report-live-link.png') });
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await page.getByRole('heading', { name: 'Report: Thursday Mixer', level: 1 }).waitFor();
  expect(page.url()).toBe(`${suite.app.baseUrl}/console/events/${event.id}/report`);

  // The figures on the page are the server's.
  expect(await page.getByTestId('rep-joined').textContent()).toBe('7');
  expect(await page.getByTestId('rep-connected').textContent()).toBe('6');
  expect(await page.getByTestId('rep-rounds').textContent()).toBe('3');
  expect(await page.getByTestId('rep-meetings').textContent()).toBe('9');
  expect(await page.getByTestId('rep-swaps').textContent()).toBe('5');
  expect(await page.getByTestId('rep-matches').textContent()).toBe('2');
  expect(await page.getByTestId('rep-rate').textContent()).toBe(`${Math.round(expected.totals.matchRate * 100)}%`);
  await page.getByText('The whole evening, ended').waitFor();

  // Charts: drawn as SVG, one bar per round and series, each described for screen readers.
  const seated = page.getByRole('img', { name: /^People seated per round: round 1 6; round 2 6; round 3 6\.$/ });
  await seated.waitFor();
  expect(await seated.locator('rect').count()).toBe(3);
  // Four of six work at Sun Grid (however they spell it): in three pairs, one pair of colleagues at least, every round.
  for (const r of expected.rounds) expect(r.colleaguePairs).toBeGreaterThanOrEqual(1);
  const pairsSaid = expected.rounds.map((r) => `round ${r.number}: repeat pairs ${r.repeatPairs}, colleague pairs ${r.colleaguePairs}`);
  const pairs = page.getByRole('img', { name: `Repeat and colleague pairs per round: ${pairsSaid.join('; ')}.` });
  expect(await pairs.locator('rect').count()).toBe(6);
  const rates = expected.rounds.map((r) => `round ${r.number} ${Math.round((r.matches / 3) * 100)}%`).join('; ');
  await page.getByRole('img', { name: `Match rate per round: ${rates}.` }).waitFor();
  await page.getByRole('img', { name: /^Pairs who both chose the interest/ }).waitFor();
  // … and as tables.
  expect(await page.getByRole('table', { name: 'Attendance per round' }).locator('tbody tr').count()).toBe(3);
  expect(await page.getByRole('table', { name: 'Match rate per interest' }).locator('tbody tr').count()).toBe(expected.interests.length);
  await page.screenshot({ path: artifactPath('report-1280.png'), fullPage: true });

  expect(await seriousViolations(page)).toEqual([]);

  // Downloads: who sat where (every round), who met whom, figures; each with a BOM, names only.
  const seating = await downloadText(page, /Who sat where/);
  expect(seating.file).toBe('mingle-who-sat-where.csv');
  expect(seating.text.charCodeAt(0)).toBe(0xfeff);
  const seatRows = seating.text.slice(1).trimEnd().split('\r\n');
  expect(seatRows[0]).toBe('round,spot,name');
  expect(seatRows).toHaveLength(1 + 18);
  for (const round of ['1', '2', '3']) expect(seatRows.filter((r) => r.startsWith(`${round},`))).toHaveLength(6);
  expect(seatRows.some((r) => r.endsWith(",'=Raj Patel"))).toBe(true);
  expect(seatRows.some((r) => r.endsWith(',Zoë Novak'))).toBe(true);
  const meetings = await downloadText(page, /Who met whom/);
  expect(meetings.file).toBe('mingle-who-met-whom.csv');
  expect(meetings.text.slice(1).trimEnd().split('\r\n')).toHaveLength(1 + 9);
  const figures = await downloadText(page, /Figures/);
  expect(figures.file).toBe('mingle-figures.csv');
  expect(figures.text).toContain('\r\nswaps asked,5\r\n');
  for (const text of [seating.text, meetings.text, figures.text]) expect(text).not.toMatch(/@|sun ?grid|delta|token/i);

  // Wider, then on paper: no console bar, no buttons, the charts kept.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: artifactPath('report-1440.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.topbar').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: /Who sat where/ }).isVisible()).toBe(false);
  expect(await seated.isVisible()).toBe(true);
  await page.screenshot({ path: artifactPath('report-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // A phone-sized window: nothing of the report wider than the screen (wide tables scroll in their own box).
  await page.setViewportSize({ width: 360, height: 800 });
  const wide = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.report *')]
        .filter((e) => !e.closest('.report__table-wrap > *'))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
    );
  await until(async () => {
    expect(await wide()).toEqual([]);
    return true;
  }, 'the report fits 360 px without sideways scrolling');
  await page.screenshot({ path: artifactPath('report-360.png'), fullPage: true });

  // The events list links the ended event's report.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${suite.app.baseUrl}/console`);
  await page.getByRole('link', { name: 'Report of Thursday Mixer' }).waitFor();
  await page.screenshot({ path: artifactPath('report-events-list.png') });
  await page.getByRole('link', { name: 'Report of Thursday Mixer' }).click();
  await page.getByRole('heading', { name: 'Report: Thursday Mixer', level: 1 }).waitFor();
});

test('a live event reports "so far", and says so before any round', async () => {
  const host = await signUp(suite.app.baseUrl, 'Early');
  const event = await host.openEvent({ name: 'Not Yet', interests: ['AI', 'Design'], groupSize: 2 });
  await join(suite.app.baseUrl, event.joinCode, { name: 'Solo Person', interests: ['AI'] });
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page.context(), suite.app.baseUrl, host.cookie);
  await page.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await page.getByRole('link', { name: 'Report so far' }).click();
  await page.getByText(/^So far, as of .*: the event has not ended\.$/).waitFor();
  await page.getByTestId('rep-empty').waitFor();
  expect(await page.getByTestId('rep-joined').textContent()).toBe('1');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('report-so-far.png'), fullPage: true });

  // Someone else's event is not there.
  const other = await signUp(suite.app.baseUrl, 'Other');
  const stranger = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(stranger.context(), suite.app.baseUrl, other.cookie);
  await stranger.goto(`${suite.app.baseUrl}/console/events/${event.id}/report`);
  await stranger.getByText('This event does not exist, or it belongs to another organizer.').waitFor();
});
