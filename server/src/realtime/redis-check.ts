import { createClient } from 'redis';

/** Fails start-up with a clear message when REDIS_URL is set but Redis does not answer. */
export async function checkRedis(url: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`REDIS_URL: cannot reach Redis at ${new URL(url).host} (${(error as Error).message})`);
  } finally {
    if (client.isOpen) await client.quit();
  }
}
