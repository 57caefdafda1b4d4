import request from 'supertest';
import { myGroupFrom, type GroupNews, type Presence, type RoundInfo, type Snapshot } from '@mingle/shared';
import { dropDatabase, freshDatabaseEnv, startApp, twoNodesHere, useApp, useTwoNodes } from './support/app';
import { Broadcaster } from '../src/broadcast/broadcaster';
import { rooms } from '../src/broadcast/rooms';
import { RoundsService } from '../src/mixer/rounds/rounds.service';
import { StagedRounds } from '../src/mixer/rounds/staged-rounds';
import { attendeeHeaders, join, openEvent, person } from './support/attendees';
import { framesOf, phonePost, room } from './support/room';
import { connect, connected, disconnected, eventually, nextEvent, refusal, snapshotOf, type MingleClient } from './support/sockets';

describe('realtime', () => {
  const app = useApp();
  const sockets: MingleClient[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const s = connect(...args);
    sockets.push(s);
    return s;
  };
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });

  describe('handshake', () => {
    it('accepts an attendee token and sends the attendee snapshot', async () => {
      const { event } = await openEvent(app().url);
      const { token, me } = await join(app().url, event.joinCode);
      const snap = (await snapshotOf(open(app().url, { role: 'attendee', token }))) as Extract<Snapshot, { role: 'attendee' }>;
      expect(snap.role).toBe('attendee');
      expect(snap.me).toEqual(me);
      expect(snap.event.id).toBe(event.id);
      expect(snap.presence.joined).toBe(1);
      expect(Math.abs(snap.serverTime - Date.now())).toBeLessThan(5000);
    });

    it('accepts the organizer of the event by session cookie and sends the attendee table', async () => {
      const { event, cookie } = await openEvent(app().url);
      const { me } = await join(app().url, event.joinCode);
      const snap = (await snapshotOf(open(app().url, { role: 'organizer', eventId: event.id }, cookie))) as Extract<
        Snapshot,
        { role: 'organizer' }
      >;
      expect(snap.role).toBe('organizer');
      expect(snap.event.screenKey).toBe(event.screenKey);
      expect(snap.attendees.map((a) => a.id)).toEqual([me.id]);
    });

    it('accepts a screen with its key and sends counts only', async () => {
      const { event } = await openEvent(app().url);
      await join(app().url, event.joinCode, person({ interests: ['Rust'] }));
      const snap = (await snapshotOf(open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey }))) as Extract<
        Snapshot,
        { role: 'screen' }
      >;
      expect(snap).toEqual({
        role: 'screen',
        serverTime: expect.any(Number),
        event: { id: event.id, name: event.name, state: 'open', joinCode: event.joinCode, joinUrl: event.joinUrl, language: 'en' },
        presence: { joined: 1, online: 0, interests: event.interests.map((tag: string) => ({ tag, count: tag === 'Rust' ? 1 : 0 })) },
        rounds: { round: null, board: [], nextRoundAt: null },
      });
    });

    it.each([
      ['no credentials', {}, 'bad_request'],
      ['two roles at once', { role: 'attendee', token: 'x', eventId: '6b7c3f4e-4a43-4f4c-9d0a-3b2f6a1f0c11' }, 'bad_request'],
      ['a wrong attendee token', { role: 'attendee', token: 'not-a-token' }, 'unauthorized'],
      ['a screen with the wrong key', { role: 'screen', eventId: 'EVENT', key: 'wrong' }, 'unauthorized'],
      ['an organizer without a session', { role: 'organizer', eventId: 'EVENT' }, 'unauthorized'],
    ])('refuses %s with a reason and no event data', async (_, auth, code) => {
      const { event } = await openEvent(app().url);
      const withId = JSON.parse(JSON.stringify(auth).replace('EVENT', event.id));
      const socket = open(app().url, withId);
      const refused = await refusal(socket);
      expect(refused.message).toBe(code);
      expect(refused.data?.code).toBe(code);
      // refused in the handshake: never connected, so nothing could reach it
      expect(socket.connected).toBe(false);
      expect(socket.frames).toEqual([]);
    });

    it("refuses an organizer on someone else's event", async () => {
      const { event } = await openEvent(app().url);
      const { cookie } = await openEvent(app().url);
      const refused = await refusal(open(app().url, { role: 'organizer', eventId: event.id }, cookie));
      expect(refused.message).toBe('not_found');
    });

    it('refuses an organizer socket from another origin', async () => {
      const { event, cookie } = await openEvent(app().url);
      const socket = connect(app().url, { role: 'organizer', eventId: event.id }, cookie);
      socket.disconnect();
      const { io } = await import('socket.io-client');
      const foreign = io(app().url, {
        transports: ['websocket'],
        auth: { role: 'organizer', eventId: event.id },
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie, origin: 'https://evil.example' },
      });
      const err = await new Promise<Error>((resolve) => foreign.on('connect_error', resolve));
      foreign.disconnect();
      expect(err.message).toBe('unauthorized');
    });
  });

  describe('presence', () => {
    it('console and screen see joins, connections and disconnections', async () => {
      const { event, cookie } = await openEvent(app().url);
      const console_ = open(app().url, { role: 'organizer', eventId: event.id }, cookie);
      const screen = open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      await Promise.all([snapshotOf(console_), snapshotOf(screen)]);

      const joinedNews = nextEvent(screen, 'presence:changed', 3000, (p: Presence) => p.joined === 1);
      const rowNews = nextEvent(console_, 'attendees:changed', 3000);
      const { token, me } = await join(app().url, event.joinCode, person({ interests: ['Hiking'] }));
      expect((await joinedNews).online).toBe(0);
      expect((await rowNews).upserted[0]).toMatchObject({ id: me.id, online: false });

      const onlineNews = nextEvent(screen, 'presence:changed', 3000, (p: Presence) => p.online === 1);
      const onlineRow = nextEvent(console_, 'attendees:changed', 3000, (c) => c.upserted.some((a: { online: boolean }) => a.online));
      const phone = open(app().url, { role: 'attendee', token });
      const presence: Presence = await onlineNews;
      expect(presence.interests.find((i) => i.tag === 'Hiking')?.count).toBe(1);
      await onlineRow;

      const offlineNews = nextEvent(screen, 'presence:changed', 3000, (p: Presence) => p.online === 0);
      phone.disconnect();
      expect((await offlineNews).joined).toBe(1);
    });

    it('a phone hears only the two counts it shows, never the tags', async () => {
      const { event } = await openEvent(app().url);
      const { token } = await join(app().url, event.joinCode, person({ interests: ['Hiking'] }));
      const phone = open(app().url, { role: 'attendee', token });
      await snapshotOf(phone);
      const counts = nextEvent(phone, 'counts:changed', 3000, (c: { joined: number }) => c.joined === 2);
      await join(app().url, event.joinCode);
      expect(await counts).toEqual({ joined: 2, online: 1 });
      expect(phone.frames.some(([e]) => e === 'presence:changed')).toBe(false);
    });

    it('coalesces a burst of joins into a few updates per second', async () => {
      const { event } = await openEvent(app().url);
      const screen = open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      await snapshotOf(screen);
      const started = Date.now();
      const burst = 300;
      for (let i = 0; i < burst; i += 30) await Promise.all(Array.from({ length: 30 }, () => join(app().url, event.joinCode)));
      await eventually(() => {
        const last = screen.frames.filter(([e]) => e === 'presence:changed').at(-1)?.[1] as Presence | undefined;
        expect(last?.joined).toBe(burst);
      });
      const seconds = (Date.now() - started) / 1000;
      const updates = screen.frames.filter(([e]) => e === 'presence:changed').length;
      expect(updates).toBeLessThan(burst / 5);
      expect(updates).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    });
  });

  describe('removing an attendee', () => {
    it('drops their connection, tells their phone why, and their token stops working', async () => {
      const { event, org, cookie } = await openEvent(app().url);
      const { token, me } = await join(app().url, event.joinCode);
      const phone = open(app().url, { role: 'attendee', token });
      await snapshotOf(phone);
      const console_ = open(app().url, { role: 'organizer', eventId: event.id }, cookie);
      await snapshotOf(console_);

      const told = nextEvent(phone, 'me:removed');
      const gone = disconnected(phone);
      const removedRow = nextEvent(console_, 'attendees:changed', 3000, (c) => c.removed.includes(me.id));
      expect((await org.delete(`/api/events/${event.id}/attendees/${me.id}`)).status).toBe(204);
      expect((await told).message).toMatch(/removed you/);
      expect(await gone).toBe('io server disconnect');
      await removedRow;

      const again = await refusal(open(app().url, { role: 'attendee', token }));
      expect(again.message).toBe('removed');
      const api = await request(app().url).get('/api/me').set(attendeeHeaders(token));
      expect(api.status).toBe(403);
      expect(api.body.code).toBe('removed');
      expect((await org.get(`/api/events/${event.id}/attendees`)).body).toEqual([]);
      expect((await org.delete(`/api/events/${event.id}/attendees/${me.id}`)).status).toBe(204);
    });
  });

  describe('event news', () => {
    it('regenerating the screen key disconnects old screens', async () => {
      const { event, org } = await openEvent(app().url);
      const screen = open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      await snapshotOf(screen);
      const revoked = nextEvent(screen, 'screen:revoked');
      const gone = disconnected(screen);
      await org.post(`/api/events/${event.id}/screen-key`);
      await revoked;
      await gone;
      expect((await refusal(open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey }))).message).toBe('unauthorized');
    });

    it('each role hears about a state change in its own words', async () => {
      const { event, org, cookie } = await openEvent(app().url);
      const { token } = await join(app().url, event.joinCode);
      const phone = open(app().url, { role: 'attendee', token });
      const screen = open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      const console_ = open(app().url, { role: 'organizer', eventId: event.id }, cookie);
      await Promise.all([phone, screen, console_].map((s) => snapshotOf(s)));
      const news = Promise.all([
        nextEvent(phone, 'event:changed'),
        nextEvent(screen, 'screen:event-changed'),
        nextEvent(console_, 'console:event-changed'),
      ]);
      await org.post(`/api/events/${event.id}/state`, { state: 'live' });
      const [forPhone, forScreen, forConsole] = await news;
      expect([forPhone.state, forScreen.state, forConsole.state]).toEqual(['live', 'live', 'live']);
      expect(forPhone.screenKey).toBeUndefined();
      expect(forScreen.screenKey).toBeUndefined();
      expect(forConsole.screenKey).toBe(event.screenKey);
    });
  });

  describe('bad socket input', () => {
    it('answers a malformed message with an error acknowledgement and carries on', async () => {
      const { event } = await openEvent(app().url);
      const { token } = await join(app().url, event.joinCode);
      const phone = open(app().url, { role: 'attendee', token });
      await connected(phone);
      const bad = await phone.timeout(2000).emitWithAck('clock:sync', 'garbage' as never);
      expect(bad).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } });
      const extra = await phone.timeout(2000).emitWithAck('clock:sync', { clientTime: 1, admin: true } as never);
      expect('error' in extra).toBe(true);
      const good = await phone.timeout(2000).emitWithAck('clock:sync', { clientTime: 42 });
      expect(good).toEqual({ data: { clientTime: 42, serverTime: expect.any(Number) } });
    });

    it('refuses an oversized payload by closing that socket only', async () => {
      const { event } = await openEvent(app().url);
      const { token } = await join(app().url, event.joinCode);
      const phone = open(app().url, { role: 'attendee', token });
      const other = open(app().url, { role: 'attendee', token });
      await Promise.all([connected(phone), connected(other)]);
      const gone = disconnected(phone);
      (phone.emit as (event: string, body: unknown) => void)('clock:sync', { clientTime: 1, pad: 'x'.repeat(200_000) });
      expect(await gone).toBe('transport close');
      const good = await other.timeout(2000).emitWithAck('clock:sync', { clientTime: 7 });
      expect('data' in good).toBe(true);
    });
  });

  describe('shutdown', () => {
    it('news raised after the app closed (a late timer) goes nowhere instead of throwing', async () => {
      const env = freshDatabaseEnv();
      const other = await startApp({}, env);
      const broadcaster = other.app.get(Broadcaster);
      await other.close();
      await dropDatabase(env);
      expect(() => broadcaster.send('event:x', 'presence:changed', { joined: 0, online: 0, interests: [] })).not.toThrow();
      await expect(broadcaster.dismiss('attendee:x', 'me:removed', { reason: 'removed', message: 'x' })).resolves.toBeUndefined();
    });
  });

  describe('privacy', () => {
    it('a screen and an organizer never receive a contact field, on any frame', async () => {
      const { event, org, cookie } = await openEvent(app().url);
      const console_ = open(app().url, { role: 'organizer', eventId: event.id }, cookie);
      const screen = open(app().url, { role: 'screen', eventId: event.id, key: event.screenKey });
      await Promise.all([snapshotOf(console_), snapshotOf(screen)]);
      const people = await Promise.all([1, 2, 3].map(() => join(app().url, event.joinCode)));
      const phones = people.map((p) => open(app().url, { role: 'attendee', token: p.token }));
      await Promise.all(phones.map((p) => snapshotOf(p)));
      await request(app().url)
        .patch('/api/me')
        .set(attendeeHeaders(people[0]!.token))
        .send({ card: { email: 'changed@mail.example', other: '@ana_handle' } });
      await org.post(`/api/events/${event.id}/state`, { state: 'live' });
      await org.delete(`/api/events/${event.id}/attendees/${people[2]!.me.id}`);
      const second = await snapshotOf(open(app().url, { role: 'organizer', eventId: event.id }, cookie));
      const wentLive = (socket: typeof screen, news: string) =>
        socket.frames.some(([name, body]) => name === news && (body as { state?: string }).state === 'live');
      await eventually(() => {
        expect(wentLive(console_, 'console:event-changed')).toBe(true);
        expect(wentLive(screen, 'screen:event-changed')).toBe(true);
        expect(console_.frames.some(([name]) => name === 'attendees:changed')).toBe(true);
      });

      const secrets = [...people.flatMap((p) => Object.values(p.me.card)), 'changed@mail.example', '@ana_handle'] as string[];
      const seen = [JSON.stringify(console_.frames), JSON.stringify(screen.frames), JSON.stringify(second)];
      expect(console_.frames.length).toBeGreaterThan(3);
      expect(screen.frames.length).toBeGreaterThan(2);
      for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret);
      for (const [, payload] of [...console_.frames, ...screen.frames]) expect(JSON.stringify(payload)).not.toMatch(/"card"/);
    });
  });
});

