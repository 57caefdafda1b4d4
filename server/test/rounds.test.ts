import type { AttendeeRoundState, ConsoleRoundState, GroupArrival, GroupNews, RoundInfo } from '@mingle/shared';
import { dropDatabase, freshDatabaseEnv, startApp, useApp } from './support/app';
import { join, person } from './support/attendees';
import { assignments, consoleRounds, framesOf, lastGroup, lastRound, phonePost, room } from './support/room';
import { connect, eventually, nextEvent, snapshotOf } from './support/sockets';
import { RoundControl } from '../src/mixer/rounds/round-control';

/** Makes the running round due now, as if its time had run out. */
const expire = (db: { query: (sql: string) => Promise<unknown> }, eventId: string) =>
  db.query(`UPDATE rounds SET ends_at = ${Date.now() - 1} WHERE event_id = '${eventId}' AND state = 'running'`);

/** Follow-ups of this event still waiting in the outbox. */
const pendingFollowUps = async (db: { query: (sql: string) => Promise<unknown> }, eventId: string) => {
  const rows = (await db.query(`SELECT COUNT(*) AS n FROM outbox WHERE payload LIKE '%${eventId}%'`)) as Array<{ n: number | string }>;
  return Number(rows[0]!.n);
};

describe('live rounds', () => {
  const app = useApp();

  it('assigns each of 50 phones exactly one group, the same for every member', async () => {
    const r = await room(app().url, 50, {}, (i) => ({
      interests: [['AI', 'Hiking', 'Rust', 'Design', 'Coffee'][i % 5]!],
      company: `Co ${i % 7}`,
    }));
    try {
      const liveNews = nextEvent(r.console, 'console:event-changed', 3000, (e: { state: string }) => e.state === 'live');
      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      await liveNews;
      const state: ConsoleRoundState = started.body;
      expect(state.round).toMatchObject({ number: 1, state: 'running' });
      expect(state.groups).toHaveLength(13);
      expect(state.figures).toMatchObject({ people: 50, groups: 13, repeatPairs: 0 });

      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)), 5000);
      const groups = new Map<string, Set<string>>();
      for (const p of r.phones) {
        const { round, group } = assignments(p.socket)[0]!;
        expect(round?.number).toBe(1);
        expect(group).not.toBeNull();
        const members = new Set([p.joined.me.id, ...group!.members.map((m) => m.id)]);
        const known = groups.get(group!.groupId);
        if (known) expect([...members].sort()).toEqual([...known].sort());
        else groups.set(group!.groupId, members);
        expect(group!.spot).toMatch(/^Table \d+$/);
        expect(group!.icebreaker.length).toBeGreaterThan(5);
        expect(JSON.stringify(group)).not.toContain('@mail.example');
      }
      expect(groups.size).toBe(13);
      const sizes = [...groups.values()].map((g) => g.size);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.reduce((a, b) => a + b)).toBe(50);

      const board = await nextEventOrLast(r.screen, 'board:changed');
      expect(board).toHaveLength(50);
      expect(board[0]).toEqual({ name: expect.stringMatching(/^Person \d+$|^\w+ \w\.$/), spot: expect.stringMatching(/^Table/) });

      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body.code).toBe('round_running');
    } finally {
      r.close();
    }
  });

  it('ends early, extends, and the next round avoids repeat meetings', async () => {
    const r = await room(app().url, 16, { groupSize: 4 });
    try {
      const first = (await r.org.post(`/api/events/${r.event.id}/rounds`, { minutes: 5 })).body as ConsoleRoundState;
      const extendNews = nextEvent(
        r.phones[0]!.socket,
        'round:changed',
        3000,
        (c: { round: RoundInfo }) => c.round.endsAt > first.round!.endsAt,
      );
      const extended = await r.org.post(`/api/events/${r.event.id}/rounds/current/extend`, { minutes: 2 });
      expect(extended.body.round.endsAt).toBe(first.round!.endsAt + 120_000);
      expect((await extendNews).round.endsAt).toBe(first.round!.endsAt + 120_000);
      expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/extend`, { minutes: 3 })).status).toBe(400);

      const endNews = nextEvent(r.screen, 'round:changed', 3000, (c: { round: RoundInfo }) => c.round.state === 'ended');
      expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/end`)).body.round.state).toBe('ended');
      await endNews;
      expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/end`)).status).toBe(409);

      // The next rounds are planned together in the background; a real break gives it ample time.
      await eventually(
        async () => expect(await app().db.query(`SELECT event_id FROM round_plans WHERE event_id = '${r.event.id}'`)).toHaveLength(1),
        15_000,
      );
      for (let round = 2; round <= 5; round++) {
        const next = (await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState;
        expect(next.round!.number).toBe(round);
        expect([round, next.figures!.repeatPairs]).toEqual([round, 0]);
        await r.org.post(`/api/events/${r.event.id}/rounds/current/end`);
      }
      const past = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
      expect(past.past.map((p) => p.number)).toEqual([5, 4, 3, 2, 1]);
    } finally {
      r.close();
    }
  });

  it('plans and stages the first round while the lobby is still: the start runs that staged round, with its figures', async () => {
    const r = await room(app().url, 12, { groupSize: 4 }, (i) => ({
      interests: [['AI', 'Hiking', 'Rust'][i % 3]!],
      company: `Co ${i % 4}`,
    }));
    try {
      let staged: Array<{ id: string; number: number; groupId: string; attendeeId: string }> = [];
      await eventually(async () => {
        staged = (await app().db.query(
          `SELECT r.id, r.number, m.group_id AS "groupId", m.attendee_id AS "attendeeId" FROM rounds r JOIN group_members m ON m.round_id = r.id WHERE r.event_id = '${r.event.id}' AND r.state = 'staged'`,
        )) as typeof staged;
        expect(staged).toHaveLength(12);
      }, 15_000);
      // the plan keeps the rounds after the staged one, each with its figures
      const [plan] = (await app().db.query(`SELECT rounds, stats FROM round_plans WHERE event_id = '${r.event.id}'`)) as Array<{
        rounds: string;
        stats: string;
      }>;
      expect(JSON.parse(plan!.stats)).toHaveLength(JSON.parse(plan!.rounds).length);
      // nobody sees a staged round before it runs
      const before = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
      expect([before.round, before.past]).toEqual([null, []]);

      const started = (await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState;
      expect([started.round!.id, started.round!.number]).toEqual([staged[0]!.id, 1]);
      const byGroup = new Map<string, string[]>();
      for (const m of staged) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), m.attendeeId]);
      const sets = (groups: string[][]) => groups.map((g) => [...g].sort().join(',')).sort();
      expect(sets(started.groups.map((g) => g.members.map((m) => m.id)))).toEqual(sets([...byGroup.values()]));
      expect(started.figures).toMatchObject({ people: 12, groups: 3, repeatPairs: 0 });
      expect(started.figures!.meanSharedInterests).toBeGreaterThan(0);
      expect(started.round!.endsAt - started.round!.startedAt).toBe(r.event.roundMinutes * 60_000);
    } finally {
      r.close();
    }
  });

  it('refuses to start with fewer than 2 people, and before joining opens', async () => {
    const r = await room(app().url, 1);
    try {
      const res = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('too_few_people');
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, { minutes: 0 })).status).toBe(400);
    } finally {
      r.close();
    }
  });

  it('ends the round by itself at its end time, once', async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await expire(app().db, r.event.id);
      await eventually(
        () => expect(framesOf<{ round: RoundInfo }>(r.screen, 'round:changed').some((c) => c.round.state === 'ended')).toBe(true),
        3000,
      );
      const control = app().app.get(RoundControl);
      expect(await control.end(r.event.id)).toBe(false);
      // nothing left to carry out, then a later news on the same socket: any second end would have come before it
      await eventually(() => expect(pendingFollowUps(app().db, r.event.id)).resolves.toBe(0));
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await eventually(() =>
        expect(framesOf<{ round: RoundInfo }>(r.screen, 'round:changed').some((c) => c.round.number === 2)).toBe(true),
      );
      expect(framesOf<{ round: RoundInfo }>(r.screen, 'round:changed').filter((c) => c.round.state === 'ended')).toHaveLength(1);
    } finally {
      r.close();
    }
  });

  it("shows who is here when members tap I'm here", async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
      const [ana] = r.phones;
      const mine = assignments(ana!.socket)[0]!.group!;
      const mate = r.phones.find((p) => p.joined.me.id === mine.members[0]!.id)!;
      const seen = nextEvent(mate.socket, 'group:arrived', 3000, (a: GroupArrival) => a.attendeeId === ana!.joined.me.id);
      const ack = await ana!.socket.timeout(3000).emitWithAck('group:arrive', { groupId: mine.groupId });
      expect('data' in ack && ack.data.groupId).toBe(mine.groupId);
      await seen;
      expect(lastGroup(mate.socket)!.members.find((m) => m.id === ana!.joined.me.id)!.arrived).toBe(true);
      await eventually(() => {
        const group = consoleRounds(r.console)!.groups.find((g) => g.id === mine.groupId)!;
        expect(group.missing).toBe(1);
      });
      const wrong = await ana!.socket.timeout(3000).emitWithAck('group:arrive', { groupId: 'nope' });
      expect('error' in wrong).toBe(true);
      const other = r.phones.find((p) => assignments(p.socket)[0]!.group!.groupId !== mine.groupId)!;
      const notMine = await other.socket.timeout(3000).emitWithAck('group:arrive', { groupId: mine.groupId });
      expect(notMine).toEqual({ error: { code: 'not_in_group', message: expect.any(String) } });
    } finally {
      r.close();
    }
  });

  it('places a late joiner in the smallest group; the group sees the newcomer', async () => {
    const r = await room(app().url, 8, { groupSize: 4 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
      const late = await join(app().url, r.event.joinCode, person({ name: 'Late Comer' }));
      const phone = connect(app().url, { role: 'attendee', token: late.token });
      try {
        await eventually(() => expect((lastGroup(phone) ?? null)?.moved).toBe(true));
        const group = lastGroup(phone)!;
        expect(group.members).toHaveLength(4);
        const mate = r.phones.find((p) => p.joined.me.id === group.members[0]!.id)!;
        await eventually(() => expect(lastGroup(mate.socket)!.members.map((m) => m.name)).toContain('Late Comer'));
        const snap = await snapshotOf(connect(app().url, { role: 'attendee', token: late.token }));
        expect((snap as { rounds: AttendeeRoundState }).rounds.group?.groupId).toBe(group.groupId);
      } finally {
        phone.disconnect();
      }
    } finally {
      r.close();
    }
  });

  it('repairs a group when someone leaves: the one left alone is moved and told where', async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
      const leaver = r.phones[0]!;
      const group = assignments(leaver.socket)[0]!.group!;
      const alone = r.phones.find((p) => p.joined.me.id === group.members[0]!.id)!;
      const moved = nextEvent(alone.socket, 'round:assigned', 3000, (s: AttendeeRoundState) => s.group?.moved === true);
      expect((await phonePost(app().url, leaver.joined.token, '/api/me/leave')).body.status).toBe('left');
      const now = (await moved) as AttendeeRoundState;
      expect(now.group!.groupId).not.toBe(group.groupId);
      expect(now.group!.members.filter((m) => !m.left)).toHaveLength(2);
      const left = await nextEventOrLast(leaver.socket, 'round:assigned');
      expect(left.group).toBeNull();
    } finally {
      r.close();
    }
  });

  it('tells a grouped phone of a start once, its group with the round; the rest of the room hears the round alone', async () => {
    const r = await room(app().url, 5, { groupSize: 2 });
    try {
      const away = r.phones[0]!;
      await phonePost(app().url, away.joined.token, '/api/me/break', { away: true });
      const heardBefore = new Map([...r.phones.map((p) => p.socket), r.screen, r.console].map((s) => [s, s.frames.length]));
      const since = (s: (typeof r.phones)[number]['socket']) => s.frames.slice(heardBefore.get(s));
      const roundId = ((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState).round!.id;
      const grouped = r.phones.slice(1);
      await eventually(() => grouped.forEach((p) => expect(framesOf(p.socket, 'group:changed')).toHaveLength(1)));
      await eventually(() => [away.socket, r.screen, r.console].forEach((s) => expect(lastRound(s)?.id).toBe(roundId)));
      for (const p of grouped) {
        const news = since(p.socket).filter(([e]) => e === 'group:changed' || e === 'round:changed');
        expect(news).toHaveLength(1);
        expect((news[0]![1] as GroupNews).round).toMatchObject({ id: roundId, number: 1, state: 'running' });
        expect(assignments(p.socket).at(-1)?.round?.id).toBe(roundId);
      }
      for (const s of [away.socket, r.screen, r.console]) {
        expect(since(s).filter(([e]) => e === 'group:changed')).toHaveLength(0);
        expect(framesOf<{ round: RoundInfo }>(s, 'round:changed').filter((c) => c.round.id === roundId)).toHaveLength(1);
      }
    } finally {
      r.close();
    }
  });

  it('does not group people on a break, and places them when they are back', async () => {
    const r = await room(app().url, 5, { groupSize: 2 });
    try {
      const away = r.phones[0]!;
      expect((await phonePost(app().url, away.joined.token, '/api/me/break', { away: true })).body.status).toBe('away');
      expect((await phonePost(app().url, away.joined.token, '/api/me/break', { away: 'yes' })).status).toBe(400);
      const started = (await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState;
      expect(started.figures!.people).toBe(4);
      // A phone left out hears the round start and shows no group.
      await eventually(() => expect(lastRound(away.socket)?.state).toBe('running'));
      expect(lastGroup(away.socket)).toBeNull();
      await phonePost(app().url, away.joined.token, '/api/me/break', { away: false });
      await eventually(() => expect(lastGroup(away.socket)?.moved).toBe(true));
    } finally {
      r.close();
    }
  });

  it('runs an autopilot: rounds start by themselves after the break, pause and resume', async () => {
    const r = await room(app().url, 6, { groupSize: 3 });
    try {
      const on = await r.org.put(`/api/events/${r.event.id}/autopilot`, { rounds: 2, roundMinutes: 1, breakMinutes: 0 });
      expect(on.status).toBe(200);
      expect(on.body.round).toMatchObject({ number: 1, state: 'running' });
      expect(on.body.autopilot).toMatchObject({ state: 'running', roundsLeft: 1 });
      await expire(app().db, r.event.id);
      await eventually(
        async () => expect((await r.org.get(`/api/events/${r.event.id}/rounds`)).body.round).toMatchObject({ number: 2, state: 'running' }),
        5000,
      );
      await expire(app().db, r.event.id);
      await eventually(async () => {
        const state = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
        expect(state.round).toMatchObject({ number: 2, state: 'ended' });
        expect(state.autopilot.state).toBe('off');
      }, 5000);

      const again = await r.org.put(`/api/events/${r.event.id}/autopilot`, { rounds: 3, roundMinutes: 1, breakMinutes: 5 });
      expect(again.body.round.number).toBe(3);
      await r.org.post(`/api/events/${r.event.id}/rounds/current/end`);
      const inBreak = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
      expect(inBreak.autopilot.nextRoundAt! - Date.now()).toBeGreaterThan(4 * 60_000);
      const phoneSees = framesOf<{ nextRoundAt: number | null }>(r.phones[0]!.socket, 'round:changed').at(-1);
      expect(phoneSees?.nextRoundAt).toBe(inBreak.autopilot.nextRoundAt);
      const paused = (await r.org.post(`/api/events/${r.event.id}/autopilot/pause`)).body as ConsoleRoundState;
      expect(paused.autopilot).toMatchObject({ state: 'paused', nextRoundAt: null });
      expect((await r.org.post(`/api/events/${r.event.id}/autopilot/pause`)).status).toBe(409);
      const resumed = (await r.org.post(`/api/events/${r.event.id}/autopilot/resume`)).body as ConsoleRoundState;
      expect(resumed.autopilot.state).toBe('running');
      expect(resumed.autopilot.nextRoundAt! - Date.now()).toBeGreaterThan(4 * 60_000);
      expect((await r.org.delete(`/api/events/${r.event.id}/autopilot`)).body.autopilot.state).toBe('off');
      expect((await r.org.put(`/api/events/${r.event.id}/autopilot`, { rounds: 0, roundMinutes: 1, breakMinutes: 0 })).status).toBe(400);
    } finally {
      r.close();
    }
  });
});

describe('ending the event', () => {
  const app = useApp();

  it('ends the running round and stops the autopilot', async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    try {
      await r.org.put(`/api/events/${r.event.id}/autopilot`, { rounds: 3, roundMinutes: 5, breakMinutes: 1 });
      await r.org.post(`/api/events/${r.event.id}/state`, { state: 'ended' });
      await eventually(async () => {
        const state = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
        expect(state.round?.state).toBe('ended');
        expect(state.autopilot.state).toBe('off');
      });
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body.code).toBe('event_not_open');
    } finally {
      r.close();
    }
  });
});

describe('two server processes on one database', () => {
  it('records and announces exactly one end when both timers fire', async () => {
    const env = freshDatabaseEnv();
    const one = await startApp({}, env);
    const two = await startApp({}, env);
    try {
      const r = await room(one.url, 4, { groupSize: 2 });
      const screenTwo = connect(two.url, { role: 'screen', eventId: r.event.id, key: r.event.screenKey });
      await snapshotOf(screenTwo);
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await Promise.all([one.app.get(RoundControl).end(r.event.id), two.app.get(RoundControl).end(r.event.id)]).then((won) =>
        expect(won.filter(Boolean)).toHaveLength(1),
      );
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await expire(one.db, r.event.id);
      const ends = (s: typeof screenTwo) =>
        framesOf<{ round: RoundInfo }>(s, 'round:changed').filter((c) => c.round.state === 'ended' && c.round.number === 2).length;
      // both clocks had their chance, the follow-up is done, and a later news passed every screen that can hear it
      await eventually(() => expect(ends(r.screen) + ends(screenTwo)).toBeGreaterThan(0), 5000);
      await eventually(() => expect(pendingFollowUps(one.db, r.event.id)).resolves.toBe(0), 10_000);
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      const heardRound3 = (s: typeof screenTwo) => framesOf<{ round: RoundInfo }>(s, 'round:changed').some((c) => c.round.number === 3);
      await eventually(() => {
        expect(heardRound3(r.screen)).toBe(true);
        if (one.config.redisUrl) expect(heardRound3(screenTwo)).toBe(true);
      });
      const rows = (await one.db.query(`SELECT state, ended_at FROM rounds WHERE event_id = '${r.event.id}' AND number = 2`)) as Array<{
        state: string;
      }>;
      expect(rows).toEqual([{ state: 'ended', ended_at: expect.anything() }]);
      if (one.config.redisUrl) {
        expect([ends(r.screen), ends(screenTwo)]).toEqual([1, 1]);
      } else {
        expect(ends(r.screen) + ends(screenTwo)).toBe(1);
      }
      screenTwo.disconnect();
      r.close();
    } finally {
      await one.close();
      await two.close();
      await dropDatabase(env);
    }
  });
});

describe('restart in the middle of a round', () => {
  it('a new process shows the same round, groups and end time, and ends it on time', async () => {
    const env = freshDatabaseEnv();
    const first = await startApp({}, env);
    const r = await room(first.url, 6, { groupSize: 3 });
    await r.org.post(`/api/events/${r.event.id}/rounds`, {});
    await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
    const before = r.phones.map((p) => assignments(p.socket)[0]!);
    r.close();
    await first.close();

    const second = await startApp({}, env);
    try {
      const phones = r.phones.map((p) => connect(second.url, { role: 'attendee', token: p.joined.token }));
      const snaps = (await Promise.all(phones.map((p) => snapshotOf(p)))) as Array<{ rounds: AttendeeRoundState }>;
      snaps.forEach((s, i) => {
        expect(s.rounds.round).toEqual(before[i]!.round);
        expect(s.rounds.group?.groupId).toBe(before[i]!.group!.groupId);
        expect(s.rounds.group?.members.map((m) => m.id)).toEqual(before[i]!.group!.members.map((m) => m.id));
      });
      await expire(second.db, r.event.id);
      await eventually(
        () => phones.forEach((p) => expect(framesOf<{ round: RoundInfo }>(p, 'round:changed').at(-1)?.round.state).toBe('ended')),
        3000,
      );
      phones.forEach((p) => p.disconnect());
    } finally {
      await second.close();
      await dropDatabase(env);
    }
  });
});

async function nextEventOrLast(socket: Parameters<typeof framesOf>[0], name: string): Promise<any> {
  const seen = framesOf(socket, name);
  if (seen.length) return seen.at(-1);
  return nextEvent(socket, name);
}
