/**
 * Polls `check` until it returns true (Jest has no expect.poll). A check that throws counts as
 * "not yet", so an `expect` inside works; after `timeoutMs` the error names `what` it waited for
 * and the last failure seen.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'the check kept returning false';
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}: ${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
