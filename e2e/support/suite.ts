import type { Socket } from 'socket.io-client';
import { openBrowser, type TestBrowser } from './browser';
import { startApp, type RunningApp } from './server';

/** The app and the browser a test file drives; set before its first test. */
export interface Suite {
  app: RunningApp;
  browser: TestBrowser;
}

/**
 * One built app (with `env`) and one Chromium for the whole file: started side by side before its
 * tests, each kept as soon as it is up so that the end closes it even if the other failed; after
 * the tests the `phones` the file opened are disconnected, the browser closed and the app stopped.
 * Call it at the top of the file; a `beforeAll` declared after it runs once both are up.
 */
export function appAndBrowser(options: { env?: Record<string, string>; phones?: Socket[] } = {}): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    await Promise.all([openBrowser().then((b) => (suite.browser = b)), startApp(options.env).then((a) => (suite.app = a))]);
  });
  afterAll(async () => {
    for (const s of options.phones ?? []) s.disconnect();
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}
