import request from 'supertest';
import { CSRF_HEADER, type MetPerson } from '@mingle/shared';
import { Not, type DataSource } from 'typeorm';
import { Match } from '../../src/connections/connection.entities';
import { GroupMember, Round } from '../../src/mixer/rounds/round.entity';
import { phoneHeaders } from '../support/room';
import { eventually } from '../support/sockets';
import { endsSeen, eventOn, phoneView, report, startCluster, timeUntil, wrongPhones, type Cluster, type Phone } from './cluster';

const BACK_WITHIN_MS = 5000;
/** Backends of the private cluster that match `where` (on pg_stat_activity). */
const backends = async (db: DataSource, where: string): Promise<number> =>
  Number((await db.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND ${where}`))[0].n);

/**
 * The start waits `seconds` in PostgreSQL at one statement on the outbox: its last write inside its
 * transaction (INSERT), or marking its follow-up done after it told everyone (DELETE). Resolves once it does.
 */
async function holdOutbox(db: DataSource, statement: 'INSERT' | 'DELETE', seconds: number): Promise<() => Promise<void>> {
  await db.query(
    `CREATE FUNCTION outage_hold() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(${seconds}); RETURN NULL; END $$`,
  );
  await db.query(`CREATE TRIGGER outage_hold BEFORE ${statement} ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outage_hold()`);
  return () => eventually(async () => expect(await backends(db, `wait_event = 'PgSleep' AND query LIKE '%outbox%'`)).toBe(1), 10_000);
}

/**
 * Where the crash lands in the round start: each sets a hold up before the start is asked and
 * returns a wait that resolves once the start is held there.
 */
const crashPoints: Array<[string, (db: DataSource) => Promise<() => Promise<void>>]> = [
  ['inside its transaction (all written but the outbox entry)', (db) => holdOutbox(db, 'INSERT', 5)],
  // The groups go out from the start's own picture, without the database; what is left after the
  // commit is marking the follow-up done. A crash there leaves it to the clock, which tells everyone again.
  ['after its commit and its news, while its follow-up is marked done', (db) => holdOutbox(db, 'DELETE', 5)],
];

describe('PostgreSQL crashes (kill -9) while a round start and a burst of swaps are in flight (two nodes)', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.close(), 30_000);

  it.each(crashPoints)(
    'crash %s: the start happened whole or not at all, no node exits, phones right within 5 s, no match lost or doubled, one end per round',
    async (where, hold) => {
      const ev = await eventOn(cluster, 12);
      const [a, b] = cluster.nodes as [Cluster['nodes'][0], Cluster['nodes'][0]];
      const rejectionsBefore = cluster.rejections.length;
      const asOrganizer = (url: string, path: string) =>
        request(url).post(`/api/events/${ev.event.id}${path}`).set('cookie', ev.cookie).set(CSRF_HEADER, '1').send({});
      try {
        // Round 1 runs and ends: its groupmates are the pairs who swap while round 2 starts.
        expect((await asOrganizer(a.url, '/rounds')).status).toBe(201);
        await eventually(async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]));
        const byId = new Map(ev.phones.map((p) => [p.joined.me.id, p]));
        const pairs: Array<[Phone, Phone]> = [];
        for (const p of ev.phones)
          for (const mate of phoneView(p.socket).group!.members) if (mate.id > p.joined.me.id) pairs.push([p, byId.get(mate.id)!]);
        expect((await asOrganizer(b.url, '/rounds/current/end')).status).toBeLessThan(300);
        await eventually(async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]));

        // Each swap waits a moment in PostgreSQL, so the burst is surely in flight at the crash.
        await a.db.query(
          `CREATE FUNCTION outage_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.2); RETURN NEW; END $$`,
        );
        await a.db.query('CREATE TRIGGER outage_slow BEFORE INSERT ON swap_requests FOR EACH ROW EXECUTE FUNCTION outage_slow()');
        const held = await hold(a.db);

        const ask = (p: Phone, other: Phone) =>
          request(cluster.nodes[p.node]!.url)
            .post(`/api/me/people/${other.joined.me.id}/swap`)
            .set(phoneHeaders(p.joined.token))
            .send({})
            .then(
              (res) => res.status,
              () => 0,
            );
        const started = asOrganizer(a.url, '/rounds').then(
          (res) => ({ status: res.status, code: res.body.code as string }),
          (e: Error) => ({ status: 0, code: e.message }),
        );
        let answered = 0;
        const swaps = pairs.map(async ([p, q]) => {
          const first = await ask(p, q);
          answered++;
          return [first, await ask(q, p)];
        });
        await held();
        // The burst is in flight: asks answered, or asks at work or waiting in PostgreSQL.
        const asking = `state <> 'idle' AND (query LIKE '%swap_requests%' OR query LIKE '%token_hash%')`;
        await eventually(async () => expect(answered + (await backends(a.db, asking))).toBeGreaterThan(0), 10_000);

        await cluster.pg.kill();
        const start = await started;
        const statuses = await Promise.all(swaps);
        await cluster.pg.start();
        const back = Date.now();
        await a.db.query('DROP TRIGGER IF EXISTS outage_hold ON outbox').catch(() => undefined);
        await eventually(async () => {
          await a.db.query('DROP TRIGGER IF EXISTS outage_slow ON swap_requests');
          await a.db.query('DROP FUNCTION IF EXISTS outage_slow()');
          await a.db.query('DROP FUNCTION IF EXISTS outage_hold()');
        }, BACK_WITHIN_MS);

        // The start is whole (round, every group member, every phone told) or absent.
        const roundsAfterCrash = await a.db
          .getRepository(Round)
          .find({ where: { eventId: ev.event.id, state: Not('staged') }, order: { number: 'ASC' } });
        const startHappened = roundsAfterCrash.length === 2;
        if (startHappened)
          expect(await a.db.getRepository(GroupMember).countBy({ roundId: roundsAfterCrash[1]!.id })).toBe(ev.phones.length);
        else expect(roundsAfterCrash).toHaveLength(1);
        let backMs: number | null = null;
        const wrongAfter = await timeUntil(
          async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]),
          BACK_WITHIN_MS,
        ).then(
          (ms) => ((backMs = Date.now() - back), ms),
          () => wrongPhones(cluster, ev.event.id, ev.phones).catch((e: Error) => [e.message]),
        );
        const retry = await asOrganizer(b.url, '/rounds');
        await eventually(async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]));

        // Re-asking what failed completes every pair: each pair is one match.
        const failedAsks = statuses.flat().filter((s) => s !== 200).length;
        const reasked: number[] = [];
        for (const [i, [p, q]] of pairs.entries()) {
          if (statuses[i]![0] !== 200) reasked.push(await ask(p, q));
          if (statuses[i]![1] !== 200) reasked.push(await ask(q, p));
        }
        const matches = await a.db.getRepository(Match).findBy({ eventId: ev.event.id });
        const stored = matches.map((m) => `${m.a}|${m.b}`);
        const expected = pairs.map(([p, q]) => [p.joined.me.id, q.joined.me.id].sort().join('|'));
        let newsLost = 0;
        let newsDoubled = 0;
        let unknownToPhone = 0;
        for (const p of ev.phones) {
          const me = p.joined.me.id;
          const news = p.socket.frames.filter(([e]) => e === 'match:made').map(([, n]) => (n as { person: MetPerson }).person.id);
          const people = (await request(cluster.nodes[p.node]!.url).get('/api/me/people').set(phoneHeaders(p.joined.token)))
            .body as MetPerson[];
          for (const m of matches.filter((x) => x.a === me || x.b === me)) {
            const other = m.a === me ? m.b : m.a;
            const count = news.filter((id) => id === other).length;
            if (count === 0) newsLost++;
            if (count > 1) newsDoubled++;
            if (count === 0 && !people.find((x) => x.id === other)?.matched) unknownToPhone++;
          }
        }

        // Every round ends once, as every console hears it.
        expect((await asOrganizer(a.url, '/rounds/current/end')).status).toBeLessThan(300);
        const rounds = await a.db.getRepository(Round).find({ where: { eventId: ev.event.id, state: Not('staged') } });
        await eventually(() => {
          for (const c of ev.consoles) for (const r of rounds) expect(endsSeen(c).get(r.id)).toBe(1);
        });
        const ends = ev.consoles.map((c) => rounds.map((r) => endsSeen(c).get(r.id) ?? 0));

        report(`postgres kill -9 during a start and swaps: ${where}`, {
          unhandledRejections: cluster.rejections.length - rejectionsBefore,
          startAnswer: `${start.status} ${start.code}`,
          startHappened,
          retryAnswer: `${retry.status} ${retry.body.code ?? ''}`.trim(),
          swapsAnsweredDuringCrash: `${statuses.flat().filter((s) => s === 200).length}/${statuses.flat().length}`,
          swapFailures: [...new Set(statuses.flat().filter((s) => s !== 200))].join(' '),
          reasked: `${reasked.filter((s) => s === 200).length}/${failedAsks}`,
          matchesStored: `${new Set(stored).size}/${expected.length}`,
          matchNewsLost: newsLost,
          matchNewsDoubled: newsDoubled,
          matchesUnknownToPhone: unknownToPhone,
          phonesWrongAfter5s: wrongAfter === null || typeof wrongAfter === 'number' ? 0 : wrongAfter.length,
          phonesBackMs: backMs,
          endsPerConsole: ends.map((e) => e.join(',')),
        });

        expect(cluster.rejections.length - rejectionsBefore).toBe(0);
        // A start that did not happen says "try again" (503); one that happened may have said either.
        expect(startHappened ? [201, 503] : [503]).toContain(start.status);
        expect(typeof wrongAfter === 'number' ? [] : wrongAfter).toEqual([]);
        expect(retry.status).toBe(startHappened ? 409 : 201);
        if (startHappened) expect(retry.body.code).toBe('round_running');
        expect(failedAsks).toBeGreaterThan(0);
        // An ask the crash cut off says "try again", never a 500.
        expect(statuses.flat().filter((s) => s !== 200)).toEqual(Array(failedAsks).fill(503));
        expect(reasked.every((s) => s === 200)).toBe(true);
        expect(stored.sort()).toEqual([...expected].sort());
        expect(newsDoubled).toBe(0);
        expect(unknownToPhone).toBe(0);
        expect(rounds).toHaveLength(2);
      } finally {
        ev.close();
      }
    },
    90_000,
  );
});
