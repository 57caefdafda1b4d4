import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Config } from '../config/config';
import { migrations } from './migrations';
import { transactionsTakeTurns } from './sqlite-turns';

type Entities = NonNullable<DataSourceOptions['entities']>;

/** Any fixed number; it names the lock that serializes migrations across nodes. */
const MIGRATION_LOCK = 7_346_281;

/**
 * pg-pool listens for a client's errors only while the client sits idle, TypeORM only while a query
 * runner holds it; an 'error' event that lands between the two (PostgreSQL killed, a backend
 * terminated) has no listener and exits the node. The query waiting on that client fails on its own,
 * and the pool drops the client once it is back, so this listener only has to exist.
 */
const keepErrorsInside = (client: { on(event: 'error', listener: () => void): unknown }) => {
  client.on('error', () => undefined);
};

/** Builds the data source for the configured database; migrations own the schema. */
/** `entities` come from the app, which knows every module; the database knows none. */
export function createDataSource(database: Config['database'], entities: Entities): DataSource {
  if (database.kind === 'postgres') {
    return new DataSource({
      type: 'postgres',
      url: database.url,
      schema: database.schema,
      extra: { options: `-c search_path=${database.schema}`, max: 20, onConnect: keepErrorsInside },
      entities,
      migrations,
      migrationsTransactionMode: 'each',
    });
  }
  mkdirSync(dirname(database.file), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: database.file,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  });
}

/** Connects and brings the schema up to date. On PostgreSQL the schema is created if missing. */
export async function openDatabase(database: Config['database'], entities: Entities): Promise<DataSource> {
  if (database.kind === 'postgres' && database.schema !== 'public') {
    const bootstrap = new DataSource({ type: 'postgres', url: database.url });
    await bootstrap.initialize();
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    await bootstrap.destroy();
  }
  const dataSource = createDataSource(database, entities);
  await dataSource.initialize();
  if (database.kind === 'postgres') {
    // Several nodes may start at once on an empty database: one migrates, the others wait.
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await dataSource.runMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } else {
    await dataSource.runMigrations();
    transactionsTakeTurns(dataSource, database.file);
  }
  return dataSource;
}
