import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join, signUp } from './support/api';
import { signIn } from './support/browser';
import { openPhone } from './support/phones';
import { appAndBrowser } from './support/suite';

/**
 * Win-win end to end: the organizer turns on "Gives and asks" in the event settings, Ana and Raj
 * pick what they can help with and would love help with on their phones (360 px), a round seats
 * them together and each phone says it plainly; the console counts help matches; People I met keeps it.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
const SHOTS = '/tmp/shots-winwin';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

async function joinOnPhone(page: Page, code: string, name: string, pick: { gives?: string; asks?: string; line: string }) {
  await page.goto(`${suite.app.baseUrl}/j/${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('group', { name: 'Your interests' }).getByRole('button', { name: 'AI', exact: true }).click();
  if (pick.gives) await page.getByRole('group', { name: 'I can help with' }).getByRole('button', { name: pick.gives }).click();
  if (pick.asks) await page.getByRole('group', { name: "I'd love help with" }).getByRole('button', { name: pick.asks }).click();
  await page.getByLabel('A line about it').fill(pick.line);
}

test('settings → profile → the round view says who can help whom, and the console counts it', async () => {
  const host = await signUp(suite.app.baseUrl, 'Host');
  const event = await host.openEvent({ name: 'Founders Night', interests: ['AI', 'Climate', 'Design'], groupSize: 2 });

  // The organizer turns gives and asks on and adds a topic of their own.
  const console_ = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(console_.context(), suite.app.baseUrl, host.cookie);
  await console_.goto(`${suite.app.baseUrl}/console/events/${event.id}`);
  const on = console_.getByLabel(/Let people say how they can help/);
  await on.waitFor();
  expect(await on.isChecked()).toBe(false);
  await on.check();
  const topics = console_.locator('#ev-help-topics');
  await topics.fill('Pitch decks');
  await topics.press('Enter');
  await console_.getByRole('button', { name: 'Save changes' }).click();
  await console_
    .getByRole('status')
    .filter({ hasText: /^\W*Saved$/ })
    .waitFor();
  const saved = await host.api<{ helpOn: boolean; helpTopics: string[] }>('GET', `/api/events/${event.id}`);
  expect(saved.helpOn).toBe(true);
  expect(saved.helpTopics).toContain('Raising money');
  expect(saved.helpTopics).toContain('Pitch decks');
  await console_.getByRole('region', { name: 'Gives and asks' }).screenshot({ path: `${SHOTS}/settings-console.png` });

  const narrowConsole = await suite.browser.newPage({ viewport: { width: 360, height: 780 } });
  await signIn(narrowConsole.context(), suite.app.baseUrl, host.cookie);
  await narrowConsole.goto(`${suite.app.baseUrl}/console/events/${event.id}`);
  await narrowConsole.getByRole('region', { name: 'Gives and asks' }).waitFor();
  await narrowConsole.getByRole('region', { name: 'Gives and asks' }).screenshot({ path: `${SHOTS}/settings-360.png` });
  await narrowConsole.close();

  // Ana and Raj join on their phones with what they offer and look for.
  const ana = await suite.browser.newPage(PHONE);
  await joinOnPhone(ana, event.joinCode, 'Ana Lima', { gives: 'Raising money', line: 'Ex-VC, happy to look at decks' });
  await ana.screenshot({ path: `${SHOTS}/profile-360.png`, fullPage: true });
  await ana.getByLabel('I accept the privacy note').check();
  await ana.getByRole('button', { name: 'Join the event' }).click();
  await ana.getByRole('heading', { name: "You're in!" }).waitFor();

  const raj = await suite.browser.newPage(PHONE);
  await joinOnPhone(raj, event.joinCode, 'Raj Patel', { asks: 'Raising money', line: 'Seed round this spring' });
  // a fourth topic is refused by the picker itself: at most 3
  const asks = raj.getByRole('group', { name: "I'd love help with" });
  for (const t of ['Hiring', 'Mentoring']) await asks.getByRole('button', { name: t, exact: true }).click();
  expect(await asks.getByRole('button', { name: 'Investing', exact: true }).isDisabled()).toBe(true);
  for (const t of ['Hiring', 'Mentoring']) await asks.getByRole('button', { name: t, exact: true }).click();
  await raj.getByLabel('I accept the privacy note').check();
  await raj.getByRole('button', { name: 'Join the event' }).click();
  await raj.getByRole('heading', { name: "You're in!" }).waitFor();

  // Two more people, with nothing to offer or ask, have their phones open.
  for (const name of ['Kim Ito', 'Lee Park']) {
    const joined = await join(suite.app.baseUrl, event.joinCode, { name, interests: ['AI'] });
    await openPhone(suite.app.baseUrl, joined.token, sockets);
  }

  await console_.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await console_.getByTestId('joined-count').filter({ hasText: '4' }).waitFor();
  await console_.getByRole('button', { name: 'Start round 1' }).click();

  // Each phone says it plainly; the help matched them.
  const anaLine = ana.getByTestId('help-lines');
  await anaLine.getByText('Raj is looking for help with raising money').waitFor();
  await anaLine.getByText('Seed round this spring').waitFor();
  const rajLine = raj.getByTestId('help-lines');
  await rajLine.getByText('Ana can help with raising money — you asked for that').waitFor();
  await rajLine.getByText('Ex-VC, happy to look at decks').waitFor();
  await ana.screenshot({ path: `${SHOTS}/round-ana-360.png`, fullPage: true });
  await raj.screenshot({ path: `${SHOTS}/round-raj-360.png`, fullPage: true });

  // The console counts, never names.
  await console_.getByTestId('help-matches').getByText('1', { exact: true }).waitFor();
  await console_.getByTestId('asks-met').getByText('1 of 1').waitFor();
  expect(await console_.getByText('Seed round this spring').count()).toBe(0);
  await console_.screenshot({ path: `${SHOTS}/console-live.png`, fullPage: true });

  // After the round, People I met keeps it.
  await console_.getByRole('button', { name: 'End now' }).click();
  await console_.getByRole('columnheader', { name: 'Help matches' }).waitFor();
  await console_.getByRole('table', { name: 'Past rounds' }).screenshot({ path: `${SHOTS}/console-past-rounds.png` });
  await raj.goto(`${suite.app.baseUrl}/e/${event.id}/people`);
  await raj.getByText(/offered help with raising money/).waitFor();
  await raj.screenshot({ path: `${SHOTS}/people-raj-360.png`, fullPage: true });

  // The report counts them too, never who asked for what.
  await console_.goto(`${suite.app.baseUrl}/console/events/${event.id}/report`);
  await console_.getByTestId('rep-help-matches').getByText('1', { exact: true }).waitFor();
  await console_.getByTestId('rep-asks-met').getByText('1 of 1').waitFor();
  expect(await console_.getByText(/raising money|seed round|ex-vc/i).count()).toBe(0);
  await console_.screenshot({ path: `${SHOTS}/report-help.png`, fullPage: true });
});
