import { NODE_GONE_MS, OnlinePeople, type InterNode, type InterNodeEvents } from './online-people';

type Listener = (...args: unknown[]) => void;

/** Nodes wired like the Redis adapter's serverSideEmit: to every other node, in order; `cut` drops what is sent. */
function cluster() {
  const nodes: Array<{ people: OnlinePeople; listeners: Map<string, Listener[]> }> = [];
  let cut = false;
  let up = true;
  const add = () => {
    const people = new OnlinePeople();
    const listeners = new Map<string, Listener[]>();
    const self = { people, listeners };
    const wire: InterNode = {
      serverSideEmit: (event, ...args) => {
        if (cut) return true;
        for (const other of nodes) if (other !== self) for (const l of other.listeners.get(event) ?? []) l(...args);
        return true;
      },
      on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener]),
    };
    nodes.push(self);
    people.share(wire, () => up);
    return people;
  };
  return {
    add,
    cut: (value: boolean) => (cut = value),
    redisUp: (value: boolean) => (up = value),
    /** what the alive timer does each second */
    tick: () => nodes.forEach((n) => (n.people as unknown as { tick(): void }).tick()),
    close: () => nodes.forEach((n) => n.people.close()),
    send: <E extends keyof InterNodeEvents>(to: OnlinePeople, event: E, ...args: Parameters<InterNodeEvents[E]>) =>
      nodes
        .find((n) => n.people === to)!
        .listeners.get(event)
        ?.forEach((l) => l(...args)),
  };
}

const sorted = (s: Set<string>) => [...s].sort();

describe('OnlinePeople', () => {
  it('counts sockets: someone is online until their last socket closes, on this node alone', () => {
    const alone = new OnlinePeople();
    alone.opened('e1', 'ann');
    alone.opened('e1', 'ann');
    alone.opened('e2', 'bob');
    alone.closed('e1', 'ann');
    expect(sorted(alone.in('e1'))).toEqual(['ann']);
    alone.closed('e1', 'ann');
    alone.closed('e1', 'ann');
    expect(sorted(alone.in('e1'))).toEqual([]);
    expect(alone.here()).toEqual(['bob']);
  });

  it('each node sees who is online on the others, from their changes alone', () => {
    const c = cluster();
    const [a, b] = [c.add(), c.add()];
    c.tick(); // they learn of each other and exchange what they hold (nothing yet)
    a.opened('e1', 'ann');
    b.opened('e1', 'bob');
    b.opened('e2', 'cat');
    expect(sorted(a.in('e1'))).toEqual(['ann', 'bob']);
    expect(sorted(b.in('e1'))).toEqual(['ann', 'bob']);
    expect(sorted(a.in('e2'))).toEqual(['cat']);
    b.closed('e1', 'bob');
    expect(sorted(a.in('e1'))).toEqual(['ann']);
    c.close();
  });

  it('a node started late, or one that missed news while Redis was away, asks once and is right again', () => {
    const c = cluster();
    const a = c.add();
    a.opened('e1', 'ann');
    a.opened('e1', 'bob');
    const late = c.add();
    expect(sorted(late.in('e1'))).toEqual([]);
    c.tick();
    expect(sorted(late.in('e1'))).toEqual(['ann', 'bob']);

    c.cut(true);
    a.closed('e1', 'bob');
    a.opened('e1', 'cat');
    c.cut(false);
    expect(sorted(late.in('e1'))).toEqual(['ann', 'bob']);
    c.tick(); // the alive message shows the gap; the answer fills it
    expect(sorted(late.in('e1'))).toEqual(['ann', 'cat']);
    a.opened('e1', 'dan');
    expect(sorted(late.in('e1'))).toEqual(['ann', 'cat', 'dan']);
    c.close();
  });

  it('forgets a node not heard from (killed) and one that says it is shutting down', () => {
    const c = cluster();
    const [a, b, d] = [c.add(), c.add(), c.add()];
    c.tick();
    b.opened('e1', 'bob');
    d.opened('e1', 'dan');
    expect(sorted(a.in('e1'))).toEqual(['bob', 'dan']);
    d.close();
    expect(sorted(a.in('e1'))).toEqual(['bob']);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + NODE_GONE_MS + 1);
    try {
      (a as unknown as { tick(): void }).tick();
      expect(sorted(a.in('e1'))).toEqual([]);
    } finally {
      clock.mockRestore();
      c.close();
    }
  });

  it('answers with its own sockets only while Redis is away', () => {
    const c = cluster();
    const [a, b] = [c.add(), c.add()];
    c.tick();
    a.opened('e1', 'ann');
    b.opened('e1', 'bob');
    c.redisUp(false);
    expect(sorted(a.in('e1'))).toEqual(['ann']);
    c.redisUp(true);
    expect(sorted(a.in('e1'))).toEqual(['ann', 'bob']);
    c.close();
  });

  it('ignores stale news: an old full list does not undo later changes', () => {
    const c = cluster();
    const [a, b] = [c.add(), c.add()];
    c.tick();
    b.opened('e1', 'bob');
    b.opened('e1', 'cat');
    c.send(a, 'online:all', b.node, 1, [['e1', ['bob']]]);
    expect(sorted(a.in('e1'))).toEqual(['bob', 'cat']);
    c.close();
  });
});
