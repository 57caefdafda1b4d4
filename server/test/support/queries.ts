import type { DataSource } from 'typeorm';
import { sleep } from './sockets';

/**
 * Records every SQL statement the app's data source runs (through its logger, which every query
 * runner calls), so a test can count the queries of one command.
 */
export function queryRecorder(db: DataSource) {
  const logger = db.logger;
  const original = logger.logQuery.bind(logger);
  let recording: string[] | null = null;
  let last = Date.now();
  logger.logQuery = (query, parameters, runner) => {
    last = Date.now();
    recording?.push(query);
    return original(query, parameters, runner);
  };
  return {
    /**
     * The statements of `command`: from its start until it resolves and then, for what it leaves to
     * timers after the reply, until the database has been quiet for `quietMs`.
     */
    async during(command: () => Promise<unknown>, quietMs = 600): Promise<string[]> {
      const queries: string[] = [];
      recording = queries;
      try {
        await command();
        await this.settled(quietMs);
      } finally {
        recording = null;
      }
      return queries;
    },
    /** Resolves once no statement has run for `quietMs` (timers that follow a command are done). */
    async settled(quietMs = 300, timeoutMs = 10_000): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (Date.now() - last < quietMs && Date.now() < end) await sleep(50);
    },
    restore: () => (logger.logQuery = original),
  };
}

/**
 * The statements with a batch insert counted once: the driver splits a long multi-row INSERT
 * into chunks (SQLite takes at most 999 parameters), which is one write, not a query per row.
 */
export function statements(queries: string[]): string[] {
  const table = (q: string) => /^\s*INSERT INTO\s+"?(\w+)"?/i.exec(q)?.[1];
  return queries.filter((q, i) => !table(q) || table(q) !== table(queries[i - 1] ?? ''));
}

/** Statements by their kind and table, e.g. "SELECT attendees": for a readable failure. */
export function tally(queries: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of queries) {
    const verb = /^\s*(\w+)/.exec(q)?.[1]?.toUpperCase() ?? '?';
    const table = /\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(q)?.[1] ?? '';
    const key = `${verb} ${table}`.trim();
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
