import type { Socket } from 'socket.io-client';
import { join, signUp } from './support/api';
import { signIn } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { appAndBrowser } from './support/suite';
import { until } from './support/until';

/**
 * A console in German (issue #14, languages): the live page with a real round (team activity, the
 * colleague note worded from its figures) and the evening's report, all in German.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });

// Four colleagues for two groups of three: the rule cannot hold, and the live page says why.
const PEOPLE = [
  { name: 'Ana Lima', interests: ['KI'], company: 'SunGrid' },
  { name: 'Raj Patel', interests: ['KI'], company: 'SunGrid' },
  { name: 'Cleo Martin', interests: ['Design'], company: 'SunGrid' },
  { name: 'Dev Okafor', interests: ['Design'], company: 'SunGrid' },
  { name: 'Zoë Novak', interests: ['KI'], company: 'Delta' },
  { name: 'Finn Berg', interests: ['Design'], company: 'Echo' },
];

test('a console in German: the live page with a running round, then the report', async () => {
  const host = await signUp(suite.app.baseUrl, 'Sam');
  const event = await host.openEvent({ name: 'Donnerstagstreff', interests: ['KI', 'Design'], groupSize: 3, roundMinutes: 6 });
  for (const p of PEOPLE) await openPhone(suite.app.baseUrl, (await join(suite.app.baseUrl, event.joinCode, p)).token, sockets);

  const context = await suite.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('mingle.lang.console', 'de'));
  await signIn(context, suite.app.baseUrl, host.cookie);
  const page = await context.newPage();
  await page.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await page.getByRole('heading', { name: 'Donnerstagstreff', level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('de');

  // A real round, started from the German page.
  await page.getByRole('button', { name: 'Runde 1 starten' }).click();
  await page.getByRole('heading', { name: 'Gruppen in Runde 1' }).waitFor();
  await page.getByTestId('live-actions').getByText('Runde 1 gestartet von Sam').waitFor();
  expect(await page.getByTestId('colleague-note').textContent()).toMatch(
    /^\s*Nicht alle Kolleg:innen ließen sich trennen: \d+ Kollegenpaare?: SunGrid hat 4 Personen für 2 Gruppen\.\s*$/,
  );
  await page.getByRole('heading', { name: 'Teilnehmende', exact: true }).waitFor();
  expect(await page.getByTestId('people-counts').textContent()).toMatch(/6 Personen/);
  await page.screenshot({ path: artifactPath('console-de-live-1280.png'), fullPage: true });
  // A phone's width: German's long words still fit (looked at).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: artifactPath('console-de-live-360.png') });
  await page.locator('section.rounds').screenshot({ path: artifactPath('console-de-live-360-rounds.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  // End the round and the evening; the report speaks German too.
  await page.getByRole('button', { name: 'Jetzt beenden' }).click();
  await page.getByTestId('live-actions').getByText('Runde 1 beendet von Sam').waitFor();
  await host.api('POST', `/api/events/${event.id}/state`, { state: 'ended' });
  await page.getByRole('link', { name: 'Zum Bericht des Abends' }).click();
  await page.getByRole('heading', { name: 'Bericht: Donnerstagstreff', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Auf einen Blick' }).waitFor();
  await page.getByText(/^Der ganze Abend, beendet /).waitFor();
  expect(await page.getByTestId('rep-actions').textContent()).toContain('Runde 1 gestartet von Sam');
  await page.getByRole('button', { name: 'Wer wo saß (CSV)' }).waitFor();
  await page.screenshot({ path: artifactPath('console-de-report-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: artifactPath('console-de-report-360.png') });
  await page.locator('section[aria-labelledby="rep-downloads"]').screenshot({ path: artifactPath('console-de-report-360-downloads.png') });
  await context.close();
});

test("the console's language follows the organizer from the laptop where they picked it to a new tablet", async () => {
  const host = await signUp(suite.app.baseUrl, 'Lena');
  const laptop = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(laptop, suite.app.baseUrl, host.cookie);
  const page = await laptop.newPage();
  await page.goto(`${suite.app.baseUrl}/console`);
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('heading', { name: 'Veranstaltungen', level: 1 }).waitFor();
  await until(async () => (await host.api<{ language: string | null }>('GET', '/api/auth/me')).language === 'de', 'the pick kept');

  // A tablet with an English browser and nothing picked on it yet speaks German once she is in.
  const tablet = await suite.browser.newContext({ locale: 'en-US', viewport: { width: 820, height: 1180 } });
  await signIn(tablet, suite.app.baseUrl, host.cookie);
  const other = await tablet.newPage();
  await other.goto(`${suite.app.baseUrl}/console`);
  await other.getByRole('heading', { name: 'Veranstaltungen', level: 1 }).waitFor();
  expect(await other.locator('html').getAttribute('lang')).toBe('de');
  expect(await other.getByLabel('Sprache').inputValue()).toBe('de');
  await Promise.all([laptop.close(), tablet.close()]);
});

test("a room's language brings its help topics to the new event form", async () => {
  const host = await signUp(suite.app.baseUrl, 'Jonas');
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(context, suite.app.baseUrl, host.cookie);
  const page = await context.newPage();
  await page.goto(`${suite.app.baseUrl}/console/events/new`);
  await page.getByLabel('Event name').fill('Gründertreff');
  const tags = page.getByLabel('Interest tags', { exact: true });
  await tags.pressSequentially('KI,Design,Klima,Produkt,Musik,');
  await page.getByRole('checkbox', { name: /Let people say how they can help/ }).check();
  const topics = page.locator('section[aria-labelledby="sec-help"] .chip__text');
  await topics.getByText('Hiring', { exact: true }).waitFor();
  await page.getByLabel('Language of the room').selectOption('de');
  await topics.getByText('Personalsuche', { exact: true }).waitFor();
  expect(await topics.allTextContents()).not.toContain('Hiring');

  await page.getByRole('button', { name: 'Create event' }).click();
  await page.waitForURL(/\/console\/events\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  const saved = await host.api<{ language: string; helpTopics: string[] }>('GET', `/api/events/${id}`);
  expect(saved.language).toBe('de');
  expect(saved.helpTopics).toContain('Mitgründer:in finden');
  await context.close();
});
