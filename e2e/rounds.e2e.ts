import type { BrowserContextOptions, Page } from 'playwright-core';
import { signUp } from './support/api';
import { signIn } from './support/browser';
import { artifactPath } from './support/server';
import { appAndBrowser } from './support/suite';

/**
 * A live event end to end: an organizer on the console, six phones and a projector screen go
 * through two rounds. Every member of a group sees the same spot, the screen's board lists
 * everyone, and the second round meets nobody twice.
 */

const suite = appAndBrowser();
const NAMES = ['Ana Lima', 'Raj Patel', 'Cleo Martin', 'Dev Okafor', 'Eva Novak', 'Finn Berg'];

const context = (options: BrowserContextOptions) => suite.browser.newPage(options);

/** Each phone's spot and the groupmates it lists. */
async function assignment(page: Page): Promise<{ spot: string; mates: string[] }> {
  const heading = page.getByRole('heading', { name: /^Table \d+$/ });
  await heading.waitFor({ timeout: 10_000 });
  const spot = (await heading.textContent())!.trim();
  const mates = await page.locator('.mate').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  return { spot, mates: NAMES.filter((n) => mates.some((m) => m.includes(n))) };
}

test('an organizer, six phones and a screen through two rounds', async () => {
  const host = await signUp(suite.app.baseUrl, 'Host');
  const event = await host.openEvent({
    name: 'Friday Mixer',
    interests: ['AI', 'Hiking', 'Design', 'Climate'],
    groupSize: 2,
    roundMinutes: 6,
    spotLabels: [],
  });

  const screen = await context({ viewport: { width: 1920, height: 1080 } });
  await screen.goto(event.screenUrl.replace(/^https?:\/\/[^/]+/, suite.app.baseUrl));
  await screen.getByText(event.joinCode).first().waitFor();

  const console_ = await context({ viewport: { width: 1280, height: 900 } });
  await signIn(console_.context(), suite.app.baseUrl, host.cookie);
  await console_.goto(`${suite.app.baseUrl}/console/events/${event.id}/live`);
  await console_.getByRole('heading', { name: 'Friday Mixer', level: 1 }).waitFor();

  const phones: Page[] = [];
  for (const [i, person] of NAMES.entries()) {
    const page = await context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${suite.app.baseUrl}/j/${event.joinCode}`);
    await page.getByLabel('Your name').fill(person);
    await page.getByRole('button', { name: ['AI', 'Hiking', 'Design', 'Climate'][i % 4]!, exact: true }).click();
    await page.getByLabel('Email').fill(`${person.split(' ')[0]!.toLowerCase()}@example.com`);
    await page.getByLabel('I accept the privacy note').check();
    await page.getByRole('button', { name: 'Join the event' }).click();
    await page.getByRole('heading', { name: "You're in!" }).waitFor();
    phones.push(page);
  }
  await console_.getByTestId('joined-count').filter({ hasText: '6' }).waitFor();
  await screen.getByText('6', { exact: true }).first().waitFor();

  const met = new Set<string>();
  for (const round of [1, 2]) {
    await console_.getByRole('button', { name: `Start round ${round}` }).click();
    const seen = await Promise.all(phones.map(assignment));
    const bySpot = new Map<string, string[]>();
    seen.forEach((s, i) => bySpot.set(s.spot, [...(bySpot.get(s.spot) ?? []), NAMES[i]!]));
    expect(bySpot.size).toBe(3);
    seen.forEach((s, i) => {
      // Everyone at a spot lists exactly the others at that spot.
      expect(s.mates.sort()).toEqual(
        bySpot
          .get(s.spot)!
          .filter((n) => n !== NAMES[i])
          .sort(),
      );
      for (const mate of s.mates) {
        const pair = [NAMES[i], mate].sort().join('|');
        if (round === 2) expect(met.has(pair)).toBe(false);
      }
    });
    seen.forEach((s, i) => s.mates.forEach((m) => met.add([NAMES[i], m].sort().join('|'))));

    await screen.getByRole('heading', { name: `Round ${round}` }).waitFor();
    for (const n of NAMES)
      await screen
        .getByText(`${n.split(' ')[0]} ${n.split(' ')[1]![0]}.`)
        .first()
        .waitFor();
    expect(await screen.locator('body').textContent()).not.toContain('@example.com');
    await console_.getByText(`Round ${round}`).first().waitFor();

    await phones[0]!.screenshot({ path: artifactPath(`rounds-phone-round${round}.png`), fullPage: true });
    await screen.screenshot({ path: artifactPath(`rounds-screen-board-round${round}.png`) });
    await console_.screenshot({ path: artifactPath(`rounds-console-round${round}.png`), fullPage: true });

    await console_.getByRole('button', { name: 'End now' }).click();
    await phones[0]!.getByRole('heading', { name: /^Table \d+$/ }).waitFor({ state: 'detached' });
  }
  expect(met.size).toBe(6);
});
