import { AsyncLocalStorage } from 'node:async_hooks';
import { Batched } from './batched';

/** A batch over a fake table whose reads we can hold open, recording the keys of each read. */
function table(rows: Record<string, number>) {
  const reads: string[][] = [];
  let hold: Promise<void> = Promise.resolve();
  let release = () => {};
  const batch = new Batched<string, number>(async (keys) => {
    reads.push(keys);
    await hold;
    return new Map(keys.filter((k) => k in rows).map((k) => [k, rows[k]!]));
  });
  return {
    batch,
    reads,
    holdReads() {
      hold = new Promise((r) => (release = r));
    },
    releaseReads: () => release(),
  };
}

describe('Batched', () => {
  it('reads a caller alone at once, and those who come while it reads in one read after it', async () => {
    const t = table({ a: 1, b: 2, c: 3 });
    t.holdReads();
    const first = t.batch.get('a');
    await Promise.resolve();
    expect(t.reads).toEqual([['a']]);
    const rest = [t.batch.get('b'), t.batch.get('c'), t.batch.get('missing')];
    expect(t.reads).toHaveLength(1);
    t.releaseReads();
    expect(await first).toBe(1);
    expect(await Promise.all(rest)).toEqual([2, 3, undefined]);
    expect(t.reads).toEqual([['a'], ['b', 'c', 'missing']]);
  });

  it('reads the keys asked in one turn together', async () => {
    const t = table({ a: 1, b: 2 });
    expect(await Promise.all([t.batch.get('a'), t.batch.get('b')])).toEqual([1, 2]);
    expect(t.reads).toEqual([['a', 'b']]);
  });

  it('reads a key asked twice once, and answers both', async () => {
    const t = table({ a: 1, b: 2 });
    t.holdReads();
    const first = t.batch.get('b');
    await Promise.resolve();
    const twice = [t.batch.get('a'), t.batch.get('a')];
    t.releaseReads();
    expect([await first, ...(await Promise.all(twice))]).toEqual([2, 1, 1]);
    expect(t.reads).toEqual([['b'], ['a']]);
  });

  it('fails every caller of a failed read, and reads again for the next', async () => {
    let fail = true;
    const batch = new Batched<string, number>(async (keys) => {
      if (fail) throw new Error('database gone');
      return new Map(keys.map((k) => [k, k.length]));
    });
    const failed = batch.get('a');
    await Promise.resolve();
    await expect(Promise.all([failed, batch.get('bb')])).rejects.toThrow('database gone');
    fail = false;
    expect(await batch.get('ccc')).toBe(3);
  });

  it('reads in the context it was made in, not in a caller’s (a transaction stays its own)', async () => {
    const context = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const batch = new Batched<string, number>(async (keys) => {
      seen.push(context.getStore());
      return new Map(keys.map((k) => [k, 1]));
    });
    await context.run('a transaction', () => batch.get('a'));
    expect(seen).toEqual([undefined]);
  });
});
