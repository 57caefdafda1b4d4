import { DataSource } from 'typeorm';

/** Connects once and asks `SELECT 1`: whether PostgreSQL answers at `url`, before anything else opens it. */
export async function checkPostgres(url: string): Promise<void> {
  const probe = new DataSource({ type: 'postgres', url, connectTimeoutMS: 3000, extra: { max: 1 } });
  try {
    await probe.initialize();
    await probe.query('SELECT 1');
  } catch (error) {
    const message = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new Error(`DATABASE_URL: cannot reach PostgreSQL at ${new URL(url).host} (${message})`, { cause: error });
  } finally {
    if (probe.isInitialized) await probe.destroy().catch(() => undefined);
  }
}
