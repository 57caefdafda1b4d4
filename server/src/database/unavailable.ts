/** Network errors of a driver that cannot reach its server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** PostgreSQL: class 08 (connection exception), 57P01-57P03 (shutting down, crashed, not accepting yet). */
const SERVER_CODES = /^(08[0-9A-Z]{3}|57P0[1-3])$/;
/** TypeORM releases a transaction's query runner when its connection dies; its next query says so. */
const MESSAGES =
  /Connection terminated|Query runner already released|terminating connection|database system is (starting up|shutting down|in recovery)|Client has encountered a connection error|timeout exceeded when trying to connect|Connection is not established|ClientClosedError|The client is closed/i;

/**
 * True when an error means "the database (or Redis) cannot be reached right now", not "this request
 * is wrong": such errors are retryable (503, a retryable handshake refusal), never a 4xx or a bug.
 * Looks through TypeORM's QueryFailedError (driver codes are copied onto it), causes and AggregateErrors.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_CODES.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (typeof e.name === 'string' && MESSAGES.test(e.name)) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => x !== error && isServiceUnavailable(x, depth + 1));
}
