import { Logger, type INestApplicationContext } from '@nestjs/common';
import { createAdapter, type RedisAdapter } from '@socket.io/redis-adapter';
import { randomUUID } from 'node:crypto';
import type { Server, ServerOptions } from 'socket.io';
import { createClient, type RedisClientType } from 'redis';
import { LeanIoAdapter } from './lean-io.adapter';

/**
 * Messages between nodes as JSON instead of the adapter's default MessagePack: a round start's console
 * picture and board (1.6 MB at 10,000 people) encode in about 6 ms instead of 30–100 ms, and decode
 * faster too. Mingle's news holds no binary, so nothing is lost.
 */
const JSON_PARSER = {
  encode: (message: unknown) => JSON.stringify(message),
  decode: (message: Buffer | string) => JSON.parse(message.toString()) as unknown,
};

/**
 * The adapter reads every message on its channels, its own too, and only then sees whose it is: the
 * node that started a round read back its own 2.5 MB of group news at 10,000 phones. Its own
 * broadcasts (`["id",…` through JSON_PARSER) and its own news to the other nodes (a request
 * `{"uid":"id","type":6,…`, 6 being the adapter's SERVER_SIDE_EMIT) are dropped unread. Its other
 * requests must come back: the adapter joins, leaves and disconnects this node's own sockets only
 * when it hears its own request.
 */
function skippingOwn(adapter: RedisAdapter): RedisAdapter {
  const own = [Buffer.from(`["${adapter.uid}",`), Buffer.from(`{"uid":"${adapter.uid}","type":6,`)];
  const mine = (message: Buffer | string) => {
    const start = Buffer.isBuffer(message) ? message : Buffer.from(message.slice(0, 40));
    return own.some((prefix) => start.subarray(0, prefix.length).equals(prefix));
  };
  const read = adapter as unknown as Record<'onmessage' | 'onrequest', (...args: unknown[]) => unknown>;
  const [onmessage, onrequest] = [read.onmessage.bind(adapter), read.onrequest.bind(adapter)];
  read.onmessage = (pattern, channel, message) => (mine(message as Buffer) ? undefined : onmessage(pattern, channel, message));
  read.onrequest = (channel, message) => (mine(message as Buffer) ? undefined : onrequest(channel, message));
  return adapter;
}

/** Tells every node "news was dropped while Redis was away: bring your phones up to date". */
const RESYNC_CHANNEL = 'mingle#resync';
/** Reconnect fast and at a steady pace, so every node is back within about a second of Redis. */
const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 1000);

/**
 * Carries broadcasts between server nodes through Redis; connects before the server is made.
 *
 * Redis may go away at any time. Then news to other nodes is dropped, never queued (a queue would
 * replay stale news after the phones were refreshed) and never fatal (the socket.io adapter leaves
 * the publish promise unhandled, so the pub client handles it). When Redis is back, each node sends
 * a fresh snapshot to its own sockets: `onRecovered` runs when this node's subscriber is back, and
 * again when a node that dropped news can publish again (it asks every node through RESYNC_CHANNEL).
 */
export class RedisIoAdapter extends LeanIoAdapter {
  private clients: RedisClientType[] = [];
  private adapter: ReturnType<typeof createAdapter> | null = null;
  private server: Server | null = null;
  private readonly id = randomUUID();
  private readonly log = new Logger('Redis');
  /** Set by the app: brings this node's own sockets up to date. */
  onRecovered: (server: Server) => void = () => undefined;
  /** How many publishes were dropped (for tests and logs). */
  dropped = 0;

  /** Whether messages to the other nodes go out and theirs come in now. */
  get linked(): boolean {
    return this.clients.length > 0 && this.clients.every((c) => c.isReady);
  }

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    const pub = createClient({ url: this.url, disableOfflineQueue: true, socket: { reconnectStrategy } }) as RedisClientType;
    const sub = pub.duplicate();
    // Publish failures are counted and owed a resync, which goes out once Redis takes publishes again.
    const publish = pub.publish.bind(pub);
    let owesResync = false;
    const resync = () => {
      owesResync = false;
      publish(RESYNC_CHANNEL, this.id).catch(() => (owesResync = true));
    };
    const publishOrDrop = (channel: string, message: string | Buffer) => {
      const sent = publish(channel, message);
      sent.catch(() => {
        this.dropped++;
        if (pub.isReady) resync();
        else owesResync = true;
      });
      return sent;
    };
    Object.defineProperty(pub, 'publish', { value: publishOrDrop });
    // The adapter does not handle these promises either (it unsubscribes when the server closes).
    for (const name of ['pUnsubscribe', 'unsubscribe'] as const) {
      const original = sub[name].bind(sub) as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(sub, name, { value: (...args: unknown[]) => original(...args).catch(() => undefined) });
    }
    this.watch(pub, 'publisher', () => owesResync && resync());
    this.watch(sub, 'subscriber', () => this.recovered('subscriber back'));
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(RESYNC_CHANNEL, (from) => from !== this.id && this.recovered('another node dropped news'));
    this.clients = [pub, sub];
    const make = createAdapter(pub, sub, { requestsTimeout: 2000, parser: JSON_PARSER });
    // socket.io calls it with `new`: a function, not an arrow
    this.adapter = function (nsp: unknown) {
      return skippingOwn(make(nsp));
    };
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    if (this.adapter) server.adapter(this.adapter);
    this.server = server;
    return server;
  }

  override async close(server: Server): Promise<void> {
    this.server = null;
    await super.close(server);
    // A client still reconnecting to an absent Redis is dropped at once instead of waiting for it.
    await Promise.all(this.clients.map((c) => (c.isReady ? c.close().catch(() => c.destroy()) : c.isOpen ? c.destroy() : undefined)));
    this.clients = [];
  }

  /** Logs an outage once, and calls `back` when the client is ready again after one. */
  private watch(client: RedisClientType, name: string, back: () => void): void {
    let lost = false;
    client.on('error', (error: Error) => {
      if (!lost) this.log.warn(`${name} lost Redis: ${error.message}`);
      lost = true;
    });
    client.on('ready', () => {
      if (!lost) return;
      lost = false;
      this.log.warn(`${name} reconnected to Redis`);
      back();
    });
  }

  private recovered(why: string): void {
    if (!this.server) return;
    this.log.warn(`refreshing this node's sockets: ${why}`);
    this.onRecovered(this.server);
  }
}
