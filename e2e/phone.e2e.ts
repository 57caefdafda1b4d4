import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { asAttendee, join, signUp, type Joined, type Organizer, type OrganizerEvent } from './support/api';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { until } from './support/until';
import { appAndBrowser } from './support/suite';

/**
 * The attendee phone: join by code, lobby, a live round, "I'm here", a mutual swap, privacy for a
 * groupmate who asked nobody, flaky Wi-Fi, people I met, profile, removal and "Erase me".
 * Each test opens its own event and brings its people to where it starts.
 */

const sockets: Socket[] = [];
const suite = appAndBrowser({ phones: sockets });
let organizer: Organizer;

const EVENT_NAME = 'Climate Tech Night';
const ANA = { name: 'Ana Lima', email: 'ana@example.com', phone: '+44 20 7946 0958', linkedin: 'https://www.linkedin.com/in/ana-lima' };
const RAJ = { name: 'Raj Patel', email: 'raj@example.com' };
const CLEO = { name: 'Cleo Martin', email: 'cleo@example.com' };

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Ada');
});

const url = (path: string) => `${suite.app.baseUrl}${path}`;

/** As the organizer (session cookie). */
const org = <T = unknown>(method: string, path: string, body?: unknown) => organizer.api<T>(method, path, body);

/** As an attendee (bearer token). */
const phone = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
  asAttendee<T>(suite.app.baseUrl, token, method, path, body);

/** A phone-sized browser profile that fails the test on any page error. */
const newPhone = (width = 390, height = 844, storageState?: BrowserContextOptions['storageState']) =>
  suite.browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState });

/** A new Climate Tech Night, open for joining, with one spot: Table 7. */
function openEvent(): Promise<OrganizerEvent> {
  return organizer.openEvent({
    name: EVENT_NAME,
    interests: ['AI', 'Climate', 'Hiking', 'Design', 'Policy'],
    maxInterests: 3,
    groupSize: 3,
    roundMinutes: 8,
    spotLabels: ['Table 7'],
    icebreakers: ['What are you building right now?'],
    privacyNote: 'We keep your profile for this event only. Contact details are shared only after a mutual swap.',
  });
}

/** The attendee token this phone stored for the event. */
async function tokenOn(page: Page, event: OrganizerEvent): Promise<string> {
  const joins = await page.evaluate(
    () => JSON.parse(localStorage.getItem('mingle.phone.joins') ?? '{}') as Record<string, { token: string }>,
  );
  return joins[event.id]!.token;
}

/**
 * A phone that joined through the API and has the app open in the lobby: its profile holds the
 * token as the join form leaves it (the form itself is the join test's subject).
 */
async function phoneOf(event: OrganizerEvent, joined: Joined, width = 390, height = 844): Promise<Page> {
  const stored = { [event.id]: { eventId: event.id, token: joined.token, code: event.joinCode, eventName: EVENT_NAME } };
  const localStorage = [
    { name: 'mingle.phone.joins', value: JSON.stringify(stored) },
    { name: 'mingle.phone.last', value: event.id },
  ];
  const page = await newPhone(width, height, { cookies: [], origins: [{ origin: suite.app.baseUrl, localStorage }] });
  await page.goto(url(`/e/${event.id}`));
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
  return page;
}

const joinAna = (event: OrganizerEvent) =>
  join(suite.app.baseUrl, event.joinCode, {
    name: ANA.name,
    interests: ['AI', 'Climate'],
    card: { email: ANA.email, phone: ANA.phone, linkedin: ANA.linkedin },
  });
const joinCleo = (event: OrganizerEvent) =>
  join(suite.app.baseUrl, event.joinCode, { name: CLEO.name, interests: ['Climate', 'Design'], card: { email: CLEO.email } });

/** Ana on her phone, in the lobby, with her whole card. */
const anaInLobby = async (event: OrganizerEvent) => phoneOf(event, await joinAna(event));

