import { randomUUID } from 'node:crypto';

/** How often a node says it is alive (and how far its news has got). */
export const ALIVE_EVERY_MS = 1000;
/** A node not heard from for this long is gone (kill -9): what it said is forgotten. */
export const NODE_GONE_MS = 3000;

type EventLists = Array<[eventId: string, attendeeIds: string[]]>;

/** What nodes tell each other about who is online (through the socket.io adapter, so Redis). */
export interface InterNodeEvents {
  /** an attendee's first socket on `node` opened (true) or its last one closed (false); `seq` counts the node's news */
  'online:one': (node: string, seq: number, eventId: string, attendeeId: string, on: boolean) => void;
  /** `node` is alive and has sent `seq` pieces of news */
  'online:alive': (node: string, seq: number) => void;
  /** `asker` missed some of `node`'s news: `node` sends everything */
  'online:ask': (asker: string, node: string) => void;
  /** everyone online on `node` after its news number `seq` */
  'online:all': (node: string, seq: number, events: EventLists) => void;
  /** `node` is shutting down */
  'online:gone': (node: string) => void;
}

/** The part of a socket.io server this needs: sending to the other nodes and hearing them. */
export interface InterNode {
  serverSideEmit<E extends keyof InterNodeEvents>(event: E, ...args: Parameters<InterNodeEvents[E]>): boolean;
  on<E extends keyof InterNodeEvents>(event: E, listener: InterNodeEvents[E]): unknown;
}

interface OtherNode {
  /** its news applied so far; -1 until it sent everything */
  seq: number;
  heardAt: number;
  events: Map<string, Set<string>>;
  askedAt: number;
}

/**
 * Who is online in each event, across every node, answered from memory. Each node counts its own
 * sockets and tells the others only what changes (one small message when someone's first socket
 * opens or last one closes), so asking costs nothing on the wire however big the room, unlike
 * `fetchSockets()`, which made every node serialise every socket of the room for each question.
 *
 * Lost news (Redis away, a node that started late) shows as a gap in a node's numbered news; the
 * node that noticed asks for everything once. A node not heard from for NODE_GONE_MS (killed) is
 * forgotten, so its phones count as offline within 3 s; while this node cannot reach Redis, it
 * answers with its own sockets only, as before.
 */
export class OnlinePeople {
  readonly node = randomUUID();
  private seq = 0;
  /** this node: event → attendee → open sockets */
  private readonly local = new Map<string, Map<string, number>>();
  private readonly others = new Map<string, OtherNode>();
  private wire: InterNode | null = null;
  private linkUp: () => boolean = () => false;
  private timer: NodeJS.Timeout | null = null;

  /** Shares with the other nodes through `wire` (the socket.io server) while `up()` says Redis takes messages. */
  share(wire: InterNode, up: () => boolean): void {
    this.wire = wire;
    this.linkUp = up;
    wire.on('online:one', (node, seq, eventId, attendeeId, on) => this.heardOne(node, seq, eventId, attendeeId, on));
    wire.on('online:alive', (node, seq) => this.heardAlive(node, seq));
    wire.on('online:ask', (_asker, node) => node === this.node && this.sendAll());
    wire.on('online:all', (node, seq, events) => this.heardAll(node, seq, events));
    wire.on('online:gone', (node) => this.others.delete(node));
    this.timer = setInterval(() => this.tick(), ALIVE_EVERY_MS);
    this.timer.unref();
    this.tell('online:alive', this.node, this.seq);
  }

  opened(eventId: string, attendeeId: string): void {
    let people = this.local.get(eventId);
    if (!people) this.local.set(eventId, (people = new Map()));
    const sockets = people.get(attendeeId) ?? 0;
    people.set(attendeeId, sockets + 1);
    if (sockets === 0) this.tell('online:one', this.node, ++this.seq, eventId, attendeeId, true);
  }

  closed(eventId: string, attendeeId: string): void {
    const people = this.local.get(eventId);
    const sockets = people?.get(attendeeId);
    if (!people || !sockets) return;
    if (sockets > 1) return void people.set(attendeeId, sockets - 1);
    people.delete(attendeeId);
    if (!people.size) this.local.delete(eventId);
    this.tell('online:one', this.node, ++this.seq, eventId, attendeeId, false);
  }

  /** Attendee ids with a socket open on any node (this node's own only, while Redis is away). */
  in(eventId: string): Set<string> {
    const online = new Set(this.local.get(eventId)?.keys());
    if (!this.linkUp()) return online;
    for (const other of this.others.values()) for (const id of other.events.get(eventId) ?? []) online.add(id);
    return online;
  }

  /** Attendee ids with a socket open on this node, in every event. */
  here(): string[] {
    return [...this.local.values()].flatMap((people) => [...people.keys()]);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.tell('online:gone', this.node);
    this.wire = null;
  }

  private tell<E extends keyof InterNodeEvents>(event: E, ...args: Parameters<InterNodeEvents[E]>): void {
    // while Redis is away nothing goes out; the numbering shows the others what they missed
    if (!this.wire || !this.linkUp()) return;
    try {
      this.wire.serverSideEmit(event, ...args);
    } catch {
      // dropped like any news; the next 'alive' shows the gap
    }
  }

  private tick(): void {
    this.tell('online:alive', this.node, this.seq);
    const now = Date.now();
    for (const [node, other] of this.others) if (now - other.heardAt > NODE_GONE_MS) this.others.delete(node);
  }

  private sendAll(): void {
    const events: EventLists = [...this.local].map(([eventId, people]) => [eventId, [...people.keys()]]);
    this.tell('online:all', this.node, this.seq, events);
  }

  private other(node: string): OtherNode {
    let other = this.others.get(node);
    if (!other) this.others.set(node, (other = { seq: -1, heardAt: 0, events: new Map(), askedAt: 0 }));
    other.heardAt = Date.now();
    return other;
  }

  /** Asks `node` for everything, at most once per ALIVE_EVERY_MS while the answer is awaited. */
  private ask(node: string, other: OtherNode): void {
    other.seq = -1;
    if (Date.now() - other.askedAt < ALIVE_EVERY_MS) return;
    other.askedAt = Date.now();
    this.tell('online:ask', this.node, node);
  }

  private heardOne(node: string, seq: number, eventId: string, attendeeId: string, on: boolean): void {
    const other = this.other(node);
    if (other.seq < 0 || seq > other.seq + 1) return this.ask(node, other);
    if (seq <= other.seq) return;
    other.seq = seq;
    let people = other.events.get(eventId);
    if (on) {
      if (!people) other.events.set(eventId, (people = new Set()));
      people.add(attendeeId);
    } else if (people) {
      people.delete(attendeeId);
      if (!people.size) other.events.delete(eventId);
    }
  }

  private heardAlive(node: string, seq: number): void {
    const other = this.other(node);
    if (other.seq !== seq) this.ask(node, other);
  }

  private heardAll(node: string, seq: number, events: EventLists): void {
    const other = this.other(node);
    if (other.seq >= 0 && seq < other.seq) return;
    other.seq = seq;
    other.askedAt = 0;
    other.events = new Map(events.map(([eventId, ids]) => [eventId, new Set(ids)]));
  }
}
