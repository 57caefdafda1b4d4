import { Agent, request as httpRequest } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import request from 'supertest';
import { join, openEvent, person } from '../support/attendees';
import { connect, nextEvent, snapshotOf, type MingleClient } from '../support/sockets';

/** What the fuzzer saw: answers by status class, and every 5xx (or other failure) with how to reproduce it. */
export class Tally {
  readonly classes: Record<string, number> = {};
  inputs = 0;
  constructor(private readonly name: string) {}
  /** One input and its answer (0: none); a 5xx or no answer is a failure, grouped under `group`. */
  status(status: number, group: string, what: () => string): void {
    this.inputs++;
    const cls = status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`;
    this.classes[cls] = (this.classes[cls] ?? 0) + 1;
    if (status >= 500 || status === 0) this.failure(`${status || 'no answer'} ${group}`, what());
  }
  failure(group: string, example: string): void {
    this.failures.push({ group, example });
  }
  readonly failures: Array<{ group: string; example: string }> = [];
  /** Failures grouped (status and route), each with its count and one example to reproduce. */
  summary(): string[] {
    const groups = new Map<string, { n: number; example: string }>();
    for (const f of this.failures) {
      const g = groups.get(f.group) ?? { n: 0, example: f.example.slice(0, 600) };
      g.n++;
      groups.set(f.group, g);
    }
    return [...groups].map(([key, g]) => `${g.n}× ${key} — e.g. ${g.example}`);
  }
  /** A socket input: answered (data, error ack, refusal, or a closed connection) or an internal error. */
  answer(internalError: boolean, group: string, what: () => string): void {
    this.inputs++;
    const cls = internalError ? 'internal error' : 'answered or refused';
    this.classes[cls] = (this.classes[cls] ?? 0) + 1;
    if (internalError) this.failure(`internal error ${group}`, what());
  }
  /** e.g. "fuzz http: 12,345 inputs, 2xx 10, 4xx 12,335, 5xx 0" */
  line(extra = ''): string {
    const n = (x: number) => x.toLocaleString('en-US');
    const shown = ['2xx', '3xx', '4xx', '5xx', 'no answer', 'answered or refused', 'internal error'];
    const always = this.classes['answered or refused'] ? 'internal error' : '5xx';
    const classes = shown.filter((c) => c === always || this.classes[c]).map((c) => `${c} ${n(this.classes[c] ?? 0)}`);
    return `fuzz ${this.name}: ${n(this.inputs)} inputs, ${classes.join(', ')}${extra}`;
  }
}

export interface RawAnswer {
  status: number;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
export const closeAgent = () => agent.destroy();

/**
 * One HTTP request through node:http, sending exactly these headers and bytes (no client-side fixing).
 * A kept-alive connection the server has just closed (after refusing an unread body, say) is not an
 * answer: such a request is sent once more on a fresh connection.
 */
export async function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string | undefined>,
  body?: string | Buffer,
): Promise<RawAnswer> {
  const first = await sendOnce(base, method, path, headers, body, agent);
  return first.status === 0 ? sendOnce(base, method, path, headers, body, false) : first;
}

function sendOnce(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string | undefined>,
  body: string | Buffer | undefined,
  via: Agent | false,
): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve) => {
    let req;
    try {
      const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
      req = httpRequest({ host: url.hostname, port: url.port, method, path, headers: clean, agent: via });
    } catch (error) {
      // node:http refused to send it (e.g. an invalid header character): not an input.
      resolve({ status: -1, text: (error as Error).message });
      return;
    }
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.length < 8 && chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, 300) }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, text: '' }));
    });
    req.on('error', (error) => resolve({ status: 0, text: error.message }));
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.end(body);
  });
}

/** Raw bytes on a fresh TCP connection: the status line of whatever comes back (0 when the server only closed). */
export function sendRaw(base: string, bytes: string | Buffer): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = tcpConnect(Number(url.port), url.hostname);
    let got = '';
    const done = () => {
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(got)?.[1] ?? 0), text: got.slice(0, 300) });
    };
    socket.setTimeout(5_000, done);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (/\r\n\r\n/.test(got)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** An organizer's console on an event nobody fuzzes; at the end it must still get news of a join. */
export async function bystander(url: string) {
  const { event, cookie } = await openEvent(url);
  const console_ = connect(url, { role: 'organizer', eventId: event.id }, cookie);
  await snapshotOf(console_);
  let dropped = '';
  console_.on('disconnect', (reason) => (dropped = reason));
  return {
    /** A join made now reaches the console that was connected through all the fuzzing. */
    async stillGetsNews(): Promise<void> {
      if (dropped) throw new Error(`the bystander console was disconnected during the fuzzing: ${dropped}`);
      const news = nextEvent(console_, 'attendees:changed', 10_000, (c: { upserted: Array<{ name: string }> }) =>
        c.upserted.some((a) => a.name === 'Late Bystander'),
      );
      await join(url, event.joinCode, person({ name: 'Late Bystander' }));
      await news;
    },
    close: () => console_.disconnect(),
    socket: console_ as MingleClient,
  };
}

export async function healthy(url: string): Promise<number> {
  return (await request(url).get('/api/health')).status;
}
