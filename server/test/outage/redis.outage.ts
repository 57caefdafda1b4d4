import { Not } from 'typeorm';
import request from 'supertest';
import { CSRF_HEADER, type MetPerson } from '@mingle/shared';
import { Match } from '../../src/connections/connection.entities';
import { Round } from '../../src/mixer/rounds/round.entity';
import { Broadcaster } from '../../src/broadcast/broadcaster';
import { rooms } from '../../src/broadcast/rooms';
import { phoneHeaders } from '../support/room';
import { connect, eventually, snapshotOf, sleep } from '../support/sockets';
import {
  endsSeen,
  eventOn,
  phoneView,
  publishesDropped,
  report,
  startCluster,
  timeUntil,
  wrongPhones,
  type Cluster,
  type Phone,
} from './cluster';

const OUTAGE_MS = 20_000;
/** Every phone must be right again this soon after Redis is back. */
const BACK_WITHIN_MS = 5000;

describe('Redis goes away mid-event (two nodes)', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterEach(async () => {
    if (cluster && !cluster.redis.running) await cluster.redis.start();
  });
  afterAll(() => cluster?.close(), 30_000);

  it('stopped for 20 s mid-round: the clock ends the round, a new one starts, and every phone is right again once Redis is back', async () => {
    const ev = await eventOn(cluster, 8);
    const [a, b] = cluster.nodes as [Cluster['nodes'][0], Cluster['nodes'][0]];
    const startOn = (url: string) =>
      request(url)
        .post(`/api/events/${ev.event.id}/rounds`)
        .set('cookie', ev.cookie)
        .set(CSRF_HEADER, '1')
        .send({})
        .timeout(OUTAGE_MS + 10_000);
    try {
      expect((await startOn(a.url)).status).toBe(201);
      await eventually(async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]));
      const first = (await a.db.getRepository(Round).findOneByOrFail({ eventId: ev.event.id, state: 'running' })).id;

      const down = Date.now();
      await cluster.redis.stop();
      // The round is due a second from now: the clock must end it while Redis is away.
      await a.db.getRepository(Round).update({ id: first }, { endsAt: Date.now() + 1000 });
      let clockEndedDuringOutage = true;
      await eventually(
        async () => expect((await a.db.getRepository(Round).findOneByOrFail({ id: first })).state).toBe('ended'),
        8000,
      ).catch(() => (clockEndedDuringOutage = false));

      // A phone that reconnects meanwhile gets its snapshot without waiting for Redis.
      const again = connect(b.url, { role: 'attendee', token: ev.phones[1]!.joined.token });
      const snapshotDuringOutage = await snapshotOf(again, 5000).then(
        () => true,
        () => false,
      );
      again.disconnect();

      // The organizer starts the next round on the other node, still during the outage.
      const asked = Date.now();
      const started = await startOn(b.url).catch((e: Error) => ({ status: `no answer (${e.message})` }));
      const startMs = Date.now() - asked;
      const startedDuringOutage = Date.now() - down < OUTAGE_MS;
      const stillDown = OUTAGE_MS - (Date.now() - down);
      if (stillDown > 0) await sleep(stillDown);
      await cluster.redis.start();

      let backMs: number | null = null;
      const wrongAfter = await timeUntil(
        async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]),
        BACK_WITHIN_MS,
      ).then(
        (ms) => ((backMs = ms), []),
        () => wrongPhones(cluster, ev.event.id, ev.phones),
      );
      const ends = ev.consoles.map(endsSeen);
      report('redis stopped 20 s mid-round', {
        unhandledRejections: cluster.rejections.length,
        clockEndedDuringOutage,
        snapshotDuringOutage,
        roundStartStatus: started.status,
        roundStartMs: startMs,
        startedDuringOutage,
        publishesDropped: cluster.nodes.map(publishesDropped),
        phonesWrongAfter5s: wrongAfter.length,
        phonesBackMs: backMs,
        maxEndsPerRoundPerConsole: Math.max(0, ...ends.flatMap((m) => [...m.values()])),
      });

      expect(cluster.rejections).toEqual([]);
      expect(clockEndedDuringOutage).toBe(true);
      expect(snapshotDuringOutage).toBe(true);
      expect(started.status).toBe(201);
      expect(startedDuringOutage).toBe(true);
      expect(wrongAfter).toEqual([]);
      const rounds = await a.db
        .getRepository(Round)
        .find({ where: { eventId: ev.event.id, state: Not('staged') }, order: { number: 'ASC' } });
      expect(rounds.map((r) => r.state)).toEqual(['ended', 'running']);
      for (const seen of ends) expect([...seen.values()].every((n) => n === 1)).toBe(true);
    } finally {
      ev.close();
    }
  }, 90_000);

  it('killed (kill -9) and restarted within a second during a burst of taps and swaps: no match lost or doubled, every phone right', async () => {
    const ev = await eventOn(cluster, 12);
    const [a] = cluster.nodes;
    const rejectionsBefore = cluster.rejections.length;
    // The burst's taps and news flood stop even when an assertion fails midway (else Jest never exits).
    let stopBurst = () => {};
    try {
      expect((await ev.org.post(`/api/events/${ev.event.id}/rounds`, {})).status).toBe(201);
      await eventually(async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]));
      const byId = new Map(ev.phones.map((p) => [p.joined.me.id, p]));
      const groupOf = (p: Phone) => phoneView(p.socket).group!;

      // Everyone taps "I'm here" and every groupmate pair swaps, all pairs at once. The two asks of
      // one pair go one after the other: two asks of a pair at the same instant can both send the
      // match news (a race in ConnectionsService.match, outside this outage's scope).
      let answered = 0;
      const ask = (p: Phone, otherId: string) =>
        request(cluster.nodes[p.node]!.url)
          .post(`/api/me/people/${otherId}/swap`)
          .set(phoneHeaders(p.joined.token))
          .send({})
          .then((res) => (answered++, res.status));
      const swaps: Array<Promise<number[]>> = [];
      // Taps keep coming until Redis is back, so news is in flight when it dies.
      let tapping = true;
      let tapsSent = 0;
      const tapLoop = async (p: Phone) => {
        const groupId = groupOf(p).groupId;
        while (tapping) {
          tapsSent++;
          await p.socket
            .timeout(10_000)
            .emitWithAck('group:arrive', { groupId })
            .catch((e: Error) => e);
        }
      };
      const taps = ev.phones.map(tapLoop);
      // And the news traffic of a big room (200 phones arriving): presence news from both nodes.
      const presence = { joined: ev.phones.length, online: ev.phones.length, interests: [] };
      const flood = setInterval(() => {
        for (const node of cluster.nodes)
          for (let i = 0; i < 20; i++) node.app.get(Broadcaster).send(rooms.event(ev.event.id), 'presence:changed', presence);
      }, 2);
      stopBurst = () => {
        tapping = false;
        clearInterval(flood);
      };
      for (const p of ev.phones) {
        for (const mate of groupOf(p).members.filter((m) => m.id > p.joined.me.id)) {
          const other = byId.get(mate.id)!;
          swaps.push(ask(p, mate.id).then(async (first) => [first, await ask(other, p.joined.me.id)]));
        }
      }
      // Mid-burst: kill -9 and start again at once.
      await eventually(() => expect(answered).toBeGreaterThan(0), 20_000);
      await cluster.redis.kill();
      await cluster.redis.start();
      const back = Date.now();
      const statuses = (await Promise.all(swaps)).flat();
      await eventually(() => expect(Date.now() - back).toBeGreaterThan(300), 1000);
      tapping = false;
      clearInterval(flood);
      await Promise.all(taps);

      let backMs: number | null = null;
      const wrongAfter = await timeUntil(
        async () => expect(await wrongPhones(cluster, ev.event.id, ev.phones)).toEqual([]),
        BACK_WITHIN_MS,
      ).then(
        (ms) => ((backMs = ms), []),
        () => wrongPhones(cluster, ev.event.id, ev.phones),
      );

      // Every groupmate pair asked both ways: every pair is one match, and both phones know it.
      const expected = new Set<string>();
      for (const p of ev.phones)
        for (const m of groupOf(p).members) if (m.id !== p.joined.me.id) expected.add([p.joined.me.id, m.id].sort().join('|'));
      const matches = await a!.db.getRepository(Match).findBy({ eventId: ev.event.id });
      const stored = matches.map((m) => `${m.a}|${m.b}`);
      let newsLost = 0;
      let newsDoubled = 0;
      let unknownToPhone = 0;
      for (const p of ev.phones) {
        const news = p.socket.frames.filter(([e]) => e === 'match:made').map(([, n]) => (n as { person: MetPerson }).person.id);
        const me = p.joined.me.id;
        const mine = matches.filter((m) => m.a === me || m.b === me).map((m) => (m.a === me ? m.b : m.a));
        const people = (await request(cluster.nodes[p.node]!.url).get('/api/me/people').set(phoneHeaders(p.joined.token)))
          .body as MetPerson[];
        // A phone refreshes its people list on every snapshot, so a snapshot after the burst counts as knowing.
        const refreshed = p.socket.frames.filter(([e]) => e === 'snapshot').length > 1;
        for (const other of mine) {
          const count = news.filter((id) => id === other).length;
          if (count === 0) newsLost++;
          if (count > 1) newsDoubled++;
          if (count === 0 && !(refreshed && people.find((x) => x.id === other)?.matched)) unknownToPhone++;
        }
      }
      report('redis kill -9 + restart during taps and swaps', {
        unhandledRejections: cluster.rejections.length - rejectionsBefore,
        swapsAnswered: `${statuses.filter((s) => s === 200).length}/${statuses.length}`,
        tapsSent,
        matchesStored: `${stored.length}/${expected.size}`,
        matchNewsLost: newsLost,
        matchNewsDoubled: newsDoubled,
        matchesUnknownToPhone: unknownToPhone,
        publishesDropped: cluster.nodes.map(publishesDropped),
        phonesWrongAfter5s: wrongAfter.length,
        phonesBackMs: backMs,
        sinceRestartMs: Date.now() - back,
      });

      expect(cluster.rejections.length - rejectionsBefore).toBe(0);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(new Set(stored)).toEqual(expected);
      expect(stored).toHaveLength(expected.size);
      expect(newsDoubled).toBe(0);
      expect(unknownToPhone).toBe(0);
      expect(wrongAfter).toEqual([]);
    } finally {
      stopBurst();
      ev.close();
    }
  }, 60_000);

  it('a node shuts down while Redis is away, without waiting for it', async () => {
    await cluster.redis.stop();
    const node = cluster.nodes[1]!;
    const closed = await Promise.race([
      node.close().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still closing'), 10_000).unref()),
    ]);
    expect(closed).toBe('closed');
  });
});
