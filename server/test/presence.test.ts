import { randomUUID } from 'node:crypto';
import type { ConsoleRoundState, OrganizerAttendee } from '@mingle/shared';
import { In } from 'typeorm';
import { Attendee } from '../src/attendees/attendee.entity';
import { PRESENCE_WINDOW_MS, PresenceService } from '../src/attendees/presence.service';
import { GroupMember } from '../src/mixer/rounds/round.entity';
import { dropDatabase, freshDatabaseEnv, startApp, testDatabase, useApp, type TestApp } from './support/app';
import { join, openEvent, person } from './support/attendees';
import { organizer } from './support/http';
import { lastGroup, lastRound, phonePost, room } from './support/room';
import { connect, disconnected, eventually, nextEvent, snapshotOf, type MingleClient } from './support/sockets';
import { queryRecorder } from './support/queries';
import request from 'supertest';

const MINUTE = 60_000;
// The project's testTimeout is not applied per project; 60 joins on PostgreSQL + Redis need more than 5 s.
jest.setTimeout(30_000);

/** Who the organizer sees, as the console's list endpoint gives it. */
const listed = async (org: { get: (path: string) => PromiseLike<{ body: unknown }> }, eventId: string) =>
  new Map(((await org.get(`/api/events/${eventId}/attendees`)).body as OrganizerAttendee[]).map((a) => [a.id, a]));

/** Everyone seated in the round, from the database. */
const seatedIn = async (db: ReturnType<ReturnType<typeof useApp>>['db'], roundId: string) =>
  new Set((await db.getRepository(GroupMember).findBy({ roundId })).map((m) => m.attendeeId));

