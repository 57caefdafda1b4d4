import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import { useEventListener, useTimeoutFn } from '@vueuse/core';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, HandshakeRefusal, ServerToClientEvents } from '@mingle/shared';
import { SOCKET_PATH } from '@mingle/shared/realtime-constants';
import { errorText } from './error-text';

export type MingleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** connecting: first try; online: live; offline: lost, retrying by itself; refused: the server said no. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface Realtime {
  socket: MingleSocket;
  status: Ref<ConnectionStatus>;
  /** why the server refused the handshake or closed the socket for good (removed, logged out, event deleted…) */
  /** (its `message` is in the active language, from its code and params) */
  refusal: Ref<HandshakeRefusal | null>;
  /** server clock minus this device's clock, in ms; add it to Date.now() to get server time */
  offset: Ref<number>;
  serverNow(): number;
  close(): void;
}

const REFUSALS = new Set(['bad_request', 'unauthorized', 'removed', 'not_found', 'event_deleted']);
/** Not a verdict on who we are: the server cannot reach its database, or this network is over its limit. */
const RETRYABLE = new Set(['unavailable', 'rate_limited']);
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15_000;

/**
 * One socket for a page's lifetime: connects in setup, closes on unmount. Every (re)connect brings
 * a fresh snapshot from the server, so handlers never replay anything. Reconnects fast when the
 * network or the screen comes back.
 */
export function useRealtime(auth: () => HandshakeAuth, handlers: Partial<ServerToClientEvents>): Realtime {
  const status = ref<ConnectionStatus>('connecting');
  const refusal = shallowRef<HandshakeRefusal | null>(null);
  const offset = ref(0);

  const socket: MingleSocket = io({
    path: SOCKET_PATH,
    transports: ['websocket', 'polling'],
    auth: (cb) => cb(auth()),
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
    randomizationFactor: 0.3,
    timeout: 5000,
  });

  // socket.io retries lost connections by itself, but not a handshake the server refused. Backs off,
  // spread out so a venue's phones do not come back at once; waits at least as long as the server asked.
  let retries = 0;
  const retryDelay = ref(0);
  const retry = useTimeoutFn(
    () => {
      if (status.value === 'offline' && !socket.connected) socket.connect();
    },
    retryDelay,
    { immediate: false },
  );
  const retryLater = (atLeastMs = 0) => {
    retryDelay.value = Math.max(atLeastMs, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries++)) * (0.8 + Math.random() * 0.5);
    retry.start();
  };

  for (const [event, handler] of Object.entries(handlers)) socket.on(event as keyof ServerToClientEvents, handler as never);

  // The server says why before it closes the socket for good; pages show it like a refusal.
  socket.on('connection:closed', (info) => {
    // A console whose role in the team changed comes straight back: the new snapshot (or refusal) is for its new role.
    if (info.reason === 'team_changed') {
      socket.once('disconnect', () => socket.connect());
      return;
    }
    const code = info.reason === 'event_deleted' ? 'event_deleted' : 'unauthorized';
    refusal.value = { code, message: errorText(code === 'event_deleted' ? code : `closed_${info.reason}`, undefined, info.message) };
  });

  socket.on('connect', () => {
    status.value = 'online';
    refusal.value = null;
    retries = 0;
    void syncClock(socket, offset);
  });
  socket.on('disconnect', (reason) => {
    // The server dropped us on purpose (removed, screen revoked): the handler for that news decides.
    status.value = reason === 'io server disconnect' ? 'refused' : 'offline';
  });
  socket.on('connect_error', (err: Error & { data?: HandshakeRefusal }) => {
    if (RETRYABLE.has(err.message)) {
      status.value = 'offline';
      retryLater(err.data?.retryAfterMs);
    } else if (REFUSALS.has(err.message) && err.data) {
      refusal.value = { ...err.data, message: errorText(err.data.code, err.data.params, err.data.message) };
      status.value = 'refused';
    } else {
      status.value = 'offline';
    }
  });

  // Phones sleep and lose Wi-Fi: try again at once when either comes back.
  const wake = () => {
    if (!socket.connected && status.value !== 'refused') socket.connect();
  };
  const onVisible = () => document.visibilityState === 'visible' && wake();
  const stopOnline = useEventListener(window, 'online', wake);
  const stopVisible = useEventListener(document, 'visibilitychange', onVisible);

  const close = () => {
    retry.stop();
    stopOnline();
    stopVisible();
    socket.removeAllListeners();
    socket.disconnect();
  };
  onBeforeUnmount(close);

  return { socket, status, refusal, offset, serverNow: () => Date.now() + offset.value, close };
}

/** Estimates the clock offset from a few round trips, keeping the one with the shortest delay. */
async function syncClock(socket: MingleSocket, offset: Ref<number>): Promise<void> {
  let best = { rtt: Infinity, offset: offset.value };
  for (let i = 0; i < 3 && socket.connected; i++) {
    const sent = Date.now();
    try {
      const res = await socket.timeout(3000).emitWithAck('clock:sync', { clientTime: sent });
      const received = Date.now();
      if ('data' in res) {
        const rtt = received - sent;
        if (rtt < best.rtt) best = { rtt, offset: res.data.serverTime - (sent + rtt / 2) };
      }
    } catch {
      return;
    }
  }
  if (best.rtt !== Infinity) offset.value = Math.round(best.offset);
}
