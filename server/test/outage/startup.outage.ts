import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/sockets';
import { freePort, PostgresServer, RedisServer } from '../support/services';
import { report } from './cluster';

const SERVER = join(__dirname, '../..');
/**
 * The server compiled with tsc, as in production: Nest needs decorator metadata, which tsx does not
 * emit. Inside server/ so that node_modules resolve; removed afterwards.
 */
const build = mkdtempSync(join(SERVER, '.outage-build-'));

/** The real server process, as an orchestrator starts it. */
function startNode(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [join(build, 'main.js')], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function health(
  port: number,
  path = '/api/health',
): Promise<{ status: number; body: { status?: string; message?: string; checks?: object } }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: (await res.json()) as { status?: string } };
}

describe('a node started while a dependency is down', () => {
  let pg: PostgresServer;
  let redis: RedisServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-startup-'));
  const children: ChildProcess[] = [];
  const envFor = async (extra: Record<string, string> = {}) => ({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    STARTUP_WAIT_SECONDS: '60',
    ...extra,
  });

  beforeAll(async () => {
    const compiled = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', build], { cwd: SERVER, encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`server build failed: ${compiled.stdout}${compiled.stderr}`);
    [pg, redis] = await Promise.all([PostgresServer.start(), RedisServer.start()]);
  }, 180_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await redis?.stop();
    await pg?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(build, { recursive: true, force: true });
  });

  it.each([
    ['PostgreSQL', () => pg.stop(), () => pg.start()],
    ['Redis', () => redis.stop(), () => redis.start()],
  ])(
    'waits for %s (health 503 "starting"), comes up when it returns, and outlives a Redis kill -9',
    async (name, stop, start) => {
      await stop();
      const env = await envFor();
      const port = Number(env.PORT);
      const node = startNode(env);
      children.push(node.child);
      try {
        let waiting = '';
        await eventually(async () => {
          const h = await health(port);
          waiting = `${h.status} ${h.body.message}`;
          expect(waiting).toBe(`503 starting: waiting for ${name}`);
        }, 30_000);
        const liveWhileWaiting = (await health(port, '/api/health/live')).status;
        await start();
        const upMs = await new Promise<number>((resolve, reject) => {
          const from = Date.now();
          eventually(async () => expect((await health(port)).status).toBe(200), 30_000).then(() => resolve(Date.now() - from), reject);
        }).catch(() => null);
        const exitedBeforeUp = node.child.exitCode;

        // Up and running: Redis killed and back does not end the process; health tells.
        await redis.kill();
        let redisDownSeen = false;
        await eventually(async () => {
          const h = await health(port);
          expect(h.status).toBe(503);
          expect(h.body.checks).toEqual({ database: 'up', redis: 'down' });
        }, 10_000).then(
          () => (redisDownSeen = true),
          () => undefined,
        );
        const liveWhileRedisDown: number = await health(port, '/api/health/live').then(
          (h) => h.status,
          () => 0,
        );
        await redis.start();
        await eventually(async () => expect((await health(port)).status).toBe(200), 10_000).catch(() => undefined);
        report(`node started while ${name} is down`, {
          waiting,
          liveWhileWaiting,
          exitCode: exitedBeforeUp,
          upMsAfterReturn: upMs,
          redisDownSeen,
          liveWhileRedisDown,
          exitCodeAfterRedisKill: node.child.exitCode,
        });

        expect(liveWhileWaiting).toBe(200);
        expect(exitedBeforeUp).toBeNull();
        expect(upMs).not.toBeNull();
        expect(redisDownSeen).toBe(true);
        expect(liveWhileRedisDown).toBe(200);
        expect(node.child.exitCode).toBeNull();
        expect((await health(port)).body).toMatchObject({ status: 'ok', checks: { database: 'up', redis: 'up' } });
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- node output ---\n${node.output()}`, { cause: error });
      } finally {
        node.child.kill('SIGTERM');
      }
    },
    90_000,
  );

  it('gives up after STARTUP_WAIT_SECONDS with a message naming what it waited for', async () => {
    await pg.stop();
    try {
      const node = startNode(await envFor({ STARTUP_WAIT_SECONDS: '1' }));
      children.push(node.child);
      const code = await new Promise((resolve) => node.child.once('exit', resolve));
      expect(code).toBe(1);
      expect(node.output()).toContain('Mingle could not start: PostgreSQL did not answer within 1 s (STARTUP_WAIT_SECONDS)');
    } finally {
      await pg.start();
    }
  }, 60_000);
});
