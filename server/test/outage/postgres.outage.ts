import request from 'supertest';
import { CSRF_HEADER, type HandshakeAuth } from '@mingle/shared';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Match } from '../../src/connections/connection.entities';
import { Round } from '../../src/mixer/rounds/round.entity';
import { phoneHeaders } from '../support/room';
import { connect, eventually, snapshotOf, sleep, type MingleClient } from '../support/sockets';
import { endsSeen, eventOn, phoneView, report, startCluster, timeUntil, wrongPhones, type Cluster } from './cluster';

/** What the test uses of a pg client (pg ships no types here). */
interface DriverClient {
  query(sql: string): Promise<{ rows: Array<{ pid: number }> }>;
  once(event: 'end', listener: () => void): unknown;
}

/** As long as the issue says: the due round, a start and a reconnect all meet the outage. */
const OUTAGE_MS = 20_000;
const BACK_WITHIN_MS = 5000;

/** A phone's socket as client/src/lib/realtime.ts runs it: a retryable refusal is tried again with backoff. */
function phoneThatRetries(url: string, auth: HandshakeAuth): { socket: MingleClient; refusals: string[] } {
  const socket = connect(url, auth);
  const refusals: string[] = [];
  socket.on('connect_error', (err: Error) => {
    refusals.push(err.message);
    if (err.message === 'unavailable') setTimeout(() => socket.connect(), Math.min(2000, 250 * 2 ** refusals.length));
  });
  return { socket, refusals };
}

