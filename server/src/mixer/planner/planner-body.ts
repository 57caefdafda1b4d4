import type { IncomingMessage } from 'node:http';

/**
 * The planner promises 2,000 people: a realistic list (names, companies, interests) is ~220 KB,
 * over the 100 KB every other route allows, so its route alone gets a larger JSON limit.
 */
export const PLANNER_BODY_LIMIT = '1mb';

/** body-parser's `type` test: JSON sent to the planner route, and nothing else. */
export function isPlannerJson(req: IncomingMessage): boolean {
  const path = (req.url ?? '').split('?')[0];
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return req.method === 'POST' && path === '/api/planner' && type === 'application/json';
}