interface RoundOne<Cleo> {
  event: OrganizerEvent;
  ana: Page;
  raj: Joined;
  cleo: Cleo;
}

/**
 * Round 1 running at Table 7: Ana (her phone), Raj (API, app open) and Cleo, on a 360 px phone
 * when the test looks at it, else through the API with the app open.
 */
async function roundOne(cleoOn: 'phone'): Promise<RoundOne<Page>>;
async function roundOne(cleoOn?: 'api'): Promise<RoundOne<Joined>>;
async function roundOne(cleoOn: 'phone' | 'api' = 'api'): Promise<RoundOne<Page | Joined>> {
  const event = await openEvent();
  const [ana, raj, cleo] = await Promise.all([
    anaInLobby(event),
    (async () => {
      const raj = await join(suite.app.baseUrl, event.joinCode, {
        name: RAJ.name,
        headline: 'Grid software',
        company: 'Voltline',
        interests: ['Climate', 'AI'],
        card: { email: RAJ.email },
      });
      // Raj's phone has the app open: only people whose phone connected are grouped.
      await openPhone(suite.app.baseUrl, raj.token, sockets);
      return raj;
    })(),
    (async () => {
      const cleo = await joinCleo(event);
      if (cleoOn === 'phone') return phoneOf(event, cleo, 360, 740);
      await openPhone(suite.app.baseUrl, cleo.token, sockets);
      return cleo;
    })(),
  ]);
  await org('POST', `/api/events/${event.id}/rounds`, { minutes: 5 });
  return { event, ana, cleo, raj };
}

/** Round 1 is over; Ana and Raj both asked to swap: a match. */
async function afterRoundOne(): Promise<RoundOne<Joined> & { anaId: string }> {
  const round = await roundOne();
  const met = await phone<Array<{ id: string; name: string }>>(round.raj.token, 'GET', '/api/me/people');
  const anaId = met.find((p) => p.name === ANA.name)!.id;
  await phone(await tokenOn(round.ana, round.event), 'POST', `/api/me/people/${round.raj.me.id}/swap`);
  await phone(round.raj.token, 'POST', `/api/me/people/${anaId}/swap`);
  await round.ana.getByRole('dialog', { name: "It's a match!" }).getByRole('button', { name: 'Great!' }).click();
  await org('POST', `/api/events/${round.event.id}/rounds/current/end`);
  // The group stays after the end, to swap, until the next round starts.
  await round.ana.getByRole('heading', { name: 'Round over — swap contacts before you go' }).waitFor();
  return { ...round, anaId };
}

/** A short description of the focused element, and whether it is inside `dialog`. */
async function focusIn(dialog: Locator): Promise<{ inside: boolean; what: string }> {
  return dialog.evaluate((el) => {
    const f = document.activeElement;
    return {
      inside: !!f && el.contains(f),
      what: f ? `${f.tagName.toLowerCase()} ${(f.textContent ?? '').trim().slice(0, 40)}` : 'nothing',
    };
  });
}

/** A modal keeps focus: it starts inside, and Tab and Shift+Tab go round inside it. */
async function expectFocusTrapped(page: Page, dialog: Locator, presses = 7): Promise<void> {
  await until(async () => (await focusIn(dialog)).inside, 'focus moves into the dialog');
  const seen = new Set<string>();
  for (const key of [...Array<string>(presses).fill('Tab'), ...Array<string>(presses).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    const f = await focusIn(dialog);
    expect(`${key} → ${f.what}: ${f.inside ? 'inside' : 'OUTSIDE'}`).toBe(`${key} → ${f.what}: inside`);
    seen.add(f.what);
  }
  expect(seen.size).toBeGreaterThan(1); // Tab really moves, it does not just stick
}

/** Whether `target` has focus. */
async function focused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage });
}

