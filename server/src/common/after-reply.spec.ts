import { AfterReply } from './after-reply';

/** A step that runs only when the test lets it end. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('AfterReply', () => {
  it('runs the steps in order, after the current turn', async () => {
    const after = new AfterReply(() => {});
    const done: string[] = [];
    after.run(
      'a start',
      async () => done.push('news'),
      async () => done.push('look-ahead'),
    );
    done.push('answer');
    expect(after.pending).toBe(1);
    while (after.pending) await new Promise((next) => setImmediate(next));
    expect(done).toEqual(['answer', 'news', 'look-ahead']);
  });

  it('once closing, starts no step and waits for the one running', async () => {
    const after = new AfterReply(() => {});
    const news = gate();
    const done: string[] = [];
    let started!: () => void;
    const newsStarted = new Promise<void>((resolve) => (started = resolve));
    after.run(
      'a start',
      async () => {
        started();
        await news.opened;
        done.push('news');
      },
      async () => done.push('look-ahead'),
    );
    await newsStarted;
    let closed = false;
    const closing = after.close().then(() => (closed = true));
    // the news step is still running: close has not resolved
    await Promise.resolve();
    expect(closed).toBe(false);
    news.open();
    await closing;
    expect(done).toEqual(['news']);
    expect(after.pending).toBe(0);

    after.run('after close', async () => done.push('late'));
    expect(after.pending).toBe(0);
    await after.close();
    expect(done).toEqual(['news']);
  });

  it('skips every step of a piece that had not begun when closing', async () => {
    const after = new AfterReply(() => {});
    const done: string[] = [];
    after.run('a start', async () => done.push('news'));
    await after.close();
    expect(done).toEqual([]);
  });

  it('reports a failing step and runs none after it', async () => {
    const failures: string[] = [];
    const after = new AfterReply((what, error) => failures.push(`${what}: ${error.message}`));
    const done: string[] = [];
    after.run(
      'round 2',
      async () => {
        throw new Error('database away');
      },
      async () => done.push('look-ahead'),
    );
    while (after.pending) await new Promise((next) => setImmediate(next));
    expect(failures).toEqual(['round 2: database away']);
    expect(done).toEqual([]);
  });
});