(twoNodesHere ? describe : describe.skip)('a round start on two nodes (PostgreSQL + Redis)', () => {
  const nodes = useTwoNodes();

  it("every phone, on either node, hears its own group's news once, with the round; one on a break hears the round alone", async () => {
    const { a, b } = nodes();
    const { org, event } = await openEvent(a.url, { groupSize: 3 });
    const people = await Promise.all(Array.from({ length: 9 }, () => join(a.url, event.joinCode)));
    const phones = people.map((p, i) => connect(i % 2 ? b.url : a.url, { role: 'attendee', token: p.token }));
    const resting = await join(a.url, event.joinCode);
    const restingPhone = connect(b.url, { role: 'attendee', token: resting.token });
    try {
      await Promise.all([...phones, restingPhone].map((p) => snapshotOf(p)));
      expect((await phonePost(a.url, resting.token, '/api/me/break', { away: true })).body.status).toBe('away');
      const started = await org.post(`/api/events/${event.id}/rounds`, {});
      expect(started.status).toBe(201);
      const roundId = (started.body as { round: { id: string } }).round.id;
      const heard = (i: number) => framesOf<GroupNews>(phones[i]!, 'group:changed').filter((n) => n.roundId === roundId);
      await eventually(() => phones.forEach((_, i) => expect(heard(i).length).toBeGreaterThan(0)));
      // Redis hands a node its messages in the order they were sent: a second copy would come before the round's end
      expect((await org.post(`/api/events/${event.id}/rounds/current/end`, {})).status).toBe(200);
      const endedHeard = (i: number) =>
        framesOf<{ round: { id: string; state: string } | null }>(phones[i]!, 'round:changed').some(
          (c) => c.round?.id === roundId && c.round.state === 'ended',
        );
      await eventually(() => phones.forEach((_, i) => expect(endedHeard(i)).toBe(true)));
      const startHeard = (s: MingleClient) =>
        framesOf<{ round: RoundInfo | null }>(s, 'round:changed').filter((c) => c.round?.id === roundId && c.round.state === 'running');
      phones.forEach((p, i) => {
        expect(heard(i)).toHaveLength(1);
        expect(heard(i)[0]!.round).toMatchObject({ id: roundId, state: 'running' });
        expect(myGroupFrom(heard(i)[0]!, people[i]!.me.id)).not.toBeNull();
        expect(startHeard(p)).toHaveLength(0);
      });
      const groups = new Set(phones.map((_, i) => heard(i)[0]!.groupId));
      expect(groups.size).toBe(3);
      expect(startHeard(restingPhone)).toHaveLength(1);
      expect(framesOf(restingPhone, 'group:changed')).toHaveLength(0);
    } finally {
      [...phones, restingPhone].forEach((p) => p.disconnect());
    }
  });
  it('a node reads the news it sends to the others only once, on the other node, and still drops its own sockets', async () => {
    const { a, b } = nodes();
    const { event } = await openEvent(a.url, {});
    const [onA, onB] = await Promise.all([join(a.url, event.joinCode), join(a.url, event.joinCode)]);
    const [phoneA, phoneB] = [
      connect(a.url, { role: 'attendee', token: onA.token }),
      connect(b.url, { role: 'attendee', token: onB.token }),
    ];
    const parse = jest.spyOn(JSON, 'parse');
    try {
      await Promise.all([snapshotOf(phoneA), snapshotOf(phoneB)]);
      const sender = a.app.get(Broadcaster);
      // one broadcast to a room with sockets on both nodes (a node reads only news for rooms it has), and one
      // message of many pieces (a round start's way), both heard by the phone on the other node
      sender.send(rooms.event(event.id), 'group:presence', { groupId: 'one-broadcast', offline: [] });
      await sender.sendMany('group:presence', [[rooms.attendee(onB.me.id), { groupId: 'many-pieces', offline: [] }]]);
      const heard = () => framesOf<{ groupId: string }>(phoneB, 'group:presence').map((p) => p.groupId);
      await eventually(() => expect(heard()).toEqual(['one-broadcast', 'many-pieces']));
      // Both nodes run in this process: a node that read its own messages back would parse each twice. (The
      // phone's own parse starts with the event's name.)
      const parsed = (marker: string) =>
        parse.mock.calls.filter(([text]) => String(text).includes(marker) && !String(text).startsWith('["group:presence"')).length;
      expect([parsed('one-broadcast'), parsed('many-pieces')]).toEqual([1, 1]);
      // a node still hears its own requests that act on its own sockets
      const gone = disconnected(phoneA);
      await sender.dismiss(rooms.attendee(onA.me.id), 'connection:closed', { reason: 'event_deleted', message: 'gone' });
      await gone;
    } finally {
      parse.mockRestore();
      [phoneA, phoneB].forEach((p) => p.disconnect());
    }
  });

  it('plans ahead on one node at a time: the other waits its turn, then finds the round staged', async () => {
    const { a, b } = nodes();
    const r = await room(a.url, 8, { groupSize: 4 });
    const services = [a, b].map((node) => node.app.get(RoundsService, { strict: false }));
    const stagedIds = async () =>
      ((await a.db.query(`SELECT id FROM rounds WHERE event_id = '${r.event.id}' AND state = 'staged'`)) as Array<{ id: string }>).map(
        (row) => row.id,
      );
    const idle = () => eventually(() => expect(services.map((s) => s.pendingLookAheads)).toEqual([0, 0]), 15_000);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let staging = 0;
    const spies: jest.SpyInstance[] = [];
    try {
      await eventually(async () => expect(await stagedIds()).toHaveLength(1), 15_000);
      await idle();
      // the staged round is gone: the next look-ahead stages it again, held at the door until the gate opens
      await a.db.query(`DELETE FROM rounds WHERE event_id = '${r.event.id}' AND state = 'staged'`);
      for (const node of [a, b]) {
        const stager = node.app.get(StagedRounds, { strict: false });
        const stageNext = stager.stageNext.bind(stager);
        spies.push(
          jest.spyOn(stager, 'stageNext').mockImplementation(async (...args) => {
            staging++;
            await gate;
            return stageNext(...args);
          }),
        );
      }
      services[0]!.planNext(r.event.id);
      await eventually(() => expect(staging).toBe(1));
      services[1]!.planNext(r.event.id);
      // node b waits for node a's lock in the database instead of planning the same room beside it
      await eventually(async () => {
        const [waiting] = (await a.db.query(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        )) as Array<{ n: number }>;
        expect(waiting!.n).toBe(1);
      });
      open();
      await idle();
      expect(staging).toBe(1);
      expect(await stagedIds()).toHaveLength(1);
    } finally {
      open();
      spies.forEach((spy) => spy.mockRestore());
      r.close();
    }
  });

  it('a round staged by one node runs as staged when the other node starts it', async () => {
    const { a, b } = nodes();
    const r = await room(a.url, 8, { groupSize: 4 });
    const stagedRound = async () =>
      (await a.db.query(`SELECT id FROM rounds WHERE event_id = '${r.event.id}' AND state = 'staged'`)) as Array<{ id: string }>;
    const startOnB = () =>
      request(b.url).post(`/api/events/${r.event.id}/rounds`).set('cookie', r.cookie).set('x-mingle-csrf', '1').send({});
    try {
      for (const number of [1, 2]) {
        let staged: Array<{ id: string }> = [];
        await eventually(async () => expect((staged = await stagedRound())).toHaveLength(1), 15_000);
        const started = await startOnB();
        expect(started.status).toBe(201);
        expect((started.body as { round: { id: string; number: number } }).round).toMatchObject({ id: staged[0]!.id, number });
        expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/end`, {})).status).toBe(200);
      }
    } finally {
      r.close();
    }
  });
});