describe('who is grouped', () => {
  const app = useApp();

  it('groups only people whose phone connected: joining over HTTP alone is not being here', async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    // The attack from the issue: 60 scripted joins, no phone behind any of them.
    const ghosts = await Promise.all(Array.from({ length: 60 }, () => join(app().url, r.event.joinCode, person())));
    const extra: MingleClient[] = [];
    try {
      const rows = await listed(r.org, r.event.id);
      for (const g of ghosts) expect(rows.get(g.me.id)).toMatchObject({ online: false, neverConnected: true, offlineSince: null });
      for (const p of r.phones) expect(rows.get(p.joined.me.id)).toMatchObject({ online: true, neverConnected: false, offlineSince: null });

      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      const state = started.body as ConsoleRoundState;
      expect(state.figures!.people).toBe(4);
      const seated = await seatedIn(app().db, state.round!.id);
      expect([...seated].sort()).toEqual(r.phones.map((p) => p.joined.me.id).sort());

      // Not placed late either: a ghost joining now stays out, a real latecomer is placed.
      const lateGhost = await join(app().url, r.event.joinCode, person());
      const late = await join(app().url, r.event.joinCode, person({ name: 'Real Late' }));
      const phone = connect(app().url, { role: 'attendee', token: late.token });
      extra.push(phone);
      await eventually(() => expect(lastGroup(phone)?.moved).toBe(true));
      const now = await seatedIn(app().db, state.round!.id);
      expect(now.has(late.me.id)).toBe(true);
      for (const g of [...ghosts, lateGhost]) expect(now.has(g.me.id)).toBe(false);

      // A ghost whose phone connects at last is here from then on.
      const woken = connect(app().url, { role: 'attendee', token: ghosts[0]!.token });
      extra.push(woken);
      await eventually(() => expect(lastGroup(woken)?.moved).toBe(true));
      expect((await listed(r.org, r.event.id)).get(ghosts[0]!.me.id)).toMatchObject({ online: true, neverConnected: false });
    } finally {
      r.close();
      extra.forEach((s) => s.disconnect());
    }
  });

  it('keeps someone whose phone dropped within the grace (a round plus a break), not past it', async () => {
    // Grace here: 20 + 5 = 25 minutes.
    const r = await room(app().url, 5, { groupSize: 2, roundMinutes: 20, breakMinutes: 5 });
    const ghost = await join(app().url, r.event.joinCode, person());
    try {
      const [asleep, gone, leaver] = r.phones;
      const offline = nextEvent(r.console, 'attendees:changed', 5000, (c: { upserted: OrganizerAttendee[] }) =>
        [asleep, gone].every((p) => c.upserted.some((a) => a.id === p!.joined.me.id && !a.online)),
      );
      asleep!.socket.disconnect();
      gone!.socket.disconnect();
      await offline;
      const rows = await listed(r.org, r.event.id);
      expect(rows.get(asleep!.joined.me.id)).toMatchObject({ online: false, neverConnected: false, offlineSince: expect.any(String) });

      // Their sockets dropped 15 and 26 minutes ago.
      const attendees = app().db.getRepository(Attendee);
      await attendees.update({ id: asleep!.joined.me.id }, { lastSeenAt: Date.now() - 15 * MINUTE });
      await attendees.update({ id: gone!.joined.me.id }, { lastSeenAt: Date.now() - 26 * MINUTE });
      // Leaving still takes effect at once, connected or not.
      expect((await phonePost(app().url, leaver!.joined.token, '/api/me/leave')).body.status).toBe('left');

      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      const seated = await seatedIn(app().db, (started.body as ConsoleRoundState).round!.id);
      expect(seated.has(asleep!.joined.me.id)).toBe(true);
      expect(seated.has(gone!.joined.me.id)).toBe(false);
      expect(seated.has(leaver!.joined.me.id)).toBe(false);
      expect(seated.has(ghost.me.id)).toBe(false);
      expect(seated.size).toBe(3);
    } finally {
      r.close();
    }
  });

  it('keeps last seen fresh while a phone stays connected, and not after it dropped', async () => {
    const r = await room(app().url, 2);
    try {
      const [open_, dropped] = r.phones;
      // The console hears of the drop only after the disconnect was recorded.
      const offline = nextEvent(r.console, 'attendees:changed', 5000, (c: { upserted: OrganizerAttendee[] }) =>
        c.upserted.some((a) => a.id === dropped!.joined.me.id && !a.online),
      );
      dropped!.socket.disconnect();
      await offline;
      const attendees = app().db.getRepository(Attendee);
      const longAgo = Date.now() - 30 * MINUTE;
      await attendees.update({ id: In([open_!.joined.me.id, dropped!.joined.me.id]) }, { lastSeenAt: longAgo });

      await app().app.get(PresenceService).refreshSeen();
      expect((await attendees.findOneByOrFail({ id: open_!.joined.me.id })).lastSeenAt).toBeGreaterThan(longAgo);
      expect((await attendees.findOneByOrFail({ id: dropped!.joined.me.id })).lastSeenAt).toBe(longAgo);
    } finally {
      r.close();
    }
  });

  it('leaves offline people out of the next rounds in one call: they are on a break until they come back', async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    const other = await room(app().url, 2);
    try {
      const [dozing, awake] = r.phones;
      const dropped = disconnected(dozing!.socket);
      dozing!.socket.disconnect();
      await dropped;
      const told = nextEvent(awake!.socket, 'me:changed', 3000, (me: { status: string }) => me.status === 'away');
      const res = await r.org.post(`/api/events/${r.event.id}/attendees/leave-out`, {
        attendeeIds: [dozing!.joined.me.id, awake!.joined.me.id, other.phones[0]!.joined.me.id],
      });
      expect(res.status).toBe(200);
      expect(res.body.away.sort()).toEqual([dozing!.joined.me.id, awake!.joined.me.id].sort());
      await told;
      expect((await listed(other.org, other.event.id)).get(other.phones[0]!.joined.me.id)!.status).toBe('active');
      expect(
        (await r.org.post(`/api/events/${other.event.id}/attendees/leave-out`, { attendeeIds: [other.phones[1]!.joined.me.id] })).status,
      ).toBe(404);
      expect((await r.org.post(`/api/events/${r.event.id}/attendees/leave-out`, { attendeeIds: [] })).status).toBe(400);

      const started = (await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState;
      expect(started.figures!.people).toBe(2);
      await eventually(() => expect(lastRound(awake!.socket)?.state).toBe('running'));
      expect(lastGroup(awake!.socket)).toBeNull();
      // One tap brings them back.
      await phonePost(app().url, awake!.joined.token, '/api/me/break', { away: false });
      await eventually(() => expect(lastGroup(awake!.socket)?.moved).toBe(true));
    } finally {
      r.close();
      other.close();
    }
  });
});

