import type { Page } from 'playwright-core';
import { signUp, type Organizer } from './support/api';
import { artifactPath } from './support/server';
import { appAndBrowser } from './support/suite';

/** Server errors reach a phone in its browser's language: code and params from the server, words from the client. */

const suite = appAndBrowser();
let organizer: Organizer;

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Ada');
});

const phone = (locale: string): Promise<Page> =>
  suite.browser.newPage({ locale, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** The page is no wider than the phone: long German and Spanish words wrap instead of overflowing. */
async function fits(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a German phone reads an unknown code in German', async () => {
  await organizer.openEvent({ name: 'Sommerfest', interests: ['KI', 'Wandern'] });
  const page = await phone('de-DE');
  await page.goto(`${suite.app.baseUrl}/j/ZZZZZZ`);
  await page.getByRole('alert').getByText('Keine Veranstaltung hat diesen Code. Prüf den Code auf der Leinwand.').waitFor();
  await fits(page);
  await page.screenshot({ path: artifactPath('errors-de-unknown-code.png'), fullPage: true });
  await page.context().close();
});

test('a Spanish phone reads a look-alike code in Spanish', async () => {
  const page = await phone('es-ES');
  await page.goto(`${suite.app.baseUrl}/j/K0M2QP`);
  await page.getByRole('alert').getByText('Los códigos nunca llevan 0, O, 1, I ni L. Revisa el código en la pantalla.').waitFor();
  await fits(page);
  await page.screenshot({ path: artifactPath('errors-es-look-alike.png'), fullPage: true });
  await page.context().close();
});
