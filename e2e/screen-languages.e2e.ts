import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { join as joinApi, signUp, type Organizer, type OrganizerEvent } from './support/api';
import { openPhone } from './support/phones';
import { artifactPath } from './support/server';
import { appAndBrowser } from './support/suite';

/** The projector screen speaks the event's language, and switches live when the organizer changes it. */

const phones: Socket[] = [];
const suite = appAndBrowser({ env: { JOIN_RATE_LIMIT: '1000' }, phones });
let organizer: Organizer;

beforeAll(async () => {
  organizer = await signUp(suite.app.baseUrl, 'Sofía Pantalla');
});

async function join(code: string, name: string, interests: string[]): Promise<void> {
  const { token } = await joinApi(suite.app.baseUrl, code, { name, interests, card: { email: 'x@y.example' } });
  await openPhone(suite.app.baseUrl, token, phones);
}

const onTestServer = (screenUrl: string) => {
  const u = new URL(screenUrl);
  return `${suite.app.baseUrl}${u.pathname}${u.search}`;
};

/** Nothing scrolls or sticks out of the stage in this language's longer words. */
async function assertFits(page: Page): Promise<void> {
  const m = await page.evaluate(() => {
    const outside = Array.from(document.querySelectorAll<HTMLElement>('.screen *'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) return false;
        return r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    const de = document.documentElement;
    return { scroll: de.scrollHeight > innerHeight || de.scrollWidth > innerWidth, outside };
  });
  expect(m).toEqual({ scroll: false, outside: [] });
}

test('a Spanish event shows a Spanish screen in the lobby and in a round; switching to German changes it live', async () => {
  // The browser speaks English: the screen follows the event, not the browser.
  const event: OrganizerEvent = await organizer.openEvent({
    name: 'Noche de Tecnología Climática',
    interests: ['Clima', 'Diseño', 'Política', 'Hardware'],
    groupSize: 3,
    language: 'es',
  });
  await Promise.all([
    join(event.joinCode, 'Ana López', ['Clima', 'Diseño']),
    join(event.joinCode, 'Benito Okafor', ['Clima', 'Política']),
    join(event.joinCode, 'Chloé Martín', ['Clima', 'Hardware']),
    join(event.joinCode, 'Ñuño Ibáñez', ['Diseño', 'Hardware']),
  ]);
  const screen = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await screen.goto(onTestServer(event.screenUrl));

  await screen.getByText('Ya te puedes unir').waitFor();
  await screen.locator('.count__value', { hasText: /^4$/ }).waitFor();
  expect(await screen.locator('.count__label').textContent()).toBe('personas se han unido');
  await screen.getByText('Escanea para unirte, o entra en').waitFor();
  await screen.getByRole('img', { name: 'Código QR: escanéalo para unirte a Noche de Tecnología Climática' }).waitFor();
  await screen.getByRole('button', { name: 'Pantalla completa' }).waitFor();
  expect(await screen.evaluate(() => document.documentElement.lang)).toBe('es');
  expect(await screen.title()).toBe('Noche de Tecnología Climática · Pantalla de Mingle');
  await screen.screenshot({ path: artifactPath('screen-es-lobby-1920.png') });
  await assertFits(screen);
  await screen.mouse.move(5, 5);

  await organizer.api('POST', `/api/events/${event.id}/rounds`, {});
  await screen.getByRole('heading', { name: 'Ronda 1' }).waitFor();
  await screen.getByRole('heading', { name: 'Busca tu mesa' }).waitFor();
  await screen.getByText('Busca tu nombre y ve a tu mesa').waitFor();
  await screen.getByText(/^4 personas en [12] sitios?$/).waitFor();
  // Tables without the organizer's labels are named in the event's language.
  await screen.getByRole('heading', { name: 'Mesa 1' }).waitFor();
  expect(await screen.locator('.corner__text').textContent()).toMatch(/^¿Llegas ahora\? Únete en \S+\/join código \w+$/);
  expect(await screen.getByRole('timer').getAttribute('aria-label')).toMatch(/^Tiempo restante: \d{1,2}:\d{2}$/);
  await screen.screenshot({ path: artifactPath('screen-es-round-1920.png') });
  await assertFits(screen);

  // The organizer switches the event to German: the open screen follows without a reload.
  await screen.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await organizer.api('PATCH', `/api/events/${event.id}`, { language: 'de' });
  await screen.getByRole('heading', { name: 'Runde 1' }).waitFor();
  await screen.getByRole('heading', { name: 'Finde deinen Tisch' }).waitFor();
  await screen.getByText('Such deinen Namen und geh zu deinem Tisch').waitFor();
  expect(await screen.locator('.corner__text').textContent()).toMatch(/^Neu hier\? Mitmachen auf \S+\/join Code \w+$/);
  expect(await screen.evaluate(() => document.documentElement.lang)).toBe('de');
  expect(await screen.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  await screen.screenshot({ path: artifactPath('screen-de-round-1920.png') });
  await assertFits(screen);

  // The round ends: the German moment to swap, at 720p where the long words have least room.
  await screen.setViewportSize({ width: 1280, height: 720 });
  await organizer.api('POST', `/api/events/${event.id}/rounds/current/end`, {});
  await screen.getByRole('heading', { name: /^Runde 1 vorbei\s– jetzt Kontakte tauschen$/ }).waitFor();
  await screen.getByText('Tippe auf deinem Handy bei den Leuten, die du gerade kennengelernt hast, auf „Kontakte tauschen“.').waitFor();
  await screen.screenshot({ path: artifactPath('screen-de-between-720.png') });
  await assertFits(screen);
  await screen.close();
});
