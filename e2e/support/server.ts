import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { until } from './until';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = resolve(__dirname, '..', 'artifacts');

export interface RunningApp {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** `kill -9`, as a crash: the data directory stays for `restart`. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data directory, and waits until it is healthy. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (!running(child)) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts the built app on a free port with a fresh data directory. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  const output = () => log;

  let child: ChildProcess;
  const launch = async () => {
    const started = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    await until(
      async () => {
        if (!running(started)) throw new Error(`the server exited (${started.exitCode ?? started.signalCode}):\n${output()}`);
        return (await fetch(`${baseUrl}/api/health`)).status === 200;
      },
      `the server on port ${port} is healthy`,
      30_000,
    );
  };
  const kill = () => ended(child, 'SIGKILL');
  const stop = async () => {
    await ended(child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await launch();
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, port, dataDir, output, kill, restart: launch, stop };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
