import { randomUUID } from 'node:crypto';
import { Transactions } from '../src/database/store';
import { Group, GroupMember, Meeting, Round } from '../src/mixer/rounds/round.entity';
import { RoundRunningError, RoundsRepository } from '../src/mixer/rounds/rounds.repository';
import { Outbox } from '../src/outbox/outbox';
import { OutboxEntry } from '../src/outbox/outbox.entity';
import { useApp } from './support/app';
import { queryRecorder } from './support/queries';
import { join, openEvent } from './support/attendees';

/** The round aggregate's queries on a real database, and its writes joining the caller's transaction with the outbox. */
describe('rounds repository', () => {
  const app = useApp();

  async function twoGroups() {
    const { event } = await openEvent(app().url);
    const [a, b, c, d] = await Promise.all(Array.from({ length: 4 }, () => join(app().url, event.joinCode).then((j) => j.me.id)));
    const now = Date.now();
    const round = Object.assign(new Round(), {
      id: randomUUID(),
      eventId: event.id,
      number: 1,
      state: 'running' as const,
      startedAt: now,
      endsAt: now + 60_000,
      endedAt: null,
      figures: { people: 4, groups: 2, repeatPairs: 0, meanSharedInterests: 0 },
    });
    const group = (position: number) =>
      Object.assign(new Group(), {
        id: randomUUID(),
        roundId: round.id,
        eventId: event.id,
        position,
        spot: `Spot ${position + 1}`,
        icebreaker: '',
      });
    const groups = [group(0), group(1)];
    const member = (g: Group, attendeeId: string) =>
      Object.assign(new GroupMember(), {
        groupId: g.id,
        attendeeId,
        roundId: round.id,
        joinedAt: now,
        arrivedAt: null,
        leftAt: null,
        moved: false,
      });
    const members = [member(groups[0]!, a!), member(groups[0]!, b!), member(groups[1]!, c!), member(groups[1]!, d!)];
    const meeting = (g: Group, x: string, y: string) =>
      Object.assign(new Meeting(), {
        roundId: round.id,
        a: x < y ? x : y,
        b: x < y ? y : x,
        eventId: event.id,
        roundNumber: 1,
        groupId: g.id,
      });
    const meetings = [meeting(groups[0]!, a!, b!), meeting(groups[1]!, c!, d!)];
    return { eventId: event.id as string, round, groups, members, meetings, people: { a: a!, b: b!, c: c!, d: d! } };
  }

  it("loads one attendee's part of a round, a group's round, and ends a round once", async () => {
    const rounds = app().app.get(RoundsRepository);
    const r = await twoGroups();
    await rounds.add(r);

    // asked together, as a burst of snapshots asks: each gets their own group only
    const [a, c] = await Promise.all([rounds.seatsTogether(r.round.id, r.people.a), rounds.seatsTogether(r.round.id, r.people.c)]);
    expect(a.groups.map((g) => g.id)).toEqual([r.groups[0]!.id]);
    expect(a.members.map((m) => m.attendeeId).sort()).toEqual([r.people.a, r.people.b].sort());
    expect([c.groups.map((g) => g.id), c.members.map((m) => m.attendeeId).sort()]).toEqual([
      [r.groups[1]!.id],
      [r.people.c, r.people.d].sort(),
    ]);
    expect(await rounds.seatsTogether(r.round.id, 'nobody')).toEqual({ groups: [], members: [] });
    // twenty phones asking at once: one read of the members, the groups and their members, not three each
    const recorder = queryRecorder(app().db);
    try {
      const people = [r.people.a, r.people.b, r.people.c, r.people.d];
      const burst = await recorder.during(
        () => Promise.all(Array.from({ length: 20 }, (_, i) => rounds.seatsTogether(r.round.id, people[i % 4]!))),
        0,
      );
      // the app's own timers (the round clock, a look-ahead) may query meanwhile: only the seats' tables count
      expect(burst.filter((q) => /\b(group_members|groups)\b/.test(q))).toHaveLength(3);
    } finally {
      recorder.restore();
    }
    expect(await rounds.membersOf(r.round.id)).toHaveLength(4);
    expect((await rounds.ofGroup(r.groups[1]!.id))?.id).toBe(r.round.id);
    expect((await rounds.runningGroup(r.groups[1]!.id))?.id).toBe(r.groups[1]!.id);
    expect(await rounds.historyOf(r.eventId, r.people.c)).toHaveLength(1);

    expect([await rounds.end(r.round.id, Date.now()), await rounds.end(r.round.id, Date.now())]).toEqual([true, false]);
    expect(await rounds.runningGroup(r.groups[1]!.id)).toBeNull();
  });

  it('a second running round is refused, and the outbox record written with it is rolled back', async () => {
    const rounds = app().app.get(RoundsRepository);
    const transactions = app().app.get(Transactions);
    const outbox = app().app.get(Outbox);
    const r = await twoGroups();
    await rounds.add(r);
    const before = await app().db.getRepository(OutboxEntry).count();

    const again = { ...r.round, id: randomUUID(), number: 2 };
    const write = transactions.run(async () => {
      await outbox.record('round.started', { eventId: r.eventId, roundId: again.id });
      await rounds.add({ round: again, groups: [], members: [], meetings: [] });
    });
    await expect(write).rejects.toBeInstanceOf(RoundRunningError);
    expect(await app().db.getRepository(OutboxEntry).count()).toBe(before);
    expect((await rounds.latest(r.eventId))?.id).toBe(r.round.id);
  });

  it('moves the autopilot only from the state (and due time) it was read in', async () => {
    const rounds = app().app.get(RoundsRepository);
    const { eventId } = await twoGroups();
    const autopilot = {
      eventId,
      state: 'running' as const,
      roundsLeft: 2,
      roundMinutes: 5,
      breakMinutes: 1,
      nextRoundAt: null,
      pausedLeftMs: null,
    };
    await rounds.saveAutopilot(autopilot);
    expect(await rounds.moveAutopilot({ eventId, state: 'running', nextRoundAt: 5 }, { roundsLeft: 1 })).toBe(false);
    expect(await rounds.moveAutopilot({ eventId, state: 'running', nextRoundAt: null }, { nextRoundAt: 5 })).toBe(true);
    expect(await rounds.moveAutopilot({ eventId, state: 'paused' }, { roundsLeft: 0 })).toBe(false);
    expect(await rounds.autopilot(eventId)).toMatchObject({ nextRoundAt: 5, roundsLeft: 2 });

    // a burst of snapshots between rounds: one read for all, each event its own autopilot, none for an event without
    const other = (await twoGroups()).eventId;
    const recorder = queryRecorder(app().db);
    try {
      let read: Array<{ eventId: string } | null> = [];
      const burst = await recorder.during(async () => {
        read = await Promise.all(Array.from({ length: 20 }, (_, i) => rounds.autopilotTogether(i % 2 ? other : eventId)));
      }, 0);
      expect(burst.filter((q) => /autopilots/.test(q))).toHaveLength(1);
      // (the app's clock may have moved this due autopilot meanwhile: whose it is is what counts)
      expect([read[0]?.eventId, read[1]]).toEqual([eventId, null]);
    } finally {
      recorder.restore();
    }
  });
});