describe('PostgreSQL goes away mid-round (two nodes)', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.close(), 30_000);

  it('stopped mid-round: commands answer 503, reconnecting phones are told to retry and come back, the due round ends once', async () => {
    const ev = await eventOn(cluster, 6);
    const [a, b] = cluster.nodes as [Cluster['nodes'][0], Cluster['nodes'][0]];
    const asOrganizer = (url: string, path: string, body: object) =>
      request(url).post(`/api/events/${ev.event.id}${path}`).set('cookie', ev.cookie).set(CSRF_HEADER, '1').send(body);
    let returning: { socket: MingleClient; refusals: string[] } | null = null;
    try {
      expect((await asOrganizer(a.url, '/rounds', {})).status).toBe(201);
      await eventually(async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]));
      const first = (await a.db.getRepository(Round).findOneByOrFail({ eventId: ev.event.id, state: 'running' })).id;
      // A pair of groupmates swaps: one asks before the outage, the other during it (both stay connected).
      const steady = ev.phones.filter((x) => x !== ev.phones[1]);
      const mates = (x: (typeof steady)[0]) => phoneView(x.socket).group!.members.map((m) => m.id);
      const pairs = steady.flatMap((x) => steady.filter((y) => y !== x && mates(x).includes(y.joined.me.id)).map((y) => [x, y] as const));
      const pair = pairs.find(([x, y]) => x.node !== y.node) ?? pairs[0] ?? null;
      const swap = (from: (typeof steady)[0], to: (typeof steady)[0]) =>
        request(cluster.nodes[from.node]!.url).post(`/api/me/people/${to.joined.me.id}/swap`).set(phoneHeaders(from.joined.token)).send({});
      if (pair) expect((await swap(pair[0], pair[1])).status).toBe(200);
      // Due while the database is away: the clock can only end it once it is back, exactly once.
      await a.db.getRepository(Round).update({ id: first }, { endsAt: Date.now() + 1000 });

      const down = Date.now();
      await cluster.pg.stop();

      // A phone on node B loses its connection and reconnects during the outage.
      const phone = ev.phones[1]!;
      phone.socket.disconnect();
      returning = phoneThatRetries(b.url, { role: 'attendee', token: phone.joined.token });
      await eventually(() => expect(returning!.refusals.length).toBeGreaterThan(0), 5000);
      const refusal = returning.refusals[0];

      const extend = await asOrganizer(a.url, '/rounds/current/extend', { minutes: 1 });
      const start = await asOrganizer(b.url, '/rounds', {});
      const health = await request(a.url).get('/api/health');
      const swapDuring = pair ? (await swap(pair[1], pair[0])).status : null;
      const live = await request(a.url).get('/api/health/live');

      const stillDown = OUTAGE_MS - (Date.now() - down);
      if (stillDown > 0) await sleep(stillDown);
      await cluster.pg.start();

      const phones = ev.phones.map((p) => (p === phone ? { ...p, socket: returning!.socket } : p));
      let backMs: number | null = null;
      const wrongAfter = await timeUntil(async () => {
        await snapshotOf(returning!.socket, 100);
        expect(await wrongPhones(cluster, ev.event.id, phones)).toEqual([]);
      }, BACK_WITHIN_MS).then(
        (ms) => ((backMs = ms), []),
        () => wrongPhones(cluster, ev.event.id, phones).catch((e: Error) => [e.message]),
      );
      const ends = ev.consoles.map(endsSeen);
      // Asked again once the database is back, the swap completes: one match, news once to each phone.
      const swapAfter = pair ? (await swap(pair[1], pair[0])).status : null;
      const matches = await a.db.getRepository(Match).countBy({ eventId: ev.event.id });
      const matchNews = pair
        ? await Promise.all(
            pair.map((x) =>
              eventually(() => expect(x.socket.frames.filter(([e]) => e === 'match:made')).toHaveLength(1)).then(
                () => 1,
                () => x.socket.frames.filter(([e]) => e === 'match:made').length,
              ),
            ),
          )
        : [];
      report('postgres stopped 20 s mid-round', {
        unhandledRejections: cluster.rejections.length,
        handshakeRefusal: refusal,
        phoneReconnected: returning.socket.connected,
        commandStatus: `${extend.status} ${extend.body.code}`,
        startStatus: `${start.status} ${start.body.code}`,
        health: `${health.status} ${JSON.stringify(health.body.checks ?? health.body.status)}`,
        live: live.status,
        phonesWrongAfter5s: wrongAfter.length,
        phonesBackMs: backMs,
        endsPerConsole: ends.map((m) => m.get(first) ?? 0),
        swap: `before 200, during ${swapDuring}, after ${swapAfter}; matches ${matches}, news per phone ${matchNews.join(',')}`,
      });

      expect(cluster.rejections).toEqual([]);
      expect(refusal).toBe('unavailable');
      expect(extend.status).toBe(503);
      expect(extend.body).toMatchObject({ statusCode: 503, code: 'unavailable', message: expect.stringContaining('Try again') });
      expect(start.status).toBe(503);
      expect(health.status).toBe(503);
      expect(health.body.checks).toEqual({ database: 'down', redis: 'up' });
      expect(live.status).toBe(200);
      expect(pair).not.toBeNull();
      expect([swapDuring, swapAfter, matches]).toEqual([503, 200, 1]);
      expect(matchNews).toEqual([1, 1]);
      expect(wrongAfter).toEqual([]);
      expect(returning.socket.connected).toBe(true);
      expect((await a.db.getRepository(Round).findOneByOrFail({ id: first })).state).toBe('ended');
      for (const seen of ends) expect(seen.get(first)).toBe(1);
      for (const node of cluster.nodes) expect((await request(node.url).get('/api/health')).status).toBe(200);
    } finally {
      returning?.socket.disconnect();
      ev.close();
    }
  }, 90_000);

  it('a start that fails inside its transaction says what happened: 503 for a database error, 409 only for a running round', async () => {
    const ev = await eventOn(cluster, 4);
    const [a, b] = cluster.nodes as [Cluster['nodes'][0], Cluster['nodes'][0]];
    const start = (url: string) =>
      request(url).post(`/api/events/${ev.event.id}/rounds`).set('cookie', ev.cookie).set(CSRF_HEADER, '1').send({});
    try {
      // The connection dies while the round's groups are written (57P01, as in a fast shutdown).
      await a.db.query(
        `CREATE FUNCTION outage_now() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = '57P01'; END $$`,
      );
      await a.db.query('CREATE TRIGGER outage_now BEFORE INSERT ON group_members FOR EACH ROW EXECUTE FUNCTION outage_now()');
      const failed = await start(a.url);
      await a.db.query('DROP TRIGGER outage_now ON group_members');
      await a.db.query('DROP FUNCTION outage_now()');
      expect(failed.status).toBe(503);
      expect(failed.body.code).toBe('unavailable');
      expect(await a.db.getRepository(Round).countBy({ eventId: ev.event.id })).toBe(0);

      // Two starts at once on two nodes: one wins, the other is told a round is running.
      const both = await Promise.all([start(a.url), start(b.url)]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(both.find((r) => r.status === 409)!.body.code).toBe('round_running');
    } finally {
      ev.close();
    }
  });

  it('a connection dropped while no query runner holds it never exits the node', async () => {
    const a = cluster.nodes[0]!;
    const driver = a.db.driver as PostgresDriver;
    // Checked out of the pool and not yet handed to a query runner: pg-pool no longer listens on it.
    const [client, release] = (await driver.obtainMasterConnection()) as [DriverClient, (err?: Error) => void];
    const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const ended = new Promise<void>((resolve) => client.once('end', resolve));
    await a.db.query('SELECT pg_terminate_backend($1)', [pid]);
    await ended;
    release(new Error('terminated'));
    expect((await request(a.url).get('/api/health')).status).toBe(200);
  });
});
