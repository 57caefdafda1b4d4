import request from 'supertest';
import type { ConsoleRoundState, MetPerson } from '@mingle/shared';
import { dropDatabase, freshDatabaseEnv, startApp, testDatabase, useApp } from './support/app';
import { assignments, framesOf, lastGroup, phoneHeaders, room, type Phone } from './support/room';
import { eventually, nextEvent } from './support/sockets';

const swap = (url: string, from: Phone, to: Phone) =>
  request(url).post(`/api/me/people/${to.joined.me.id}/swap`).set(phoneHeaders(from.joined.token)).send({});

/** `n` phones grouped once in pairs; returns the pairs who met. */
async function metPairs(url: string, n: number) {
  const r = await room(url, n, { groupSize: 2 });
  await r.org.post(`/api/events/${r.event.id}/rounds`, {});
  await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
  const byId = new Map(r.phones.map((p) => [p.joined.me.id, p]));
  const pairs: Array<[Phone, Phone]> = [];
  for (const p of r.phones) {
    const mate = byId.get(assignments(p.socket)[0]!.group!.members[0]!.id)!;
    if (p.joined.me.id < mate.joined.me.id) pairs.push([p, mate]);
  }
  return { r, pairs };
}

const matchRows = async (db: { query(sql: string, params?: unknown[]): Promise<unknown> }, eventId: string, postgres: boolean) =>
  (await db.query(`SELECT a, b FROM matches WHERE event_id = ${postgres ? '$1' : '?'}`, [eventId])) as Array<{ a: string; b: string }>;

jest.setTimeout(20_000);

describe('a match is made once', () => {
  const app = useApp();

  it('asking again after a match sends no second match:made', async () => {
    const { r, pairs } = await metPairs(app().url, 2);
    try {
      const [ana, raj] = pairs[0]!;
      const anaNews = nextEvent(ana.socket, 'match:made');
      const rajNews = nextEvent(raj.socket, 'match:made');
      // Both at the same moment: still exactly one match.
      await Promise.all([swap(app().url, ana, raj).expect(200), swap(app().url, raj, ana).expect(200)]);
      await Promise.all([anaNews, rajNews]);

      for (const [from, to] of [
        [ana, raj],
        [raj, ana],
        [ana, raj],
      ] as const)
        expect((await swap(app().url, from, to).expect(200)).body).toMatchObject({ matched: true });
      // Later news to each phone: any second match:made would have arrived before it.
      for (const p of [ana, raj]) {
        const changed = nextEvent(p.socket, 'me:changed');
        await request(app().url).patch('/api/me').set(phoneHeaders(p.joined.token)).send({ headline: 'Later' }).expect(200);
        await changed;
      }
      expect([framesOf(ana.socket, 'match:made').length, framesOf(raj.socket, 'match:made').length]).toEqual([1, 1]);
      const rows = await matchRows(app().db, r.event.id, app().config.database.kind === 'postgres');
      expect(rows).toHaveLength(1);
    } finally {
      r.close();
    }
  });

  it("tells the console's connection counts at once: an ask, a withdrawal and a match, never who", async () => {
    const { r, pairs } = await metPairs(app().url, 2);
    try {
      const [ana, raj] = pairs[0]!;
      const counts = () => framesOf<Record<string, unknown>>(r.console, 'console:connections-changed').at(-1);
      await swap(app().url, ana, raj).expect(200);
      await eventually(() => expect(counts()).toMatchObject({ swapsAsked: 1, matches: 0 }));
      await request(app().url).delete(`/api/me/people/${raj.joined.me.id}/swap`).set(phoneHeaders(ana.joined.token)).expect(200);
      await eventually(() => expect(counts()).toMatchObject({ swapsAsked: 0, matches: 0 }));
      await swap(app().url, ana, raj).expect(200);
      await swap(app().url, raj, ana).expect(200);
      await eventually(() =>
        expect(counts()).toMatchObject({ swapsAsked: 2, matches: 1, rounds: [{ number: 1, pairs: 1, matches: 1, matchRate: 1 }] }),
      );
      const text = JSON.stringify(framesOf(r.console, 'console:connections-changed'));
      for (const p of [ana, raj]) expect(text).not.toContain(p.joined.me.id);
      // The phones never hear the console's counts.
      expect(framesOf(ana.socket, 'console:connections-changed')).toEqual([]);
    } finally {
      r.close();
    }
  });

  it('a match left unrecorded by an old crash is made by the next ask', async () => {
    const { r, pairs } = await metPairs(app().url, 2);
    try {
      const [ana, raj] = pairs[0]!;
      await swap(app().url, ana, raj).expect(200);
      // What a crash between the second request and its match used to leave behind.
      const postgres = app().config.database.kind === 'postgres';
      await app().db.query(
        `INSERT INTO swap_requests (from_id, to_id, event_id, created_at) VALUES (${postgres ? '$1, $2, $3, $4' : '?, ?, ?, ?'})`,
        [raj.joined.me.id, ana.joined.me.id, r.event.id, Date.now()],
      );
      const news = nextEvent(raj.socket, 'match:made');
      const res = await swap(app().url, raj, ana).expect(200);
      expect((res.body as MetPerson).card).toEqual(ana.joined.me.card);
      await news;
      expect(await matchRows(app().db, r.event.id, postgres)).toHaveLength(1);
    } finally {
      r.close();
    }
  });
});

