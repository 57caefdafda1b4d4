import { ConnectionGate } from './connection-gate';

/** A piece of work that runs until told to end. */
function piece() {
  let end!: (fail?: Error) => void;
  const done = new Promise<void>((resolve, reject) => (end = (fail) => (fail ? reject(fail) : resolve())));
  return { done, end };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ConnectionGate', () => {
  it('lets `width` in at once; the others wait and enter in order as slots free up, also when work fails', async () => {
    const gate = new ConnectionGate(2);
    const pieces = Array.from({ length: 5 }, piece);
    const started: number[] = [];
    const runs = pieces.map((p, i) =>
      gate
        .through(async () => {
          started.push(i);
          await p.done;
          return i;
        })
        .catch((error: Error) => error.message),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(3);

    pieces[1]!.end(new Error('failed'));
    await tick();
    expect(started).toEqual([0, 1, 2]);
    pieces[0]!.end();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    pieces[2]!.end();
    pieces[3]!.end();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.queued).toBe(0);
    pieces[4]!.end();
    expect(await Promise.all(runs)).toEqual([0, 'failed', 2, 3, 4]);

    // all slots are free again: two enter at once
    const again = [piece(), piece()];
    const order: number[] = [];
    const runsAgain = again.map((p, i) => gate.through(async () => (order.push(i), await p.done)));
    await tick();
    expect(order).toEqual([0, 1]);
    again.forEach((p) => p.end());
    await Promise.all(runsAgain);
  });
});
