/**
 * Realtime bench: N attendee sockets in one event, the organizer starts a round, and we measure
 * the time from the start request to each phone holding its assignment. The server runs as its
 * own process (built app, SQLite, in-process realtime) so its memory is its own.
 *
 *   npm run bench:realtime            (1,000 and 5,000 attendees)
 *   BENCH_SIZES=200 npm run bench:realtime
 */
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { io, type Socket } from 'socket.io-client';

const ROOT = join(__dirname, '../..');
const sizes = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const CSRF = { 'x-mingle-csrf': '1', 'content-type': 'application/json' };

async function main() {
  const rows: string[] = [];
  for (const n of sizes) rows.push(await run(n));
  console.log('\nattendees | connect s | start→assigned p50 ms | p99 ms | max ms | assigned | errors | server RSS MB (idle → after round)');
  console.log('--- | --- | --- | --- | --- | --- | --- | ---');
  for (const r of rows) console.log(r);
}

async function run(n: number): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-bench-'));
  const port = await freePort();
  const server = spawn(process.execPath, ['--max-old-space-size=4096', 'server/dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      JOIN_RATE_LIMIT: '100000',
      AUTH_RATE_LIMIT: '1000',
      HANDSHAKE_RATE_LIMIT: '100000',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  let errors = 0;
  try {
    await waitFor(`${url}/api/health`);
    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: CSRF,
      body: JSON.stringify({ email: `bench${n}@example.com`, name: 'Bench', password: 'long enough pw' }),
    });
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const headers = { ...CSRF, cookie };
    const tags = Array.from({ length: 40 }, (_, i) => `tag${i}`);
    const event = (await (
      await fetch(`${url}/api/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `Bench ${n}`, interests: tags, groupSize: 4 }),
      })
    ).json()) as { id: string; joinCode: string };
    await fetch(`${url}/api/events/${event.id}/state`, { method: 'POST', headers, body: JSON.stringify({ state: 'open' }) });

    const t0 = Date.now();
    const tokens: string[] = [];
    for (let i = 0; i < n; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, async (_, k) => {
          const interests = [0, 1, 2].map((j) => tags[(i + k + j * 7) % 40]);
          const res = await fetch(`${url}/api/join/${event.joinCode}`, {
            method: 'POST',
            headers: CSRF,
            body: JSON.stringify({ name: `P ${i + k}`, company: `C${(i + k) % 200}`, interests, acceptPrivacy: true }),
          });
          if (!res.ok) errors++;
          return ((await res.json()) as { token: string }).token;
        }),
      );
      tokens.push(...batch);
    }
    const assignedAt = new Map<number, number>();
    for (let i = 0; i < tokens.length; i += 100) {
      await Promise.all(
        tokens.slice(i, i + 100).map(
          (token, k) =>
            new Promise<void>((resolve) => {
              const s = io(url, { transports: ['websocket'], auth: { role: 'attendee', token }, reconnection: false, forceNew: true });
              s.on(
                'round:assigned',
                (state: { group: unknown }) => state.group && !assignedAt.has(i + k) && assignedAt.set(i + k, Date.now()),
              );
              s.once('snapshot', () => resolve());
              s.once('connect_error', () => {
                errors++;
                resolve();
              });
              sockets.push(s);
            }),
        ),
      );
    }
    const connectSeconds = (Date.now() - t0) / 1000;
    await sleep(1500);
    const idleRss = rssMb(server.pid!);
    const start = Date.now();
    const res = await fetch(`${url}/api/events/${event.id}/rounds`, { method: 'POST', headers, body: '{}' });
    if (!res.ok) throw new Error(`start failed: ${res.status} ${await res.text()}`);
    const deadline = Date.now() + 60_000;
    while (assignedAt.size < tokens.length && Date.now() < deadline) await sleep(50);
    const latencies = [...assignedAt.values()].map((t) => t - start).sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    const afterRss = rssMb(server.pid!);
    return `${n} | ${connectSeconds.toFixed(1)} | ${pct(50)} | ${pct(99)} | ${latencies.at(-1)} | ${assignedAt.size}/${n} | ${errors} | ${idleRss} → ${afterRss}`;
  } finally {
    sockets.forEach((s) => s.disconnect());
    server.kill('SIGTERM');
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  return Math.round(Number(execSync(`ps -o rss= -p ${pid}`).toString().trim()) / 1024);
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`server did not start: ${url}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