/**
 * Two apps in this one process share a database only on PostgreSQL: two better-sqlite3 connections in
 * one process block each other's event loop on the write lock. Two SQLite processes are covered by
 * match-crash.test.ts, which runs real server processes.
 */
describe('two server apps on one PostgreSQL database', () => {
  (testDatabase === 'postgres' ? it : it.skip)(
    'opposite requests at the same moment on two nodes make exactly one match per pair',
    async () => {
      const env = freshDatabaseEnv();
      const one = await startApp({}, env);
      const two = await startApp({}, env);
      try {
        const { r, pairs } = await metPairs(one.url, 16);
        try {
          await Promise.all(pairs.flatMap(([x, y]) => [swap(one.url, x, y).expect(200), swap(two.url, y, x).expect(200)]));
          const postgres = one.config.database.kind === 'postgres';
          const rows = await matchRows(one.db, r.event.id, postgres);
          const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
          expect(rows.map((m) => key(m.a, m.b)).sort()).toEqual(pairs.map(([x, y]) => key(x.joined.me.id, y.joined.me.id)).sort());
          if (one.config.redisUrl) {
            // Through the Redis adapter each phone hears of its match exactly once, whichever node made it.
            await eventually(() => r.phones.forEach((p) => expect(framesOf(p.socket, 'match:made')).toHaveLength(1)));
          }
        } finally {
          r.close();
        }
      } finally {
        await one.close();
        await two.close();
        await dropDatabase(env);
      }
    },
    30_000,
  );
});

describe('removing an attendee', () => {
  const app = useApp();

  it('deletes their card, swap requests and matches at once; history says "Removed attendee"', async () => {
    const r = await room(app().url, 3, { groupSize: 3 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {}).expect(201);
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
      const [ana, raj, eve] = r.phones as [Phone, Phone, Phone];
      await swap(app().url, ana, raj).expect(200);
      await swap(app().url, raj, ana).expect(200);
      await swap(app().url, eve, ana).expect(200);
      await swap(app().url, ana, eve).expect(200);
      await swap(app().url, raj, eve).expect(200);

      await r.org.delete(`/api/events/${r.event.id}/attendees/${ana.joined.me.id}`).expect(204);

      // Already gone when the organizer's request returns: nothing waits for a listener.
      const postgres = app().config.database.kind === 'postgres';
      const p = postgres ? '$1' : '?';
      const id = ana.joined.me.id;
      const [row] = (await app().db.query(`SELECT name, card FROM attendees WHERE id = ${p}`, [id])) as Array<{
        name: string;
        card: string;
      }>;
      expect(row).toEqual({ name: '', card: '{}' });
      expect(
        await app().db.query(`SELECT from_id FROM swap_requests WHERE from_id = ${p} OR to_id = ${p}`, postgres ? [id] : [id, id]),
      ).toEqual([]);
      expect(await app().db.query(`SELECT a FROM matches WHERE a = ${p} OR b = ${p}`, postgres ? [id] : [id, id])).toEqual([]);
      // Theirs only: raj's request to eve stays.
      expect(await app().db.query(`SELECT to_id FROM swap_requests WHERE from_id = ${p}`, [raj.joined.me.id])).toEqual([
        { to_id: eve.joined.me.id },
      ]);

      const people = (await request(app().url).get('/api/me/people').set(phoneHeaders(raj.joined.token)).expect(200)).body as MetPerson[];
      expect(people.find((x) => x.id === id)).toMatchObject({
        name: 'Removed attendee',
        present: false,
        gone: 'removed',
        matched: false,
        card: null,
        headline: '',
        company: '',
      });
      await eventually(() =>
        expect(lastGroup(raj.socket)!.members.find((m) => m.id === id)).toMatchObject({ name: 'Removed attendee', left: true }),
      );
      const console_ = (await r.org.get(`/api/events/${r.event.id}/rounds`).expect(200)).body as ConsoleRoundState;
      expect(console_.groups[0]!.members.find((m) => m.id === id)).toMatchObject({ name: 'Removed attendee' });
      for (const seen of [people, lastGroup(raj.socket), console_]) expect(JSON.stringify(seen)).not.toContain(ana.joined.me.name);
    } finally {
      r.close();
    }
  });
});

