import type { DataSource } from 'typeorm';

interface Turns {
  /** the data source whose transaction holds the file's write lock, if any */
  holder: DataSource | null;
  /** settles when the current transaction is over */
  over: Promise<void>;
  /** the last transaction in line */
  last: Promise<unknown>;
}

/** Per database file, for every data source of this process (tests run two apps on one file). */
const byFile = new Map<string, Turns>();

/**
 * SQLite has one connection per data source, and TypeORM turns a transaction that starts while
 * another runs into a savepoint inside it: one request's rollback could undo another's work. And a
 * second data source on the same file in this process would block the whole thread on the lock an
 * open transaction holds across an await. So on SQLite, transactions take turns per file, and the
 * other data sources' queries wait while one is open.
 */
export function transactionsTakeTurns(db: DataSource, file: string): void {
  let turns = byFile.get(file);
  if (!turns) byFile.set(file, (turns = { holder: null, over: Promise.resolve(), last: Promise.resolve() }));
  const shared = turns;

  const manager = db.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => {
    const turn = shared.last.then(async () => {
      let end!: () => void;
      shared.over = new Promise<void>((resolve) => (end = resolve));
      shared.holder = db;
      try {
        return await transaction(...args);
      } finally {
        shared.holder = null;
        end();
      }
    });
    shared.last = turn.catch(() => undefined);
    return turn;
  }) as typeof manager.transaction;

  const runner = db.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    while (shared.holder && shared.holder !== db) await shared.over;
    return query(...args);
  }) as typeof runner.query;
}
