import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** One Chromium per test file; each person on it gets their own profile (context). */
export interface TestBrowser {
  /** A fresh profile (own cookies and storage), closed with the browser. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A fresh profile with one page; any error on the page fails the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** A new page in `context`; any error on the page fails the test. */
export async function watchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw new Error(`Page error: ${err.message}`);
  });
  return page;
}

/** The system Chromium; browser downloads are not available here. */
export async function openBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  const newContext = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris', ...options });
    contexts.push(context);
    return context;
  };
  return {
    newContext,
    async newPage(options) {
      return watchedPage(await newContext(options));
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Gives a profile an organizer's session (`name=value; …` as the API set it). */
export async function signIn(context: BrowserContext, baseUrl: string, cookie: string): Promise<void> {
  const cookies = cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
  });
  await context.addCookies(cookies);
}
