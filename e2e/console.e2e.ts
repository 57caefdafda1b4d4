import type { Page } from 'playwright-core';
import { signUp } from './support/api';
import { artifactPath } from './support/server';
import { appAndBrowser } from './support/suite';

const suite = appAndBrowser();

const organizer = { name: 'Ada Organizer', email: `ada+${Date.now()}@example.com`, password: 'correct horse battery' };
const EVENT_NAME = 'Climate Tech Night';

const newPage = (viewport = { width: 1280, height: 900 }) => suite.browser.newPage({ viewport });

const url = (path: string) => `${suite.app.baseUrl}${path}`;

/** Full-page shots with the sticky save bar resting at the end of the form, not mid-page. */
async function fullShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: artifactPath(name), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function chipTexts(page: Page): Promise<string[]> {
  return page.locator('.chip__text').allTextContents();
}

async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.locator(selector).evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a signed-out visitor is sent to log in', async () => {
  const page = await newPage();
  await page.goto(url('/'));
  await page.waitForURL('**/console/login');
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.screenshot({ path: artifactPath('console-login.png') });
  await page.goto(url('/console/events/new'));
  await page.waitForURL(/\/console\/login\?next=/);
});

test('sign up, create an event with tags, find it in the list after a reload', async () => {
  const page = await newPage();
  await page.goto(url('/console'));
  await page.waitForURL('**/console/login');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL('**/console/signup');

  // Too short a password is caught inline, with the shared schema's message.
  await page.getByLabel('Your name').fill(organizer.name);
  await page.getByLabel('Email').fill(organizer.email);
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Password').press('Enter');
  await page.getByText('Password must be at least 10 characters').waitFor();

  await page.getByLabel('Password').fill(organizer.password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(/\/console$/);
  await page.getByText('No events yet — create your first').waitFor();
  await page.getByText(organizer.name).waitFor();
  await page.screenshot({ path: artifactPath('console-events-empty.png') });

  await page.getByRole('link', { name: 'New event' }).click();
  await page.waitForURL('**/console/events/new');
  await page.getByLabel('Event name').fill(EVENT_NAME);
  await page.getByLabel('Description').fill('Meet people working on climate: founders, engineers, investors.');
  await page.getByLabel('Venue').fill('Impact Hub, Room 2');
  await page.getByLabel('Starts').fill('2026-12-01T18:30');
  await page.getByLabel('Time zone').selectOption('America/New_York');

  const tags = page.getByLabel('Interest tags', { exact: true });
  // Enter adds a tag.
  await tags.fill('AI');
  await tags.press('Enter');
  expect(await chipTexts(page)).toEqual(['AI']);

  // One tag is not enough: the inline message comes from the shared schema.
  await page.getByRole('button', { name: 'Create event' }).click();
  await page.getByText('Add at least 2 interest tags').waitFor();
  expect(page.url()).toMatch(/\/console\/events\/new$/);

  // A comma adds a tag.
  await tags.pressSequentially('Climate,');
  expect(await chipTexts(page)).toEqual(['AI', 'Climate']);
  expect(await tags.inputValue()).toBe('');
  await page.getByText('Add at least 2 interest tags').waitFor({ state: 'detached' });

  // Pasting a list adds each entry; a repeat is dropped.
  await pasteInto(page, '#ev-interests', 'Design, Product; Marketing\nSales\nai');
  expect(await chipTexts(page)).toEqual(['AI', 'Climate', 'Design', 'Product', 'Marketing', 'Sales']);
  await page.getByText('6 / 60').waitFor();

  // Backspace in the empty field removes the last tag, the × removes a given one.
  await tags.press('Backspace');
  expect(await chipTexts(page)).toEqual(['AI', 'Climate', 'Design', 'Product', 'Marketing']);
  await page.getByRole('button', { name: 'Remove Marketing' }).click();
  expect(await chipTexts(page)).toEqual(['AI', 'Climate', 'Design', 'Product']);
  await tags.fill('Policy');
  await tags.press('Enter');
  await page.getByText('5 / 60').waitFor();

  await page.getByLabel('Tags each attendee may pick').fill('3');
  await page.getByLabel('Group size').fill('3');
  await page.getByLabel('Round length').fill('10');
  await page.getByRole('radio', { name: /Diverse/ }).check();
  await page.getByRole('textbox', { name: /^Spot labels/ }).fill('Window table\nBar corner\n\nSofa');
  await page.getByRole('textbox', { name: /^Icebreakers/ }).fill('What brought you here tonight?\nWhat are you building?');
  await page.getByLabel('Privacy note for attendees').fill('Contact details are only shared after a mutual swap.');

  // Enter in a text field submits the form.
  await page.getByLabel('Venue').press('Enter');
  await page.waitForURL(/\/console\/events\/[0-9a-f-]{36}$/);
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const eventPath = new URL(page.url()).pathname;

  const joinCode = (await page.locator('.joincode').textContent())?.trim() ?? '';
  expect(joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  await page.getByRole('heading', { name: EVENT_NAME, level: 1 }).waitFor();
  await fullShot(page, 'console-editor.png');

  // Open joining.
  await page.getByRole('button', { name: 'Open joining' }).click();
  await page.getByRole('button', { name: 'Back to draft' }).waitFor();
  await page.locator('.editor__head .badge').filter({ hasText: 'Open' }).waitFor();

  // The list shows it, and still does after a reload.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Events' }).click();
  await page.waitForURL(/\/console$/);
  const row = page.getByRole('row', { name: new RegExp(EVENT_NAME) });
  await row.waitFor();
  await page.reload();
  await row.waitFor();
  const cells = await row.getByRole('cell').allTextContents();
  expect(cells[0]).toBe(EVENT_NAME);
  expect(cells[1]).toBe('Open');
  expect(cells[2]).toContain('Dec 1, 2026');
  expect(cells[2]).toContain('6:30 PM');
  expect(cells[2]).toContain('America/New_York');
  expect(cells[3]).toBe(joinCode);
  expect(cells[4]).toBe('0');
  await fullShot(page, 'console-events-list.png');

  // The editor shows what was saved, start time in the event's own zone.
  await row.getByRole('link', { name: EVENT_NAME }).click();
  await page.waitForURL(`**${eventPath}`);
  await page.reload();
  await page.getByLabel('Event name').waitFor();
  expect(await page.getByLabel('Event name').inputValue()).toBe(EVENT_NAME);
  expect(await page.getByLabel('Starts').inputValue()).toBe('2026-12-01T18:30');
  expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
  expect(await chipTexts(page)).toEqual(['AI', 'Climate', 'Design', 'Product', 'Policy']);
  expect(await page.getByLabel('Group size').inputValue()).toBe('3');
  expect(await page.getByRole('radio', { name: /Diverse/ }).isChecked()).toBe(true);
  expect(await page.getByRole('textbox', { name: /^Spot labels/ }).inputValue()).toBe('Window table\nBar corner\nSofa');

  // An edit says so, and saving says "Saved" again.
  await page.getByLabel('Venue').fill('Impact Hub, Room 3');
  await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

  // Tablet width: the controls move above the form.
  await page.setViewportSize({ width: 768, height: 1024 });
  await fullShot(page, 'console-editor-tablet.png');
});

test('log in again, regenerate the join code, delete an event after confirming', async () => {
  const owner = await signUp(suite.app.baseUrl);
  const event = await owner.openEvent({ name: EVENT_NAME, interests: ['AI', 'Climate'] });
  const eventPath = `/console/events/${event.id}`;
  const page = await newPage();
  await page.goto(url(eventPath));
  await page.waitForURL(/\/console\/login\?next=/);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('alert').filter({ hasText: /wrong/i }).waitFor();
  await page.getByLabel('Password').fill(owner.password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(`**${eventPath}`);

  const before = (await page.locator('.joincode').textContent())?.trim();
  await page.getByRole('button', { name: 'Regenerate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a new join code?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Regenerate' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction((old) => document.querySelector('.joincode')?.textContent?.trim() !== old, before);

  // A second event, made through the API from the page, then deleted through the UI.
  const created = await page.evaluate(async () => {
    const res = await fetch('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mingle-csrf': '1' },
      body: JSON.stringify({ name: 'Throwaway', interests: ['one', 'two'] }),
    });
    return { status: res.status, body: (await res.json()) as { id: string } };
  });
  expect(created.status).toBe(201);
  await page.goto(url(`/console/events/${created.body.id}`));
  await page.getByRole('heading', { name: 'Throwaway', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Delete event' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete “Throwaway”/ });
  await confirm.waitFor();
  // Focus starts on Cancel and Tab keeps it inside the dialog.
  const focusInside = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    expect(await focusInside()).toBe(true);
  }
  // Escape cancels, and focus goes back to the button that opened it.
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Delete event');
  await page.getByRole('button', { name: 'Delete event' }).click();
  await confirm.getByRole('button', { name: 'Delete event' }).click();
  await page.waitForURL(/\/console$/);
  await page.getByRole('row', { name: new RegExp(EVENT_NAME) }).waitFor();
  expect(await page.getByRole('row', { name: /Throwaway/ }).count()).toBe(0);
});
