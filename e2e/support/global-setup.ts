import type { BrowserServer } from 'playwright-core';
import { BROWSER_ENDPOINT, launchBrowserServer } from './browser';

/** One Chromium for the whole tier: each test file connects and opens its own profiles. */
export default async function globalSetup(): Promise<void> {
  const server = await launchBrowserServer();
  process.env[BROWSER_ENDPOINT] = server.wsEndpoint();
  (globalThis as { mingleBrowser?: BrowserServer }).mingleBrowser = server;
}
