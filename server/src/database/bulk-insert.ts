import { QueryFailedError, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** Rows per statement on PostgreSQL: well under its parameter limit (65,535). */
const ROWS_PER_STATEMENT = 500;

/** The part of better-sqlite3's connection this uses. */
interface SqliteConnection {
  prepare(sql: string): { run(params: unknown[]): unknown };
}

/**
 * Inserts many rows without TypeORM's entity bookkeeping; a round for 5,000 people writes ~14,000
 * rows, and phones wait for it. PostgreSQL gets multi-row INSERTs (one round trip per 500 rows);
 * SQLite runs in this process, where one prepared single-row INSERT run per row is about twice as
 * fast as multi-row statements, whose parameters SQLite binds and parses anew for each statement.
 */
export async function bulkInsert<T extends ObjectLiteral>(tx: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  if (!rows.length) return;
  const { driver, options } = tx.connection;
  const meta = tx.connection.getMetadata(target);
  const columns = meta.columns.filter((c) => !c.isVirtual);
  const table = options.type === 'postgres' && meta.schema ? `"${meta.schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const values = (row: T) => columns.map((c) => driver.preparePersistentValue(c.getEntityValue(row), c));

  if (options.type === 'better-sqlite3') {
    // SQLite has one connection: inside a transaction, this is the transaction's own.
    const sql = `INSERT INTO ${table} (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
    let params: unknown[] = [];
    try {
      const insert = (driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection.prepare(sql);
      for (const row of rows) insert.run((params = values(row)));
    } catch (error) {
      throw new QueryFailedError(sql, params, error as Error);
    }
    return;
  }
  // PostgreSQL
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = values(row).map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await tx.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}
