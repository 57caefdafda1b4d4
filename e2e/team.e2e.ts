import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join, signUp } from './support/api';
import { seriousViolations } from './support/axe';
import { signIn, watchedPage } from './support/browser';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * Co-organizers: the owner invites a host from the Team page, the host accepts in their own browser
 * and starts a round; the owner's live page says who did it, the Team page lists the host.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
const SHOTS = '/tmp/shots-team';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage: true });
  await page.screenshot({ path: `${SHOTS}/${name}`, fullPage: true });
}

test('the owner invites a host, who accepts in another browser and hosts a round', async () => {
  const owner = await signUp(suite.app.baseUrl, 'Olga Owner');
  const event = await owner.openEvent({ name: 'Team Night', interests: ['AI', 'Design'], groupSize: 2, spotLabels: [] });
  for (const name of ['Ana Lima', 'Raj Patel']) {
    const joined = await join(suite.app.baseUrl, event.joinCode, { name, interests: ['AI'] });
    await openPhone(suite.app.baseUrl, joined.token, sockets);
  }

  // The owner creates a host invite on the Team page.
  const ownerPage = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(ownerPage.context(), suite.app.baseUrl, owner.cookie);
  await ownerPage.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await ownerPage.getByRole('heading', { name: 'Team Night', level: 1 }).waitFor();
  await ownerPage.getByRole('link', { name: 'Team', exact: true }).click();
  await ownerPage.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
  await ownerPage.getByLabel('Role', { exact: true }).selectOption('host');
  await ownerPage.getByRole('button', { name: 'Create invite link' }).click();
  const linkBox = ownerPage.getByLabel(/^Invite link \(host/);
  await linkBox.waitFor();
  const link = new URL(await linkBox.inputValue());
  expect(link.pathname).toMatch(/^\/console\/invite\/[A-Za-z0-9_-]{43}$/);
  // The link names the server's public address; this test reaches the same server at baseUrl.
  const inviteUrl = `${suite.app.baseUrl}${link.pathname}`;
  await ownerPage.getByRole('button', { name: 'Copy' }).click();
  await ownerPage.getByRole('button', { name: 'Copied ✓' }).waitFor();

  // The host, new to Mingle and in their own browser profile, opens the link, creates an account,
  // comes back to the invite, sees what it offers and accepts.
  const hostPage = await watchedPage(await suite.browser.newContext({ viewport: { width: 390, height: 844 } }));
  await hostPage.goto(inviteUrl);
  await hostPage.getByRole('link', { name: 'Create an account' }).click();
  await hostPage.getByText("You were invited to an event's team").waitFor();
  await hostPage.getByLabel('Your name').fill('Sam Host');
  await hostPage.getByLabel('Email').fill(`sam+${Date.now()}@example.com`);
  await hostPage.getByLabel('Password').fill('correct horse battery');
  await hostPage.getByRole('button', { name: 'Create account' }).click();
  await hostPage.getByText('Olga Owner invites you to').waitFor();
  expect(await hostPage.getByRole('heading', { name: "Join an event's team" }).isVisible()).toBe(true);
  expect(await seriousViolations(hostPage)).toEqual([]);
  await shot(hostPage, 'team-invite-390.png');
  await hostPage.getByRole('button', { name: 'Accept and open the event' }).click();
  await hostPage.getByRole('heading', { name: 'Team Night', level: 1 }).waitFor();
  expect(hostPage.url()).toBe(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  // A host runs the evening but has no settings button.
  expect(await hostPage.getByRole('link', { name: 'Settings' }).count()).toBe(0);
  await hostPage.getByRole('button', { name: 'Start round 1' }).click();
  await hostPage.getByText('Round 1 started by Sam Host').first().waitFor();

  // The owner's live page says who started it; the link cannot be used twice.
  await ownerPage.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await ownerPage.getByTestId('live-actions').getByText('Round 1 started by Sam Host').waitFor();
  await shot(ownerPage, 'team-live-activity-1280.png');
  const again = await watchedPage(await suite.browser.newContext());
  const third = await signUp(suite.app.baseUrl, 'Eve Late');
  await signIn(again.context(), suite.app.baseUrl, third.cookie);
  await again.goto(inviteUrl);
  await again.getByText('This invite link has been used already. Ask for a new one.').waitFor();

  // The Team page lists the host with a role the owner can change.
  await ownerPage.goto(`${suite.app.baseUrl}/console/events/${event.id}/team`);
  await ownerPage.getByLabel('Role of Sam Host').waitFor();
  expect(await ownerPage.getByLabel('Role of Sam Host').inputValue()).toBe('host');
  expect(await ownerPage.locator('[data-member="Olga Owner"]').getByText('Owner', { exact: true }).isVisible()).toBe(true);
  expect(await seriousViolations(ownerPage)).toEqual([]);
  await shot(ownerPage, 'team-page-1280.png');
  await ownerPage.getByLabel('Role of Sam Host').selectOption('viewer');
  await ownerPage.getByText('Sam Host is now a viewer.').waitFor();
  await until(
    async () =>
      (await owner.api<{ members: { name: string; role: string }[] }>('GET', `/api/events/${event.id}/team`)).members[1]?.role === 'viewer',
    'Sam is a viewer',
  );
  // Sam's open live page turns read-only by itself: the controls are off, the news keeps coming.
  await hostPage.getByText('You are a viewer of this event').waitFor();
  expect(await hostPage.getByRole('button', { name: 'End now' }).isDisabled()).toBe(true);
  expect(await hostPage.getByRole('button', { name: 'End event' }).count()).toBe(0);
  expect(await seriousViolations(hostPage)).toEqual([]);
  await shot(hostPage, 'team-viewer-live-390.png');
  await owner.api('POST', `/api/events/${event.id}/rounds/current/end`);
  await hostPage.getByText('Round 1 ended by Olga Owner').first().waitFor();

  await ownerPage.setViewportSize({ width: 360, height: 800 });
  await ownerPage.getByRole('button', { name: 'Create invite link' }).waitFor();
  await shot(ownerPage, 'team-page-360.png');
  // Nothing is wider than 360 px, the top bar included.
  const wide = await ownerPage.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 361)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 8),
  );
  expect(wide).toEqual([]);

  // The events list shows the host's role.
  await hostPage.goto(`${suite.app.baseUrl}/console`);
  await hostPage.locator('td[data-role="viewer"]').waitFor();
}, 120_000);
