import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents, Snapshot } from '@mingle/shared';

export type MingleClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  /** every frame this client received, in order, as [event, payload] */
  frames: Array<[string, unknown]>;
};

/** A real socket.io client that records every frame it receives. */
export function connect(url: string, auth: HandshakeAuth | Record<string, unknown>, cookie?: string): MingleClient {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : undefined,
  }) as MingleClient;
  socket.frames = [];
  socket.onAny((event: string, payload: unknown) => socket.frames.push([event, payload]));
  return socket;
}

export function snapshotOf(socket: MingleClient, timeoutMs = 5000): Promise<Snapshot> {
  const seen = socket.frames.find(([e]) => e === 'snapshot');
  if (seen) return Promise.resolve(seen[1] as Snapshot);
  return nextEvent(socket, 'snapshot', timeoutMs) as Promise<Snapshot>;
}

export function nextEvent(
  socket: MingleClient,
  event: string,
  timeoutMs = 5000,
  matches: (payload: any) => boolean = () => true,
): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    // A wait nobody awaits any more (its socket was refused) must not keep Jest from exiting.
    timer.unref();
    const listener = (name: string, payload: unknown) => {
      if (name !== event || !matches(payload)) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(payload);
    };
    socket.onAny(listener);
  });
}

/** Resolves with the refusal of a handshake, or rejects if the socket connected. */
export function refusal(socket: MingleClient): Promise<{ message: string; data?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    socket.on('connect', () => reject(new Error('connected but should have been refused')));
    socket.on('connect_error', (err: Error & { data?: { code: string; message: string } }) =>
      resolve({ message: err.message, data: err.data }),
    );
  });
}

export const connected = (socket: MingleClient) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });

export const disconnected = (socket: MingleClient) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` passes, polling; fails with the last error after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await sleep(50);
    }
  }
}
