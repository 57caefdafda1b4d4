import type { DataSource } from 'typeorm';

/**
 * SQLite has one connection per process, and TypeORM turns a transaction that starts while another
 * runs into a savepoint inside it: one request's rollback could undo another's work, and neither is
 * final until the outer one commits. So on SQLite, transactions take turns.
 */
export function transactionsTakeTurns(db: DataSource): void {
  const manager = db.manager;
  const run = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const turn = last.then(() => run(...args));
    last = turn.catch(() => undefined);
    return turn;
  }) as typeof manager.transaction;
}
