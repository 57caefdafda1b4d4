import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../../src/config/config';
import { createApp, type AppOptions } from '../../src/app';

/**
 * Which database this run tests: SQLite with in-process realtime by default; PostgreSQL (plus Redis
 * when TEST_REDIS_URL is set) when MINGLE_TEST_DB=postgres.
 */
export const testDatabase = process.env.MINGLE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  config: Config;
  db: DataSource;
  close(): Promise<void>;
}

/** A fresh database: a new SQLite file, or a new PostgreSQL schema built by the migrations. */
export function freshDatabaseEnv(): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-test-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (testDatabase === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('MINGLE_TEST_DB=postgres needs TEST_DATABASE_URL');
    env.DATABASE_URL = url;
    env.DATABASE_SCHEMA = `t_${randomBytes(6).toString('hex')}`;
    // The production pairing: PostgreSQL with realtime through Redis.
    if (process.env.TEST_REDIS_URL) env.REDIS_URL = process.env.TEST_REDIS_URL;
  }
  return env;
}

/**
 * Starts the real app on an ephemeral port. Pass `env` to share a database between two apps.
 * Quiet unless `options.logStream` asks for its log lines.
 */
export async function startApp(
  overrides: Record<string, string> = {},
  env = freshDatabaseEnv(),
  options: AppOptions = {},
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', AUTH_RATE_LIMIT: '1000', JOIN_RATE_LIMIT: '1000', ...env, ...overrides });
  const app = await createApp(config, { logger: options.logStream !== undefined, ...options });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const db = app.get(DataSource);
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    db,
    close: async () => {
      await app.close();
    },
  };
}

/** Removes what freshDatabaseEnv made. */
export async function dropDatabase(env: Record<string, string>): Promise<void> {
  if (env.DATABASE_SCHEMA && env.DATABASE_URL) {
    const admin = new DataSource({ type: 'postgres', url: env.DATABASE_URL });
    await admin.initialize();
    await admin.query(`DROP SCHEMA IF EXISTS "${env.DATABASE_SCHEMA}" CASCADE`);
    await admin.destroy();
  }
  rmSync(env.DATA_DIR, { recursive: true, force: true });
}

/** One app with its own database for a whole test file. */
export function useApp(overrides: Record<string, string> = {}): () => TestApp {
  let testApp: TestApp;
  const env = freshDatabaseEnv();
  beforeAll(async () => {
    testApp = await startApp(overrides, env);
  });
  afterAll(async () => {
    await testApp?.close();
    await dropDatabase(env);
  });
  return () => testApp;
}

/** PostgreSQL and Redis are here: two nodes can share one database. */
export const twoNodesHere = testDatabase === 'postgres' && !!process.env.TEST_REDIS_URL;

/** Two nodes on one fresh database (PostgreSQL + Redis), for a describe block: started before its tests, closed after. */
export function useTwoNodes(): () => { a: TestApp; b: TestApp } {
  const env = freshDatabaseEnv();
  const nodes: TestApp[] = [];
  beforeAll(async () => {
    nodes.push(await startApp({}, env), await startApp({}, env));
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await dropDatabase(env);
  });
  return () => ({ a: nodes[0]!, b: nodes[1]! });
}
