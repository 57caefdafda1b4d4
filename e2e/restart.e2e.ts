/**
 * `kill -9` the server in the middle of a round and start it again on the same database: every
 * phone, the screen and the console reconnect by themselves and show the same round, groups and
 * end time; nothing is lost. Real process, real SIGKILL, real socket.io clients that reconnect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { freePort } from './support/server';

const ROOT = resolve(__dirname, '..');
const CSRF = { 'x-mingle-csrf': '1', 'content-type': 'application/json' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function start(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test' },
    stdio: 'ignore',
  });
}

async function healthy(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error('server did not come up');
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

interface Client {
  socket: Socket;
  snapshots: Array<{ at: number; rounds: any }>;
}

test('kill -9 mid-round: every client shows the same round, groups and end time after the restart', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-restart-'));
  let server = start(port, dataDir);
  const clients: Client[] = [];
  try {
    await healthy(url);
    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: CSRF,
      body: JSON.stringify({ email: 'restart@example.com', name: 'R', password: 'long enough pw' }),
    });
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const headers = { ...CSRF, cookie };
    const event = (await (
      await fetch(`${url}/api/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Restart', interests: ['AI', 'Hiking'], groupSize: 3 }),
      })
    ).json()) as { id: string; joinCode: string; screenKey: string };
    await fetch(`${url}/api/events/${event.id}/state`, { method: 'POST', headers, body: JSON.stringify({ state: 'open' }) });
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${url}/api/join/${event.joinCode}`, {
        method: 'POST',
        headers: CSRF,
        body: JSON.stringify({ name: `P${i} X`, interests: ['AI'], acceptPrivacy: true }),
      });
      tokens.push(((await res.json()) as { token: string }).token);
    }
    const auths = [
      ...tokens.map((token) => ({ auth: { role: 'attendee', token } })),
      { auth: { role: 'screen', eventId: event.id, key: event.screenKey } },
      { auth: { role: 'organizer', eventId: event.id }, extraHeaders: { cookie } },
    ];
    for (const { auth, extraHeaders } of auths as Array<{ auth: object; extraHeaders?: Record<string, string> }>) {
      const socket = io(url, {
        transports: ['websocket'],
        auth,
        extraHeaders,
        reconnectionDelay: 300,
        reconnectionDelayMax: 1000,
        forceNew: true,
      });
      const client: Client = { socket, snapshots: [] };
      socket.on('snapshot', (s: { rounds: unknown }) => client.snapshots.push({ at: Date.now(), rounds: s.rounds }));
      clients.push(client);
    }
    await until(() => clients.every((c) => c.snapshots.length === 1), 10_000);
    const started = await fetch(`${url}/api/events/${event.id}/rounds`, { method: 'POST', headers, body: JSON.stringify({ minutes: 5 }) });
    expect(started.status).toBe(201);
    // Reconnect once so every client holds a snapshot with the round in it.
    clients.forEach((c) => c.socket.disconnect().connect());
    await until(() => clients.every((c) => c.snapshots.length === 2), 10_000);
    const before = clients.map((c) => c.snapshots[1]!.rounds);
    expect(before[0].round.state).toBe('running');

    const killed = Date.now();
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    server = start(port, dataDir);
    await healthy(url);
    const back = Date.now();
    // A client may reconnect before our own health check answers, so count every snapshot since the kill.
    await until(() => clients.every((c) => c.snapshots.some((s) => s.at > killed)), 20_000);
    const recovered = Math.max(0, ...clients.map((c) => c.snapshots.find((s) => s.at > killed)!.at - back));
    console.log(`all ${clients.length} clients had their snapshot ${recovered} ms after the server was back`);

    clients.forEach((c, i) => {
      const after = c.snapshots.at(-1)!.rounds;
      expect(after.round).toEqual(before[i].round);
      if (i < 6) expect(after.group).toEqual(before[i].group);
      if (i === 6) expect(after.board).toEqual(before[i].board);
      if (i === 7) expect(after.groups).toEqual(before[i].groups);
    });
  } finally {
    clients.forEach((c) => c.socket.disconnect());
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
