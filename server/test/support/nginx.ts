import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './services';

/**
 * Debian's nginx with the shipped proxy config (deploy/nginx/mingle.conf) in front of nodes on this
 * machine: its own prefix in a temp folder, no system service, and never root (as `nobody` when
 * the tests run as root). The nodes are written into upstreams.conf the way its comment says, with
 * the shipped server parameters.
 */

/** The shipped proxy config: deploy/nginx. */
export const DEPLOY = join(__dirname, '../../../deploy/nginx');

export function nginxBin(): string | null {
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** One line of nginx's access log (deploy/nginx/mingle.conf's `mingle` format). */
export interface ProxyLogLine {
  method: string;
  path: string;
  status: number;
  /** the node's port, or null when no node answered */
  nodePort: number | null;
}

export class Nginx {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
    private readonly output: () => string,
  ) {}

  /** `workerConnections`: per nginx worker (each proxied socket takes two); the bench raises it for thousands of phones. */
  static async start(nodePorts: number[], { workerConnections = 1024 } = {}): Promise<Nginx> {
    const dir = mkdtempSync(join(tmpdir(), 'mingle-nginx-'));
    const port = await freePort();
    writeFileSync(join(dir, 'upstreams.conf'), upstreams(nodePorts));
    writeFileSync(
      join(dir, 'mingle.conf'),
      replaceOnce(
        replaceOnce(readFileSync(join(DEPLOY, 'mingle.conf'), 'utf8'), 'listen 80;', `listen 127.0.0.1:${port};`),
        '/var/log/nginx/access.log',
        join(dir, 'access.log'),
      ),
    );
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join(' ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 2;\nworker_rlimit_nofile ${workerConnections + 64};\npid ${join(dir, 'nginx.pid')};\nevents { worker_connections ${workerConnections}; }\nhttp { ${temp} include mingle.conf; }\n`,
    );
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? nobody() : null;
    if (user) chownSync(dir, user.uid, user.gid);
    const child = spawn(nginxBin()!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ?? {}),
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const proxy = new Nginx(port, dir, child, () => output);
    await Promise.race([
      waitForPort(port),
      new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`nginx exited (${code}): ${proxy.errors()}`)))),
    ]);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every request nginx has logged so far (a WebSocket is logged when it closes). */
  log(): ProxyLogLine[] {
    const file = join(this.dir, 'access.log');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [, method = '', path = '', status = '0'] = /"(\S+) (\S+)" (\d+)/.exec(line) ?? [];
        // node=127.0.0.1:3001, or after a refused first try "127.0.0.1:3001, 127.0.0.1:3002": the one that answered
        const nodes = /node=(.*?) upstream_status=/.exec(line)?.[1]?.split(', ') ?? [];
        const answered = /:(\d+)$/.exec(nodes.at(-1) ?? '');
        return { method, path, status: Number(status), nodePort: answered ? Number(answered[1]) : null };
      });
  }

  errors(): string {
    const file = join(this.dir, 'error.log');
    return `${this.output()}${existsSync(file) ? readFileSync(file, 'utf8') : ''}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The shipped upstreams.conf with its server lines pointed at the given ports, parameters kept. */
function upstreams(ports: number[]): string {
  const shipped = readFileSync(join(DEPLOY, 'upstreams.conf'), 'utf8');
  const params = /^server \S+((?: [^;]+)?);$/m.exec(shipped);
  if (!params) throw new Error('deploy/nginx/upstreams.conf lists no `server host:port ...;` line');
  return ports.map((port) => `server 127.0.0.1:${port}${params[1]};\n`).join('');
}

function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`deploy/nginx/mingle.conf should contain "${from}" once`);
  return text.replace(from, to);
}

function nobody(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}
