import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import ts from 'typescript';
import { freePort } from './services';
import { eventually } from './sockets';

/** Real server processes for crash tests: killed with SIGKILL and started again on one database. */

export interface Node {
  url: string;
  child: ChildProcess;
  output(): string;
}

/**
 * The server from source as plain JavaScript, transpiled once with its own tsconfig (tsx cannot run
 * it: esbuild emits no decorator metadata, which Nest's injection needs). Once, so that starting and
 * restarting a node costs no compile.
 */
export function transpileServer(): string {
  const root = join(__dirname, '../..');
  const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root);
  const out = mkdtempSync(join(tmpdir(), 'mingle-server-'));
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        mkdirSync(join(out, dir), { recursive: true });
        const js = ts.transpileModule(readFileSync(join(root, path), 'utf8'), {
          fileName: path,
          compilerOptions: { ...options, sourceMap: false },
        }).outputText;
        writeFileSync(join(out, path.replace(/\.ts$/, '.js')), js);
      } else if (path.endsWith('.json')) {
        // data files the code imports (as the build's resolveJsonModule copies them)
        mkdirSync(join(out, dir), { recursive: true });
        copyFileSync(join(root, path), join(out, path));
      }
    }
  };
  walk('src');
  return out;
}

/**
 * The real server as a child process on a free port, or on `port` (a node restarted where a proxy
 * expects it). Resolves once it is ready, or with `ready: false` once it holds its port (a node still
 * waiting for its database answers 503 meanwhile).
 */
export async function startNode(
  server: string,
  env: Record<string, string>,
  { port, ready = true }: { port?: number; ready?: boolean } = {},
): Promise<Node> {
  port ??= await freePort();
  const child = spawn(process.execPath, [join(server, 'src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: [join(__dirname, '../../node_modules'), join(__dirname, '../../../node_modules')].join(delimiter),
      NODE_ENV: 'test',
      AUTH_RATE_LIMIT: '1000',
      JOIN_RATE_LIMIT: '10000',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const node = { url: `http://127.0.0.1:${port}`, child, output: () => log };
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    expect((await fetch(`${node.url}/api/health${ready ? '' : '/live'}`)).status).toBe(200);
  }, 30_000);
  return node;
}

export function kill(node: Node): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    node.child.once('exit', () => resolve());
    node.child.kill('SIGKILL');
  });
}
