import { createServer } from 'node:http';
import type { Config } from '../config/config';
import { checkPostgres } from '../database/postgres-probe';
import { checkRedis } from '../realtime/redis-check';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;

export interface StartingServer {
  /** what the node waits for, shown in the 503 answer */
  waitingFor: string;
  close(): Promise<void>;
}

/**
 * Holds the port while the node waits for its dependencies, so orchestrators and proxies see why:
 * /api/health answers 503 "starting: waiting for PostgreSQL", /api/health/live answers 200.
 */
export function startingServer(port: number, host: string | null = null): Promise<StartingServer> {
  const state = { waitingFor: 'dependencies' };
  const server = createServer((req, res) => {
    const live = req.url?.split('?')[0] === '/api/health/live';
    res.writeHead(live ? 200 : 503, { 'content-type': 'application/json', 'retry-after': '5' });
    res.end(JSON.stringify(live ? { status: 'ok' } : { status: 'starting', message: `starting: waiting for ${state.waitingFor}` }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host ?? undefined, () =>
      resolve({
        get waitingFor() {
          return state.waitingFor;
        },
        set waitingFor(what: string) {
          state.waitingFor = what;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}

/** Waits with backoff until PostgreSQL and Redis (those configured) answer, up to STARTUP_WAIT_SECONDS. */
export async function waitForDependencies(config: Config, waiting: (what: string) => void): Promise<void> {
  const deadline = Date.now() + config.startupWaitSeconds * 1000;
  const checks: Array<[string, () => Promise<void>]> = [];
  if (config.database.kind === 'postgres')
    checks.push(['PostgreSQL', () => checkPostgres(config.database.kind === 'postgres' ? config.database.url : '')]);
  if (config.redisUrl) checks.push(['Redis', () => checkRedis(config.redisUrl!)]);
  for (const [name, check] of checks) {
    for (let attempt = 0; ; attempt++) {
      try {
        await check();
        break;
      } catch (error) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `${name} did not answer within ${config.startupWaitSeconds} s (STARTUP_WAIT_SECONDS): ${(error as Error).message}`,
            { cause: error },
          );
        if (attempt === 0) console.warn(`Waiting for ${name} (up to ${config.startupWaitSeconds} s): ${(error as Error).message}`);
        waiting(name);
        await new Promise((r) => setTimeout(r, Math.min(left, FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS)));
      }
    }
  }
}