describe('removing many attendees at once', () => {
  const app = useApp();

  it('removes exactly the given attendees of this event, in one call, with the same follow-ups as one', async () => {
    const r = await room(app().url, 3);
    const ghosts = await Promise.all([1, 2, 3].map(() => join(app().url, r.event.joinCode, person())));
    const other = await openEvent(app().url);
    const stranger = await join(app().url, other.event.joinCode, person());
    try {
      const [kept, removedPhone] = r.phones;
      const told = nextEvent(removedPhone!.socket, 'me:removed');
      const gone = disconnected(removedPhone!.socket);
      const targets = [ghosts[0]!.me.id, ghosts[1]!.me.id, removedPhone!.joined.me.id];
      const rows = nextEvent(r.console, 'attendees:changed', 5000, (c: { removed: string[] }) =>
        targets.every((id) => c.removed.includes(id)),
      );

      const res = await r.org.post(`/api/events/${r.event.id}/attendees/remove`, {
        attendeeIds: [...targets, stranger.me.id, randomUUID()],
      });
      expect(res.status).toBe(200);
      expect(res.body.removed.sort()).toEqual([...targets].sort());
      expect((await told).reason).toBe('removed');
      expect(await gone).toBe('io server disconnect');
      await rows;

      const left = await listed(r.org, r.event.id);
      expect([...left.keys()].sort()).toEqual([kept!.joined.me.id, r.phones[2]!.joined.me.id, ghosts[2]!.me.id].sort());
      expect((await listed(other.org, other.event.id)).get(stranger.me.id)!.status).toBe('active');
      const byId = new Map((await app().db.getRepository(Attendee).find()).map((a) => [a.id, a.status]));
      for (const id of targets) expect(byId.get(id)).toBe('removed');
      expect(byId.get(stranger.me.id)).toBe('active');

      // Removing them again changes nothing and says so.
      const again = await r.org.post(`/api/events/${r.event.id}/attendees/remove`, { attendeeIds: targets });
      expect(again.body).toEqual({ removed: [] });
    } finally {
      r.close();
    }
  });

  it('refuses other organizers and bad bodies, and changes nothing', async () => {
    const { event, org } = await openEvent(app().url);
    const a = await join(app().url, event.joinCode, person());
    const intruder = await organizer(app().url, 'Ivan');
    const path = `/api/events/${event.id}/attendees/remove`;

    const foreign = await intruder.post(path, { attendeeIds: [a.me.id] });
    expect(foreign.status).toBe(404);
    expect((await intruder.delete(`/api/events/${event.id}/attendees/${a.me.id}`)).status).toBe(foreign.status);

    for (const body of [
      {},
      { attendeeIds: [] },
      { attendeeIds: ['nope'] },
      { attendeeIds: a.me.id },
      { attendeeIds: [a.me.id], all: true },
      { attendeeIds: Array.from({ length: 1001 }, () => randomUUID()) },
    ]) {
      const res = await org.post(path, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'invalid_request', message: expect.any(String) });
    }
    expect((await org.post(`/api/events/not-an-id/attendees/remove`, { attendeeIds: [a.me.id] })).status).toBe(400);
    expect((await listed(org, event.id)).get(a.me.id)!.status).toBe('active');
  });
});

(testDatabase === 'postgres' && process.env.TEST_REDIS_URL ? describe : describe.skip)(
  'who is online, on two nodes (PostgreSQL + Redis)',
  () => {
    const env = freshDatabaseEnv();
    let a: TestApp;
    let b: TestApp;
    let late: TestApp | undefined;
    beforeAll(async () => {
      a = await startApp({}, env);
      b = await startApp({}, env);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close(), late?.close()]);
      await dropDatabase(env);
    });

    it("each node counts the other's phones online, a node started later too, and a phone that leaves goes offline everywhere", async () => {
      const { event, org, cookie } = await openEvent(a.url);
      const [ann, bob] = [await join(a.url, event.joinCode, person()), await join(a.url, event.joinCode, person())];
      const phones = [connect(a.url, { role: 'attendee', token: ann.token }), connect(b.url, { role: 'attendee', token: bob.token })];
      try {
        await Promise.all(phones.map((p) => snapshotOf(p)));
        await eventually(async () => {
          const rows = await listed(org, event.id);
          expect([rows.get(ann.me.id)!.online, rows.get(bob.me.id)!.online]).toEqual([true, true]);
        });

        // A node that starts now learns who is online on the others (it asks once).
        late = await startApp({}, env);
        const onLate = async () =>
          (await request(late!.url).get(`/api/events/${event.id}/attendees`).set('cookie', cookie)).body as OrganizerAttendee[];
        await eventually(async () => expect((await onLate()).filter((x) => x.online).length).toBe(2));

        phones[1]!.disconnect();
        await eventually(async () => expect((await listed(org, event.id)).get(bob.me.id)!.online).toBe(false));
      } finally {
        phones.forEach((p) => p.disconnect());
      }
    });
  },
);

describe('a burst of connections', () => {
  const app = useApp();

  it('counts the room once for all the snapshots that come while it is being counted, not once per phone', async () => {
    const { event } = await openEvent(app().url);
    await Promise.all(Array.from({ length: 12 }, () => join(app().url, event.joinCode, person())));
    const recorder = queryRecorder(app().db);
    const presence = app().app.get(PresenceService);
    // the joins' presence news counted the room: wait until that count is too old for a snapshot to reuse
    const recent = (presence as unknown as { recent: Map<string, { at: number }> }).recent;
    await eventually(() => expect(Date.now() - (recent.get(event.id)?.at ?? Infinity)).toBeGreaterThan(PRESENCE_WINDOW_MS));
    try {
      const queries = await recorder.during(async () => {
        // what 20 phones' snapshots ask at once, as a node's phones reconnect to another one
        const counted = await Promise.all(Array.from({ length: 20 }, () => presence.forSnapshot(event)));
        expect(counted.map((c) => c.presence.joined)).toEqual(counted.map(() => 12));
      }, 0);
      // the room's count reads everyone's interests
      expect(queries.filter((q) => /interests/.test(q) && /NOT IN/.test(q))).toHaveLength(1);
    } finally {
      recorder.restore();
    }
  });
});