describe('what I share with a match', () => {
  const app = useApp();
  const get = (who: Phone, path: string) => request(app().url).get(path).set(phoneHeaders(who.joined.token));
  const personIn = async (viewer: Phone, shown: Phone) =>
    ((await get(viewer, '/api/me/people').expect(200)).body as MetPerson[]).find((p) => p.id === shown.joined.me.id)!;

  it('a new share choice applies to future matches only; "Stop sharing" takes my card from one match at once', async () => {
    const r = await room(app().url, 3, { groupSize: 3 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {}).expect(201);
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
      const [ana, raj, eve] = r.phones as [Phone, Phone, Phone];
      const { email, phone } = ana.joined.me.card;
      const share = (fields: string[]) =>
        request(app().url).put('/api/me/share').set(phoneHeaders(ana.joined.token)).send({ fields }).expect(200);

      await share(['email']);
      await swap(app().url, ana, raj).expect(200);
      await swap(app().url, raj, ana).expect(200);
      await share(['email', 'phone']);
      await swap(app().url, ana, eve).expect(200);
      await swap(app().url, eve, ana).expect(200);
      // Raj matched before the change and keeps what was shared then; Eve matched after it.
      expect((await personIn(raj, ana)).card).toEqual({ email });
      expect((await personIn(eve, ana)).card).toEqual({ email, phone });
      expect((await personIn(ana, raj)).sharing).toEqual(['email']);

      // Not matched: nothing to stop.
      expect(
        (await request(app().url).delete(`/api/me/connections/${eve.joined.me.id}/card`).set(phoneHeaders(raj.joined.token))).body.code,
      ).toBe('not_matched');

      const told = nextEvent(raj.socket, 'match:changed');
      const stopped = await request(app().url)
        .delete(`/api/me/connections/${raj.joined.me.id}/card`)
        .set(phoneHeaders(ana.joined.token))
        .expect(200);
      expect(stopped.body).toMatchObject({ id: raj.joined.me.id, matched: true, sharing: [], card: raj.joined.me.card });
      expect((await told).person).toMatchObject({ id: ana.joined.me.id, matched: true, card: {} });
      expect(await personIn(raj, ana)).toMatchObject({ matched: true, card: {} });
      for (const path of ['/api/me/connections.vcf', '/api/me/connections.csv', `/api/me/people/${ana.joined.me.id}/contact.vcf`]) {
        const text = (await get(raj, path).expect(200)).text;
        expect(text).toContain(ana.joined.me.name);
        expect(text).not.toContain(email!);
      }
      // Only that match: Eve still has Ana's card, and Ana still has Raj's.
      expect((await personIn(eve, ana)).card).toEqual({ email, phone });
      expect((await get(eve, '/api/me/connections.csv').expect(200)).text).toContain(email!);
      expect(framesOf(eve.socket, 'match:changed')).toEqual([]);
    } finally {
      r.close();
    }
  });
});
