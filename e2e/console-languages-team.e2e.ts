import type { Page } from 'playwright-core';
import { signUp } from './support/api';
import { seriousViolations } from './support/axe';
import { signIn, watchedPage } from './support/browser';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * The console in the organizer's language: a German browser gets the team page in German (formal
 * "Sie"), the owner revokes an open invite link there and the link stops working; the language
 * switch in the header is reached by keyboard on the log-in page and its choice is remembered.
 */

const suite = appAndBrowser();

/** Elements reaching past the right edge: text that does not fit at this width (a scrolling table's insides excepted). */
const tooWide = (page: Page, width: number, scroller = '') =>
  page.evaluate(
    ([w, inside]) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > Number(w) + 1 && !(inside && e.closest(String(inside))))
        .map((e) => `${e.tagName}.${e.className}`)
        .slice(0, 8),
    [width, scroller] as const,
  );

test('the team page in German: the owner revokes an invite link and it refuses', async () => {
  const owner = await signUp(suite.app.baseUrl, 'Olga Owner');
  const event = await owner.openEvent({ name: 'Teamabend', interests: ['KI', 'Design'] });
  // A host already on the team, so the page shows a member with a role to change.
  const sam = await signUp(suite.app.baseUrl, 'Sam Host');
  const hostInvite = await owner.api<{ url: string }>('POST', `/api/events/${event.id}/team/invites`, { role: 'host' });
  await sam.api('POST', `/api/invites/${hostInvite.url.split('/').pop()}/accept`);

  const page = await suite.browser.newPage({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  await signIn(page.context(), suite.app.baseUrl, owner.cookie);
  await page.goto(`${suite.app.baseUrl}/console/events/${event.id}/team`);
  await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  await page.getByLabel('Rolle von Sam Host').waitFor();
  await page.getByText('Keine offenen Einladungslinks.').waitFor();

  // A viewer link for all events, made in the page.
  await page.getByLabel('Rolle', { exact: true }).selectOption('viewer');
  await page.getByLabel('Auch für alle meine anderen Veranstaltungen').check();
  await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
  const linkBox = page.getByLabel(/^Einladungslink \(Betrachter, gültig bis/);
  await linkBox.waitFor();
  const token = new URL(await linkBox.inputValue()).pathname.split('/').pop()!;
  const openLinks = page.locator('[data-invite]');
  await until(async () => (await openLinks.count()) === 1, 'the new link is listed as open');
  expect(await openLinks.first().innerText()).toContain('alle meine Veranstaltungen');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('console-de-team-1280.png'), fullPage: true });

  // Before: the invitee, in German too, sees the offer. Revoke it, confirming in the dialog.
  const eve = await signUp(suite.app.baseUrl, 'Eve Late');
  const evePage = await watchedPage(await suite.browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 800 } }));
  await signIn(evePage.context(), suite.app.baseUrl, eve.cookie);
  await evePage.goto(`${suite.app.baseUrl}/console/invite/${token}`);
  await evePage.getByText('Olga Owner lädt Sie als Betrachter zu Teamabend und zu allen weiteren Veranstaltungen').waitFor();
  await evePage.screenshot({ path: artifactPath('console-de-invite-360.png'), fullPage: true });
  expect(await tooWide(evePage, 360)).toEqual([]);
  await openLinks.first().getByRole('button', { name: 'Widerrufen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Diesen Einladungslink widerrufen?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Widerrufen' }).click();
  await page.getByText('Einladungslink widerrufen: Er funktioniert nicht mehr.').waitFor();
  await page.getByText('Keine offenen Einladungslinks.').waitFor();

  // After: the link leads nowhere, in the API and in the invitee's browser.
  const refused = await fetch(`${suite.app.baseUrl}/api/invites/${token}`, { headers: { cookie: eve.cookie } });
  expect(refused.status).toBe(404);
  await evePage.reload();
  await evePage.getByText('Dieser Einladungslink ist ungültig.').waitFor();
  expect(await evePage.getByRole('button', { name: 'Annehmen und Veranstaltung öffnen' }).count()).toBe(0);

  // German words are long: nothing pokes out at 360 px.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('button', { name: 'Einladungslink erstellen' }).waitFor();
  await page.screenshot({ path: artifactPath('console-de-team-360.png'), fullPage: true });
  expect(await tooWide(page, 360)).toEqual([]);

  // The events list and the editor, in German at 360 px too.
  await page.goto(`${suite.app.baseUrl}/console/events/${event.id}`);
  await page.getByRole('button', { name: 'Änderungen speichern' }).waitFor();
  await page.screenshot({ path: artifactPath('console-de-editor-360.png'), fullPage: true });
  expect(await tooWide(page, 360)).toEqual([]);
  await page.goto(`${suite.app.baseUrl}/console`);
  await page.getByRole('link', { name: 'Teamabend' }).waitFor();
  await page.screenshot({ path: artifactPath('console-de-events-360.png'), fullPage: true });
  // The table scrolls inside its card; the rest fits.
  expect(await tooWide(page, 360, '.events__table-wrap')).toEqual([]);
}, 120_000);

test('the language switch on the log-in page works by keyboard and is remembered', async () => {
  const page = await suite.browser.newPage({ locale: 'de-DE', viewport: { width: 360, height: 800 } });
  await page.goto(`${suite.app.baseUrl}/console/login`);
  await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
  // Tab from the top: skip link, brand, then the switch.
  const language = page.getByRole('combobox', { name: 'Sprache' });
  for (let i = 0; i < 5 && !(await language.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  expect(await language.evaluate((el) => el === document.activeElement)).toBe(true);
  await language.selectOption('es');
  await page.getByRole('heading', { name: 'Iniciar sesión', level: 1 }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  await page.getByRole('link', { name: 'Crear una cuenta' }).click();
  await page.getByRole('heading', { name: 'Crear una cuenta', level: 1 }).waitFor();
  await page.screenshot({ path: artifactPath('console-es-signup-360.png'), fullPage: true });
  expect(await tooWide(page, 360)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);

  // The choice outlives a reload, though the browser still asks for German.
  await page.reload();
  await page.getByRole('heading', { name: 'Crear una cuenta', level: 1 }).waitFor();
  expect(await page.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('es');
}, 60_000);
