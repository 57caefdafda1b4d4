import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

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
