import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

/** How long `alone` waits for another process's lock before it asks whether it still wants it. */
const ALONE_WAIT = '1s';
/** The first key of `alone`'s locks: their own space, apart from the migrations' lock. */
const ALONE_KEYS = 0x4d696e;

/** PostgreSQL gave up waiting for a lock (lock_timeout). */
const waitedTooLong = (error: unknown) => (error as { driverError?: { code?: string } }).driverError?.code === '55P03';

/**
 * The one door to the database, for repositories only. A repository asks `store.table(Entity)` and
 * gets it inside the transaction its caller is running, if any, so a use case can write through
 * several repositories (and the outbox) in one transaction without passing a handle around.
 */
@Injectable()
export class Store {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly source: DataSource) {}

  /** The transaction this call runs in, or the plain connection. */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.source.manager;
  }

  table<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  get kind(): 'postgres' | 'sqlite' {
    return this.source.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** Runs `work` in one transaction; a transaction started inside another joins it. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.source.transaction((tx) => this.current.run(tx, work));
  }

  /**
   * Runs `work` while no other process runs work under the same `name`, and returns true; false when
   * `wanted()` said no more while it waited its turn. On PostgreSQL an advisory lock held on one
   * connection (the database frees it when the work ends, or when the process dies); each wait lasts
   * a second, then `wanted()` is asked again. One process alone (SQLite) needs no lock.
   */
  async alone(name: string, work: () => Promise<void>, wanted: () => boolean): Promise<boolean> {
    if (this.kind !== 'postgres') {
      await work();
      return true;
    }
    const runner = this.source.createQueryRunner();
    try {
      // the lock's session keeps this setting: it is reset before the connection goes back to the pool
      await runner.query(`SET lock_timeout = '${ALONE_WAIT}'`);
      for (;;)
        try {
          await runner.query(`SELECT pg_advisory_lock(${ALONE_KEYS}, hashtext($1))`, [name]);
          break;
        } catch (error) {
          if (!waitedTooLong(error)) throw error;
          if (!wanted()) return false;
        }
      try {
        await work();
        return true;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${ALONE_KEYS}, hashtext($1))`, [name]).catch(() => undefined);
      }
    } finally {
      await runner.query('RESET lock_timeout').catch(() => undefined);
      await runner.release();
    }
  }

  /** A cheap round trip, for health checks. */
  async ping(): Promise<void> {
    await this.source.query('SELECT 1');
  }
}

/** What services use to make several repository writes one: they never see TypeORM. */
@Injectable()
export class Transactions {
  constructor(private readonly store: Store) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
