import { createClient } from 'redis';

/** Fails start-up with a clear message when REDIS_URL is set but Redis does not answer. */
export async function checkRedis(url: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`REDIS_URL: cannot reach Redis at ${new URL(url).host} (${(error as Error).message})`, { cause: error });
  } finally {
    if (client.isOpen) await client.quit();
  }
}

/** Asks Redis "are you there?" for health checks: never waits longer than the time limit. */
export class RedisProbe {
  private readonly client;

  constructor(url: string) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (n) => Math.min(100 * 2 ** n, 1000) },
    });
    this.client.on('error', () => undefined);
    this.client.connect().catch(() => undefined);
  }

  async up(timeoutMs = 500): Promise<boolean> {
    if (!this.client.isReady) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const pong = this.client.ping().then(
      (reply) => reply === 'PONG',
      () => false,
    );
    const answer = await Promise.race([pong, late]);
    clearTimeout(timer);
    return answer;
  }

  close(): void {
    if (this.client.isOpen) this.client.destroy();
  }
}
