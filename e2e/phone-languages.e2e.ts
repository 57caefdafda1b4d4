import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join, signUp, type Organizer } from './support/api';
import { seriousViolations } from './support/axe';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * The phone speaks its person's language (issue #14, part 3): a German browser joins in German, sees
 * its lobby and its round in German, and the switch turns it into Spanish, which a reload keeps.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
let organizer: Organizer;

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Ada');
});

const url = (path: string) => `${suite.app.baseUrl}${path}`;
const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function axeClean(page: Page, where: string): Promise<void> {
  expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });
}

/** Nothing sticks out sideways at 360 px (long German words wrap instead). */
async function fitsWidth(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test('a German phone joins, waits and plays its round in German; the switch makes it Spanish for good', async () => {
  const event = await organizer.openEvent({
    name: 'Gründerabend',
    interests: ['KI', 'Klima', 'Design'],
    maxInterests: 3,
    groupSize: 2,
    roundMinutes: 8,
    spotLabels: [],
  });
  // Someone to be grouped with, present on their phone.
  const dev = await join(suite.app.baseUrl, event.joinCode, { name: 'Dev Okafor', interests: ['KI'] });
  sockets.push(await openPhone(suite.app.baseUrl, dev.token, sockets));

  const page = await suite.browser.newPage({ ...PHONE, locale: 'de-DE' });
  await page.goto(url(`/j/${event.joinCode}`));
  await page.getByRole('heading', { name: 'Gründerabend' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  await page.getByText('Du trittst bei').waitFor();
  await page.getByRole('heading', { name: 'Datenschutz' }).waitFor();

  // German checks, German messages.
  await page.getByRole('button', { name: 'Beitreten' }).click();
  await page.getByText('Gib deinen Namen ein').waitFor();
  await page.getByText('Akzeptiere den Datenschutzhinweis, um beizutreten').waitFor();
  await page.getByText('Bitte korrigiere die markierten Felder').waitFor();
  await axeClean(page, 'join page in German');
  await fitsWidth(page);
  await page.screenshot({ path: artifactPath('phone-de-join-360.png'), fullPage: true });

  await page.getByLabel('Dein Name').fill('Eva Novak');
  await page.getByRole('button', { name: 'KI', exact: true }).click();
  await page.getByText('1 von 3 gewählt').waitFor();
  await page.getByLabel('Ich akzeptiere den Datenschutzhinweis').check();
  await page.getByRole('button', { name: 'Beitreten' }).click();

  // The lobby.
  await page.getByRole('heading', { name: 'Du bist dabei!' }).waitFor();
  await page.getByText('Warten auf die nächste Runde').waitFor();
  await page.getByRole('link', { name: 'Meine Kontakte' }).waitFor();

  // A real round: Eva is grouped with Dev.
  await organizer.api('POST', `/api/events/${event.id}/rounds`, {});
  await page.getByText(/^Runde 1 · geh zu$/).waitFor();
  await page
    .getByTestId('round-cue')
    .filter({ hasText: /^Runde 1 hat begonnen – geh zu / })
    .waitFor();
  await page.getByText('mit Dev Okafor', { exact: true }).waitFor();
  await page.getByText('Du und Dev mögt beide KI').waitFor();
  await page.getByRole('button', { name: 'Ich bin da' }).waitFor();
  await page.getByRole('button', { name: 'Kontakte tauschen' }).waitFor();
  await fitsWidth(page);
  await page.screenshot({ path: artifactPath('phone-de-round-360.png'), fullPage: true });

  // The switch, on the profile page: Spanish, at once and after a reload.
  await page.getByRole('link', { name: 'Profil' }).click();
  await page.getByRole('heading', { name: 'Dein Profil' }).waitFor();
  await page.getByLabel('Sprache').selectOption('es');
  await page.getByRole('heading', { name: 'Tu perfil' }).waitFor();
  await page.getByRole('link', { name: 'Ahora' }).click();
  await page.getByText(/^Ronda 1 · ve a$/).waitFor();
  await page.reload();
  await page.getByText(/^Ronda 1 · ve a$/).waitFor();
  await page.getByText('A Dev y a ti os gusta KI').waitFor();
  await until(async () => (await page.evaluate(() => document.documentElement.lang)) === 'es', 'the page says it is Spanish');
  await fitsWidth(page);
  await page.screenshot({ path: artifactPath('phone-es-round-360.png'), fullPage: true });
});
