import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { dropDatabase, freshDatabaseEnv, testDatabase } from './support/app';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/data-source';
import { entities } from '../src/entities';
import { assignments, phoneHeaders, room, type Phone } from './support/room';
import { eventually } from './support/sockets';
import { kill, startNode, transpileServer, type Node } from './support/nodes';

/**
 * "A match is never lost": two real server processes on one database take a burst of swap
 * requests, one is killed with SIGKILL in the middle of it and started again. Every pair with both
 * requests must then have exactly one match, and no match may exist without both requests.
 */
jest.setTimeout(60_000);

const PAIRS = 20;

const swap = (url: string, from: Phone, to: Phone) =>
  request(url)
    .post(`/api/me/people/${to.joined.me.id}/swap`)
    .set(phoneHeaders(from.joined.token))
    .send({})
    .then((res) => res.status)
    .catch(() => 0); // the node died under the request

/**
 * Kills the node as soon as `count` of the requests from `fromIds` are in the database: the burst is
 * then well under way, with the node's other asks somewhere between arriving and answering.
 */
async function killWhenStored(db: DataSource, node: Node, fromIds: string[], count: number, burst: Promise<unknown>): Promise<void> {
  const list = fromIds.map((_, i) => (testDatabase === 'postgres' ? `$${i + 1}` : '?')).join(', ');
  let over = false;
  void burst.finally(() => (over = true));
  for (;;) {
    const [row] = (await db.query(`SELECT count(*) AS n FROM swap_requests WHERE from_id IN (${list})`, fromIds)) as Array<{
      n: number | string;
    }>;
    if (Number(row!.n) >= count || over) return kill(node);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Lost: both requests, no match. Duplicated: a pair matched more than once, or matched without both requests. */
async function audit(db: DataSource, eventId: string) {
  const p = testDatabase === 'postgres' ? '$1' : '?';
  const requests = (await db.query(`SELECT from_id, to_id FROM swap_requests WHERE event_id = ${p}`, [eventId])) as Array<{
    from_id: string;
    to_id: string;
  }>;
  const matches = (await db.query(`SELECT a, b FROM matches WHERE event_id = ${p}`, [eventId])) as Array<{ a: string; b: string }>;
  const asked = new Set(requests.map((r) => `${r.from_id}>${r.to_id}`));
  const mutual = [...asked].map((k) => k.split('>') as [string, string]).filter(([x, y]) => x < y && asked.has(`${y}>${x}`));
  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const matchCount = new Map<string, number>();
  for (const m of matches) matchCount.set(pairKey(m.a, m.b), (matchCount.get(pairKey(m.a, m.b)) ?? 0) + 1);
  return {
    mutual: mutual.length,
    lost: mutual.filter(([x, y]) => !matchCount.has(pairKey(x, y))).length,
    duplicated:
      [...matchCount.values()].filter((n) => n > 1).length +
      matches.filter((m) => !(asked.has(`${m.a}>${m.b}`) && asked.has(`${m.b}>${m.a}`))).length,
    matches: matches.length,
  };
}

describe(`a SIGKILL during a swap burst on two processes (${testDatabase})`, () => {
  it('loses and duplicates no match', async () => {
    const env: Record<string, string> = { ...freshDatabaseEnv(), SESSION_SECRET: randomBytes(24).toString('hex') };
    if (process.env.TEST_REDIS_URL) delete env.REDIS_URL; // realtime is beside the point here
    const server = transpileServer();
    // Migrated here first, so the two processes can start together (SQLite has no migration lock).
    const db = await openDatabase(loadConfig(env).database, entities);
    const [one, first] = await Promise.all([startNode(server, env), startNode(server, env)]);
    let two = first;
    try {
      const r = await room(one.url, PAIRS * 2, { groupSize: 2 });
      await r.org.post(`/api/events/${r.event.id}/rounds`, {}).expect(201);
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)), 15_000);
      const byId = new Map(r.phones.map((p) => [p.joined.me.id, p]));
      const pairs = r.phones
        .filter((p) => p.joined.me.id < assignments(p.socket)[0]!.group!.members[0]!.id)
        .map((p) => [p, byId.get(assignments(p.socket)[0]!.group!.members[0]!.id)!] as const);
      expect(pairs).toHaveLength(PAIRS);
      r.close();

      // Half the pairs asked once already, on node one; in the burst node two gets the asks that
      // complete them. The other half ask both ways at once, one ask on each node.
      const [waiting, both] = [pairs.slice(0, PAIRS / 2), pairs.slice(PAIRS / 2)];
      expect(await Promise.all(waiting.map(([x, y]) => swap(one.url, x, y)))).toEqual(waiting.map(() => 200));
      const asks = [
        ...waiting.map(([x, y]) => swap(two.url, y, x)),
        ...both.flatMap(([x, y], i) => (i % 2 ? [swap(one.url, x, y), swap(two.url, y, x)] : [swap(one.url, y, x), swap(two.url, x, y)])),
      ];
      const burst = Promise.all(asks);
      const killing = killWhenStored(
        db,
        two,
        waiting.map(([, y]) => y.joined.me.id),
        1,
        burst,
      );
      const statuses = await burst;
      await killing;
      // The kill really happened with asks in flight.
      expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);
      two = await startNode(server, env);
      expect(await audit(db, r.event.id)).toMatchObject({ lost: 0, duplicated: 0 });

      // The asks node two never answered are asked again, on the new process: every pair matches once.
      await Promise.all(pairs.flatMap(([x, y]) => [swap(two.url, x, y), swap(one.url, y, x)]));
      expect(await audit(db, r.event.id)).toEqual({ mutual: PAIRS, lost: 0, duplicated: 0, matches: PAIRS });
    } finally {
      await Promise.all([kill(one), kill(two)]);
      await db.destroy();
      await dropDatabase(env);
      rmSync(server, { recursive: true, force: true });
    }
  });
});