test('unknown and draft codes get a clear page', async () => {
  const page = await newPhone();
  await page.goto(url('/j/ZZZZZZ'));
  await page.getByRole('heading', { name: 'We could not find that event' }).waitFor();
  await page.getByRole('link', { name: 'Enter a different code' }).click();
  await page.waitForURL('**/join');
  // Not a code at all: said on the spot, no request.
  await page.getByLabel('Event code').fill('abc');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('A join code has 6 letters and digits').waitFor();
  // A look-alike is a typo, said on the spot.
  await page.getByLabel('Event code').fill('K0M2QP');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('Codes never contain 0, O, 1, I or L').waitFor();
  // …and by the server, for a link typed by hand.
  await page.goto(url('/j/K0M2QP'));
  await page.getByRole('heading', { name: 'That code has a typo' }).waitFor();
  await page.getByText('Codes never contain 0, O, 1, I or L').waitFor();
});

test('join by typing the code, pick interests, fill the card, accept: the lobby', async () => {
  const { joinCode } = await openEvent();
  const page = await newPhone();
  await page.goto(url('/join'));
  // Forgiving: lower case with a space in the middle.
  const typed = `${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3).toLowerCase()}`;
  await page.getByLabel('Event code').fill(typed);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`**/j/${joinCode}`);
  await page.getByRole('heading', { name: EVENT_NAME }).waitFor();
  await page.getByText('Your contact details are shared only with people you both choose to swap with.').waitFor();
  await page.getByText('We keep your profile for this event only.').waitFor();

  // Nothing filled in: inline messages.
  await page.getByRole('button', { name: 'Join the event' }).click();
  await page.getByText('Enter your name').waitFor();
  await page.getByText('Pick at least one interest').waitFor();
  await page.getByText('Accept the privacy note to join').waitFor();

  await page.getByLabel('Your name').fill(ANA.name);
  await page.getByLabel('Headline').fill('Building solar microgrids');
  await page.getByLabel('Company').fill('SunGrid');
  await page.getByRole('button', { name: 'AI', exact: true }).click();
  await page.getByRole('button', { name: 'Climate', exact: true }).click();
  await page.getByText('2 of 3 picked').waitFor();
  await page.getByRole('button', { name: 'Hiking', exact: true }).click();
  await page.getByText('3 of 3 picked').waitFor();
  // At the maximum the others are disabled; tapping a picked one unpicks it.
  expect(await page.getByRole('button', { name: 'Design', exact: true }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Hiking', exact: true }).click();
  await page.getByText('2 of 3 picked').waitFor();
  expect(await page.getByRole('button', { name: 'AI', exact: true }).getAttribute('aria-pressed')).toBe('true');

  await page.getByLabel('Email').fill(ANA.email);
  await page.getByLabel('Phone').fill(ANA.phone);
  // The server's message for a field shows under that field.
  await page.getByLabel('LinkedIn').fill('https://example.com/ana');
  await page.getByLabel('I accept the privacy note').check();
  await page.getByRole('button', { name: 'Join the event' }).click();
  await page.getByText('Enter a full LinkedIn address starting with https://').waitFor();
  expect(await page.getByLabel('LinkedIn').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('LinkedIn').fill(ANA.linkedin);
  await shot(page, 'phone-join.png');

  await page.getByRole('button', { name: 'Join the event' }).click();
  await page.waitForURL(/\/e\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
  await page.getByText('Waiting for the next round').waitFor();
  await page.locator('.counts').getByText('joined').waitFor();
  await shot(page, 'phone-lobby.png');

  // A reload (or the screen waking up) resumes with the stored token; so does the join link.
  await page.reload();
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
  await page.goto(url(`/j/${joinCode}`));
  await page.waitForURL(/\/e\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
});

test('a round: the spot, the groupmates, I am here, swap, a match with the card', async () => {
  const { ana: page, cleo: cleoPage, raj } = await roundOne('phone');
  const rajToken = raj.token;

  await page.getByRole('heading', { name: 'Table 7' }).waitFor();
  await page.getByText(/with (Raj Patel and Cleo Martin|Cleo Martin and Raj Patel)/).waitFor();
  await page.getByText('You all like Climate').waitFor();
  await page.getByText('What are you building right now?').waitFor();
  await page
    .locator('.countdown__time')
    .filter({ hasText: /^[45]:\d\d$/ })
    .waitFor();
  const rajCard = page.locator('.mate').filter({ hasText: RAJ.name });
  await rajCard.getByText('Grid software · Voltline').waitFor();
  await rajCard.locator('.ph-tag--shared').filter({ hasText: 'AI' }).waitFor();
  await shot(page, 'phone-round.png');

  await cleoPage.getByRole('heading', { name: 'Table 7' }).waitFor();
  await shot(cleoPage, 'phone-round-360.png');
  // 360 px: nothing wider than the screen.
  expect(await cleoPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole('button', { name: "I'm here" }).click();
  await page.getByText("You're here").waitFor();
  // The others see it.
  await cleoPage.locator('.mate').filter({ hasText: ANA.name }).getByText('✓ Here').waitFor();

  // Ids for the API side.
  const rajPeople = await phone<Array<{ id: string; name: string }>>(rajToken, 'GET', '/api/me/people');
  const anaId = rajPeople.find((p) => p.name === ANA.name)!.id;

  // Ana asks; Raj is not told. Withdraw and ask again works.
  const swap = rajCard.getByRole('button', { name: /Swap/ });
  await swap.click();
  await rajCard.getByRole('button', { name: /Swap asked/ }).waitFor();
  expect(await swap.getAttribute('aria-pressed')).toBe('true');
  await swap.click();
  await rajCard.getByRole('button', { name: 'Swap contacts' }).waitFor();
  await swap.click();
  await rajCard.getByRole('button', { name: /Swap asked/ }).waitFor();

  // Raj asks back through the API: it's a match, with Raj's card. (Focus sits on a tab first: the
  // swap button Ana used turns into "Matched", so focus could not come back to it.)
  const peopleTab = page.getByRole('link', { name: 'People I met', exact: true });
  await peopleTab.focus();
  await phone(rajToken, 'POST', `/api/me/people/${anaId}/swap`);
  const match = page.getByRole('dialog', { name: "It's a match!" });
  await match.waitFor();
  expect(await match.getAttribute('aria-modal')).toBe('true');
  await match.getByRole('link', { name: RAJ.email }).waitFor();
  expect(await match.getByRole('link', { name: RAJ.email }).getAttribute('href')).toBe(`mailto:${RAJ.email}`);
  // A modal: focus moves in (to "Great!"), Tab and Shift+Tab stay inside, Escape closes it and
  // focus goes back to where it was.
  await until(() => focused(match.getByRole('button', { name: 'Great!' })), 'focus is on "Great!"');
  await expectFocusTrapped(page, match);
  await shot(page, 'phone-match.png', false);
  await page.keyboard.press('Escape');
  await match.waitFor({ state: 'detached' });
  await until(() => focused(peopleTab), 'focus is back on the "People I met" tab');
  await rajCard.getByText('Matched').waitFor();

  // Cleo asked nobody and nobody asked Cleo: no card anywhere on her phone.
  await cleoPage.reload();
  await cleoPage.getByRole('heading', { name: 'Table 7' }).waitFor();
  let text = await cleoPage.locator('body').innerText();
  expect(text).toContain(ANA.name);
  expect(text).not.toContain(ANA.email);
  expect(text).not.toContain(RAJ.email);
  expect(text).not.toContain(ANA.phone);
  await cleoPage.getByRole('link', { name: 'People I met' }).click();
  await cleoPage.locator('.person').filter({ hasText: RAJ.name }).waitFor();
  text = await cleoPage.locator('body').innerText();
  expect(text).not.toContain(ANA.email);
  expect(text).not.toContain(RAJ.email);
});

test('offline and back: the connection indicator, then the current state', async () => {
  const { event, ana: page } = await roundOne();
  await page.getByRole('heading', { name: 'Table 7' }).waitFor();
  const anaContext = page.context();
  await anaContext.setOffline(true);
  const pill = page.getByRole('status').filter({ hasText: /Offline|Reconnecting/ });
  try {
    await pill.waitFor();
    // While the phone is away, the round ends.
    await org('POST', `/api/events/${event.id}/rounds/current/end`);
    await page.getByRole('heading', { name: 'Table 7' }).waitFor(); // still the old picture
    await shot(page, 'phone-offline.png', false);
  } finally {
    await anaContext.setOffline(false);
  }
  await page.getByRole('heading', { name: 'Round over — swap contacts before you go' }).waitFor();
  await pill.waitFor({ state: 'detached' });
});

test('people I met: how we met, the matched card, a note, opt-outs, share choices, downloads', async () => {
  const { event, ana: page, raj: rajJoined, cleo: cleoJoined, anaId } = await afterRoundOne();
  const cleoId = cleoJoined.me.id;
  const {
    token: rajToken,
    me: { id: rajId },
  } = rajJoined;
  const anaToken = await tokenOn(page, event);
  await page.getByRole('link', { name: 'People I met', exact: true }).click();
  await page.getByRole('heading', { name: 'People I met', level: 1 }).waitFor();
  const raj = page.locator('.person').filter({ hasText: RAJ.name });
  const cleo = page.locator('.person').filter({ hasText: CLEO.name });
  await raj.getByText(/^Round 1, Table 7, you both like (AI and Climate|Climate and AI)$/).waitFor();
  await raj.getByRole('link', { name: RAJ.email }).waitFor();
  await cleo.getByText('Round 1, Table 7, you both like Climate').waitFor();
  await cleo.getByRole('button', { name: 'Swap contacts' }).waitFor();
  expect(await cleo.innerText()).not.toContain(CLEO.email);

  // Private note.
  await raj.getByText('Private note and options').click();
  await raj.getByLabel('Private note').fill('Follow up about grid APIs');
  await raj.getByRole('button', { name: 'Save note' }).click();
  await raj.getByText('Note saved').waitFor();
  const people = await phone<Array<{ id: string; note: string; optOut: string | null }>>(anaToken, 'GET', '/api/me/people');
  expect(people.find((p) => p.id === rajId)?.note).toBe('Follow up about grid APIs');

  // Opt-out (private): one reason at a time.
  const optOutOf = async (id: string) =>
    (await phone<Array<{ id: string; optOut: string | null }>>(anaToken, 'GET', '/api/me/people')).find((p) => p.id === id)?.optOut ?? null;
  const know = cleo.getByLabel('We already know each other');
  const avoid = cleo.getByLabel("Don't group me with this person again");
  await cleo.getByText('Private note and options').click();
  await know.check();
  await until(async () => (await optOutOf(cleoId)) === 'know', 'the opt-out is saved');
  await avoid.check();
  await until(async () => (await optOutOf(cleoId)) === 'avoid', 'the opt-out reason changes');
  await until(async () => !(await know.isChecked()), '"know" is unticked');
  await avoid.uncheck();
  await until(async () => (await optOutOf(cleoId)) === null, 'the opt-out is undone');

  // Share choices: all filled fields by default.
  const share = page.getByRole('region', { name: 'What you share on a match' });
  await share.getByLabel(/Phone/).waitFor();
  expect(await share.getByLabel(/Email/).isChecked()).toBe(true);
  await share.getByLabel(/Phone/).uncheck();
  await share.getByRole('button', { name: 'Save sharing choices' }).click();
  await share.getByText('Saved').waitFor();

  // Downloads go through fetch with the bearer header.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'All as CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('mingle-connections.csv');
  const [vcf] = await Promise.all([page.waitForEvent('download'), raj.getByRole('button', { name: 'Save contact (vCard)' }).click()]);
  expect(vcf.suggestedFilename()).toMatch(/\.vcf$/);

  await raj.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'phone-people.png');

  // "Stop sharing" with Raj, after a confirmation: Raj's view loses Ana's card at once.
  await raj.getByRole('button', { name: 'Stop sharing' }).click();
  await page
    .getByRole('dialog', { name: `Stop sharing your card with ${RAJ.name}?` })
    .getByRole('button', { name: 'Stop sharing' })
    .click();
  await raj.getByText('They do not see your contact details.').waitFor();
  const anaForRaj = (await phone<Array<{ id: string; card: unknown }>>(rajToken, 'GET', '/api/me/people')).find((p) => p.id === anaId);
  expect(anaForRaj?.card).toEqual({});
});

test('profile edit, break and back', async () => {
  const page = await anaInLobby(await openEvent());
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
  expect(await page.getByLabel('Your name').inputValue()).toBe(ANA.name);
  await page.getByLabel('Headline').fill('Solar microgrids for schools');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await shot(page, 'phone-profile.png');

  await page.getByRole('link', { name: 'Now' }).click();
  await page.getByRole('button', { name: 'Take a break' }).click();
  await page.getByRole('heading', { name: "You're on a break" }).waitFor();
  await page.getByRole('button', { name: "I'm back" }).click();
  await page.getByRole('heading', { name: "You're in!" }).waitFor();
});

test('removed by the organizer: a clear page, and the token is forgotten', async () => {
  const event = await openEvent();
  const cleo = await joinCleo(event);
  const cleoPage = await phoneOf(event, cleo, 360, 740);
  await org('DELETE', `/api/events/${event.id}/attendees/${cleo.me.id}`);
  await cleoPage.getByRole('heading', { name: 'The organizer removed you from this event.' }).waitFor();
  const stored = await cleoPage.evaluate(() => JSON.parse(localStorage.getItem('mingle.phone.joins') ?? '{}') as Record<string, unknown>);
  expect(stored[event.id]).toBeUndefined();
  await cleoPage.reload();
  await cleoPage.getByRole('heading', { name: 'You have not joined this event yet' }).waitFor();
});

test('leave the event, then erase me', async () => {
  const {
    ana: page,
    raj: { token: rajToken },
    anaId,
  } = await afterRoundOne();
  const leave = page.getByRole('button', { name: 'Leave the event' });
  await leave.click();
  const confirm = page.getByRole('dialog', { name: 'Leave the event?' });
  // The confirm is a modal too: focus starts on Cancel, stays inside, Escape closes and gives it back.
  await until(() => focused(confirm.getByRole('button', { name: 'Cancel' })), 'focus is on Cancel');
  await expectFocusTrapped(page, confirm);
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'hidden' });
  await until(() => focused(leave), 'focus is back on "Leave the event"');
  await leave.click();
  await confirm.getByRole('button', { name: 'Leave the event' }).click();
  await page.getByRole('heading', { name: /Thanks for coming/ }).waitFor();
  await page.getByRole('link', { name: 'People I met' }).first().click();
  await page.locator('.person').filter({ hasText: RAJ.name }).waitFor();

  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('button', { name: 'Erase me' }).click();
  await page.getByRole('dialog', { name: 'Erase all your data?' }).getByRole('button', { name: 'Erase everything' }).click();
  await page.getByRole('heading', { name: 'Your data was erased' }).waitFor();
  expect(await page.evaluate(() => localStorage.getItem('mingle.phone.joins'))).toBe('{}');

  // Raj's side: Ana's data is gone.
  const rajPeople = await phone<Array<{ id: string; present: boolean; card: unknown }>>(rajToken, 'GET', '/api/me/people');
  const ana = rajPeople.find((p) => p.id === anaId);
  expect(ana?.present ?? false).toBe(false);
  expect(JSON.stringify(rajPeople)).not.toContain(ANA.email);
});
