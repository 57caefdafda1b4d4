/** The bench's plain socket.io run: N sockets, one personal message each per trigger, timed from the trigger request. */
import { io, type Socket } from 'socket.io-client';
import { freePort, inBatches, settledRssKb, spawnServer, spread, stop, waitForHttp, waitUntil, type Spread } from './realtime-tools';

export interface BaselineFigures {
  triggers: Spread[];
  kbPerSocket: number;
}

export async function runBaseline(n: number, triggers: number, bytes: number): Promise<BaselineFigures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnServer(['server/bench/socketio-baseline.server.ts'], { PORT: String(port) });
  const sockets: Socket[] = [];
  try {
    await waitForHttp(`${url}/health`, server);
    const before = await settledRssKb(server);
    const receivedAt = Array.from({ length: triggers }, () => Array.from<number | undefined>({ length: n }));
    await inBatches([...Array(n).keys()], 100, async (id) => {
      const socket = io(url, { transports: ['websocket'], auth: { id }, reconnection: false, forceNew: true });
      socket.on('assigned', (m: { trigger: number; id: number }) => {
        if (m.id === id) receivedAt[m.trigger]![id] ??= Date.now();
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    });
    const after = await settledRssKb(server);

    const spreads: Spread[] = [];
    for (let t = 0; t < triggers; t++) {
      const start = Date.now();
      const res = await fetch(`${url}/send`, { method: 'POST', body: JSON.stringify({ trigger: t, bytes }) });
      const { sent } = (await res.json()) as { sent: number };
      if (sent !== n) throw new Error(`baseline sent ${sent} of ${n}`);
      const times = receivedAt[t]!;
      await waitUntil(() => times.every((x) => x !== undefined), 60_000, `baseline trigger ${t + 1}: not every socket received`);
      spreads.push(spread(times.map((x) => x! - start)));
    }
    return { triggers: spreads, kbPerSocket: (after - before) / n };
  } finally {
    sockets.forEach((s) => s.disconnect());
    await stop(server);
  }
}
