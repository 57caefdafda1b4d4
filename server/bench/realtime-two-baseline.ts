/**
 * The two-node run's yardstick: two bare socket.io servers behind the same nginx config, N sockets
 * through the proxy with the phone page's reconnection settings. Each trigger asks both servers at
 * once to send each of its sockets one personal message; then one server is killed with SIGKILL, and
 * its sockets are timed until they hold a personal message (the size of a snapshot) from the other.
 * What plain socket.io takes on this machine for the same work as Mingle's two-node start and failover.
 */
import { io, type Socket } from 'socket.io-client';
import { Nginx } from '../test/support/nginx';
import {
  PHONE_RECONNECTION,
  cpuSince,
  failOver,
  freePort,
  inBatches,
  spawnServer,
  spread,
  stop,
  waitForHttp,
  waitUntil,
  type BenchServer,
  type Returning,
  type Spread,
} from './realtime-tools';

export interface TwoBaselineFigures {
  triggers: Spread[];
  /** per trigger, CPU used until every socket held its message: each server, and the bench's sockets (ms) */
  cpuMs: Array<{ nodes: [number, number]; phones: number }>;
  /** kill → each socket of the killed server holds its message from the other, and how many never did in 20 s */
  failover: { lost: number; back: Spread; notBack: number; survivorCpuMs: number };
}

interface Plain extends Returning {
  socket: Socket;
  /** per trigger, when its message came */
  at: Array<number | undefined>;
}

export async function runTwoBaseline(n: number, triggers: number, bytes: number, helloBytes: number): Promise<TwoBaselineFigures> {
  const ports = [await freePort(), await freePort()];
  const servers: BenchServer[] = ports.map((port) =>
    spawnServer(['server/bench/socketio-baseline.server.ts'], { PORT: String(port), HELLO_BYTES: String(helloBytes) }),
  );
  let proxy: Nginx | null = null;
  const plains: Plain[] = [];
  try {
    for (const [i, port] of ports.entries()) await waitForHttp(`http://127.0.0.1:${port}/health`, servers[i]!);
    proxy = await Nginx.start(ports, { workerConnections: Math.min(19_000, Math.max(1024, 2 * n + 1000)) });
    const url = proxy.url;
    await inBatches([...Array(n).keys()], 100, async (id) => {
      const plain = connectPlain(url, id, triggers);
      plains.push(plain);
      await new Promise<void>((resolve, reject) => {
        plain.socket.once('hello', () => resolve());
        plain.socket.once('connect_error', reject);
      });
    });

    const spreads: Spread[] = [];
    const cpu: TwoBaselineFigures['cpuMs'] = [];
    for (let t = 0; t < triggers; t++) {
      const cpuOfTrigger = cpuSince(servers);
      const start = Date.now();
      await Promise.all(
        ports.map((port) => fetch(`http://127.0.0.1:${port}/send`, { method: 'POST', body: JSON.stringify({ trigger: t, bytes }) })),
      );
      await waitUntil(
        () => plains.every((p) => p.at[t] !== undefined),
        60_000,
        `two-node baseline trigger ${t + 1}: not every socket received`,
      );
      spreads.push(spread(plains.map((p) => p.at[t]! - start)));
      const { nodes, phones } = cpuOfTrigger();
      cpu.push({ nodes: [nodes[0]!, nodes[1]!], phones });
    }

    const { lost, backs, survivorCpuMs } = await failOver(servers[0]!, servers[1]!, plains);
    return { triggers: spreads, cpuMs: cpu, failover: { lost, back: spread(backs), notBack: lost - backs.length, survivorCpuMs } };
  } finally {
    plains.forEach((p) => p.socket.disconnect());
    await proxy?.stop();
    for (const server of servers) await stop(server);
  }
}

/** A socket through the proxy, reconnecting as the phone page does (client/src/lib/realtime.ts). */
function connectPlain(url: string, id: number, triggers: number): Plain {
  const socket = io(url, {
    transports: ['websocket'],
    auth: { id },
    forceNew: true,
    ...PHONE_RECONNECTION,
  });
  const plain: Plain = { socket, at: Array.from({ length: triggers }), lostAt: null, backAt: null };
  socket.on('assigned', (m: { trigger: number; id: number }) => {
    if (m.id === id) plain.at[m.trigger] ??= Date.now();
  });
  socket.on('disconnect', () => {
    plain.lostAt ??= Date.now();
  });
  socket.on('hello', (m: { id: number }) => {
    if (m.id === id && plain.lostAt !== null) plain.backAt ??= Date.now();
  });
  return plain;
}
