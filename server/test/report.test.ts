import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { EventReport, JoinResult } from '@mingle/shared';
import { useApp } from './support/app';
import { attendeeHeaders, join, openEvent, person } from './support/attendees';
import { organizer } from './support/http';
import { connect, snapshotOf, type MingleClient } from './support/sockets';
import { queryRecorder } from './support/queries';
import { Group, GroupMember, Meeting, Round } from '../src/mixer/rounds/round.entity';
import { RoundsRepository } from '../src/mixer/rounds/rounds.repository';
import { ConnectionsRepository } from '../src/connections/connections.repository';
import { Match } from '../src/connections/connection.entities';
import { EventsRepository } from '../src/events/events.repository';
import { ReportsService } from '../src/reports/reports.service';

jest.setTimeout(30_000);

const MIN = 60_000;
type Seat = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

/**
 * A known evening, written straight into the tables, so every figure is known:
 *   round 1: Table 1 [A B C], Table 2 [D E F G]   (G leaves after round 1)
 *   round 2: Table 1 [A D E], Table 2 [B C F]     repeats: DE, BC
 *   round 3: Table 1 [A B F], Table 2 [C D E]     repeats: AB, BF, DE
 * A and B work at "Sun Grid" / "sungrid" (colleagues). Matches: AB, DE, CF, AF. H joined and never
 * connected; I joined and was removed.
 */
const PEOPLE: Record<Seat, { name: string; company: string; interests: string[] }> = {
  A: { name: '=SUM(A1)', company: 'Sun Grid', interests: ['AI', 'Rust'] },
  B: { name: '+Ben', company: 'sungrid', interests: ['AI', 'Hiking'] },
  C: { name: '-Cy', company: 'Acme', interests: ['AI', 'Rust', 'Coffee'] },
  D: { name: '@Dee', company: 'Bolt', interests: ['Hiking'] },
  E: { name: 'Zoë 王', company: 'Crane', interests: ['Rust'] },
  F: { name: 'Fay, "the" Fox', company: 'Delta', interests: ['Hiking'] },
  G: { name: 'Gus', company: 'Echo', interests: ['Coffee'] },
};
const ROUNDS: Seat[][][] = [
  [
    ['A', 'B', 'C'],
    ['D', 'E', 'F', 'G'],
  ],
  [
    ['A', 'D', 'E'],
    ['B', 'C', 'F'],
  ],
  [
    ['A', 'B', 'F'],
    ['C', 'D', 'E'],
  ],
];
/** Each ask: from, to, and in which round's time it was made (1-based). */
const ASKS: Array<[Seat, Seat, number]> = [
  ['A', 'B', 1],
  ['D', 'E', 2],
  ['E', 'D', 2],
  ['C', 'F', 2],
  ['F', 'C', 2],
  ['E', 'A', 3], // E and A last met in round 2: counted there
  ['B', 'C', 2],
  ['B', 'A', 3],
  ['A', 'F', 3],
  ['F', 'A', 3],
];
const MATCHES: Array<[Seat, Seat]> = [
  ['A', 'B'],
  ['D', 'E'],
  ['C', 'F'],
  ['A', 'F'],
];

async function seedEvening(url: string, app: ReturnType<ReturnType<typeof useApp>>) {
  const { org, event, cookie } = await openEvent(url, { interests: ['AI', 'Hiking', 'Rust', 'Design', 'Coffee'] });
  const ids = {} as Record<Seat, string>;
  const joined = {} as Record<Seat, JoinResult>;
  const sockets: MingleClient[] = [];
  for (const seat of Object.keys(PEOPLE) as Seat[]) {
    joined[seat] = await join(url, event.joinCode, person(PEOPLE[seat]));
    ids[seat] = joined[seat].me.id;
    const socket = connect(url, { role: 'attendee', token: joined[seat].token });
    await snapshotOf(socket);
    sockets.push(socket);
  }
  await join(url, event.joinCode, person({ name: 'Hal Never' }));
  const removed = await join(url, event.joinCode, person({ name: 'Ivy Removed' }));
  await org.delete(`/api/events/${event.id}/attendees/${removed.me.id}`).expect(204);
  await request(url).post('/api/me/leave').set(attendeeHeaders(joined.G.token)).send({}).expect(200);

  const t0 = Date.now() - 2 * 60 * MIN;
  const startOf = (n: number) => t0 + (n - 1) * 12 * MIN;
  const rounds = app.app.get(RoundsRepository);
  for (const [r, groups] of ROUNDS.entries()) {
    const number = r + 1;
    const round = Object.assign(new Round(), {
      id: randomUUID(),
      eventId: event.id,
      number,
      state: 'ended',
      startedAt: startOf(number),
      endsAt: startOf(number) + 10 * MIN,
      endedAt: startOf(number) + 10 * MIN,
      figures: { people: 0, groups: groups.length, repeatPairs: 0, meanSharedInterests: 0 },
    });
    const gs: Group[] = [];
    const members: GroupMember[] = [];
    const meetings: Meeting[] = [];
    for (const [position, seats] of groups.entries()) {
      const group = Object.assign(new Group(), {
        id: randomUUID(),
        roundId: round.id,
        eventId: event.id,
        position,
        spot: `Table ${position + 1}`,
        icebreaker: 'Hello',
      });
      gs.push(group);
      for (const s of seats)
        members.push(
          Object.assign(new GroupMember(), {
            groupId: group.id,
            attendeeId: ids[s],
            roundId: round.id,
            joinedAt: startOf(number),
            arrivedAt: null,
            leftAt: null,
            moved: false,
          }),
        );
      for (let i = 0; i < seats.length; i++)
        for (let j = i + 1; j < seats.length; j++) {
          const [a, b] = [ids[seats[i]!], ids[seats[j]!]].sort() as [string, string];
          meetings.push(
            Object.assign(new Meeting(), { roundId: round.id, a, b, eventId: event.id, roundNumber: number, groupId: group.id }),
          );
        }
    }
    await rounds.add({ round, groups: gs, members, meetings });
  }
  const connections = app.app.get(ConnectionsRepository);
  for (const [from, to, n] of ASKS) await connections.ask(ids[from], ids[to], event.id, startOf(n) + 5 * MIN);
  for (const [x, y] of MATCHES) {
    const [a, b] = [ids[x], ids[y]].sort() as [string, string];
    await connections.match(
      Object.assign(new Match(), { a, b, eventId: event.id, matchedAt: t0, aFields: ['email', 'phone'], bFields: ['email', 'phone'] }),
    );
  }
  await org.post(`/api/events/${event.id}/state`, { state: 'live' }).expect(200);
  await org.post(`/api/events/${event.id}/state`, { state: 'ended' }).expect(200);
  return { org, event, cookie, ids, joined, close: () => sockets.forEach((s) => s.disconnect()) };
}

describe('the report after "End event"', () => {
  const app = useApp();
  let evening: Awaited<ReturnType<typeof seedEvening>>;
  beforeAll(async () => {
    evening = await seedEvening(app().url, app());
  });
  afterAll(() => evening?.close());

  const get = (path: string) => evening.org.get(`/api/events/${evening.event.id}/report${path}`);

  it('gives the exact figures of a known evening', async () => {
    const report = (await get('').expect(200)).body as EventReport;
    expect(report.final).toBe(true);
    expect(report.event).toMatchObject({ id: evening.event.id, state: 'ended' });
    expect(report.attendance).toEqual({ joined: 9, connected: 7, removed: 1, left: 1, erased: 0 });
    expect(report.totals).toEqual({ rounds: 3, meetings: 21, pairsMet: 16, swapsAsked: 10, matches: 4, matchRate: 0.25 });
    const rows = report.rounds.map(({ startedAt, endedAt, ...rest }) => {
      expect(Date.parse(endedAt!) - Date.parse(startedAt)).toBe(10 * MIN);
      return rest;
    });
    expect(rows).toEqual([
      {
        number: 1,
        minutes: 10,
        present: 7,
        groups: 2,
        meetings: 9,
        repeatPairs: 0,
        colleaguePairs: 1,
        meanSharedInterests: 0.56,
        swapsAsked: 1,
        matches: 2,
        matchRate: 0.222,
      },
      {
        number: 2,
        minutes: 10,
        present: 6,
        groups: 2,
        meetings: 6,
        repeatPairs: 2,
        colleaguePairs: 0,
        meanSharedInterests: 0.5,
        swapsAsked: 6,
        matches: 2,
        matchRate: 0.333,
      },
      {
        number: 3,
        minutes: 10,
        present: 6,
        groups: 2,
        meetings: 6,
        repeatPairs: 3,
        colleaguePairs: 1,
        meanSharedInterests: 0.5,
        swapsAsked: 3,
        matches: 3,
        matchRate: 0.5,
      },
    ]);
    expect(report.interests).toEqual([
      { interest: 'AI', pairs: 3, matches: 1, matchRate: 0.333 },
      { interest: 'Rust', pairs: 3, matches: 0, matchRate: 0 },
      { interest: 'Hiking', pairs: 2, matches: 0, matchRate: 0 },
    ]);
  });

  it('"who sat where" lists every round with names only, formulas neutralized, after a UTF-8 BOM', async () => {
    const res = await get('/seating.csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="mingle-who-sat-where\.csv"/);
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('round,spot,name');
    // 7 + 6 + 6 seats, one line each.
    expect(lines).toHaveLength(1 + 19);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['1', '2', '3']));
    expect(new Set(lines.slice(1, 4))).toEqual(new Set(["1,Table 1,'+Ben", "1,Table 1,'-Cy", "1,Table 1,'=SUM(A1)"]));
    expect(lines).toContain('1,Table 2,"Fay, ""the"" Fox"');
    expect(lines).toContain("3,Table 2,'@Dee");
    expect(lines).toContain('3,Table 2,Zoë 王');
    expect(lines).toContain('1,Table 2,Gus');
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d,Table \d,("|'|[A-Z])/);
  });

  it('"who met whom" lists each pair of each round, names only, formulas neutralized', async () => {
    const res = await get('/meetings.csv').expect(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('round,spot,name,met');
    expect(lines).toHaveLength(1 + 21);
    expect(lines).toContain("1,Table 1,'+Ben,'=SUM(A1)");
    expect(lines).toContain("3,Table 2,'@Dee,Zoë 王");
    expect(lines.filter((l) => l.startsWith('2,'))).toHaveLength(6);
  });

  it('the figures CSV holds the same counts after a BOM', async () => {
    const res = await get('/figures.csv').expect(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines).toContain('swaps asked,10');
    expect(lines).toContain('match rate,0.25');
    expect(lines.find((l) => l.startsWith('3,'))).toMatch(/,10,6,2,6,3,1,0\.5,3,3,0\.5$/);
    expect(lines).toContain('AI,3,1,0.333');
  });

  it('never carries contact details nor who asked whom', async () => {
    const bodies = [
      JSON.stringify((await get('').expect(200)).body),
      (await get('/seating.csv').expect(200)).text,
      (await get('/meetings.csv').expect(200)).text,
      (await get('/figures.csv').expect(200)).text,
    ];
    for (const body of bodies) {
      expect(body).not.toMatch(/@mail\.example|\+44 20|https:\/\/person|"card"|"email"|"phone"|"website"|headline|Builder/i);
      // No attendee id either, so no ask can be traced to a person.
      for (const id of Object.values(evening.ids)) expect(body).not.toContain(id);
      expect(body).not.toMatch(/asked by|from_?id|to_?id/i);
    }
    // Companies stay out of the name-only downloads.
    expect(bodies[1]).not.toMatch(/Sun Grid|Acme/);
    expect(bodies[2]).not.toMatch(/Sun Grid|Acme/);
  });

  it("is the owner's only: another organizer gets 404, an attendee and nobody 401", async () => {
    const other = await organizer(app().url, 'Otto');
    for (const path of ['', '/seating.csv', '/meetings.csv', '/figures.csv']) {
      await other.get(`/api/events/${evening.event.id}/report${path}`).expect(404);
      await request(app().url).get(`/api/events/${evening.event.id}/report${path}`).expect(401);
      await request(app().url)
        .get(`/api/events/${evening.event.id}/report${path}`)
        .set(attendeeHeaders(evening.joined.A.token))
        .expect(401);
    }
  });

  it('is made in a fixed number of queries, the same for an empty event as for three rounds', async () => {
    const reports = app().app.get(ReportsService);
    const events = app().app.get(EventsRepository);
    const empty = await openEvent(app().url);
    const recorder = queryRecorder(app().db);
    /** The report's own statements (the round clock and outbox timers of the app run meanwhile). */
    const statementsOf = async (eventId: string) => {
      const event = (await events.byId(eventId))!;
      const queries = await recorder.during(() => reports.report(event), 0);
      return queries.filter((q) => !/"due_at" <=|"ends_at" <=|"next_round_at" <=|"autopilots"/.test(q));
    };
    try {
      const full = await statementsOf(evening.event.id);
      const none = await statementsOf(empty.event.id);
      // 8 for the evening's figures, 1 for the team's action log
      expect(full.length).toBeLessThanOrEqual(9);
      expect(full.length).toBe(none.length);
    } finally {
      recorder.restore();
    }
  });
});

describe('a big evening', () => {
  const app = useApp();

  it('400 people over 10 rounds: every seat and meeting of every round', async () => {
    const { org, event } = await openEvent(app().url);
    const ids: string[] = [];
    for (let i = 0; i < 400; i += 25)
      ids.push(
        ...(await Promise.all(
          Array.from({ length: 25 }, async (_, k) => (await join(app().url, event.joinCode, person({ name: `Guest ${i + k}` }))).me.id),
        )),
      );
    const rounds = app().app.get(RoundsRepository);
    for (const [r, k] of [1, 3, 7, 9, 11, 13, 17, 19, 21, 23].entries()) {
      const number = r + 1;
      const round = Object.assign(new Round(), {
        id: randomUUID(),
        eventId: event.id,
        number,
        state: 'ended',
        startedAt: number * MIN,
        endsAt: number * MIN + 1,
        endedAt: number * MIN + 1,
        figures: { people: 400, groups: 100, repeatPairs: 0, meanSharedInterests: 0 },
      });
      const groups = Array.from({ length: 100 }, (_, position) =>
        Object.assign(new Group(), {
          id: randomUUID(),
          roundId: round.id,
          eventId: event.id,
          position,
          spot: `Table ${position + 1}`,
          icebreaker: '',
        }),
      );
      const tables: string[][] = groups.map(() => []);
      ids.forEach((id, i) => tables[Math.floor(((i * k) % 400) / 4)]!.push(id));
      const members = tables.flatMap((t, g) =>
        t.map((attendeeId) =>
          Object.assign(new GroupMember(), {
            groupId: groups[g]!.id,
            attendeeId,
            roundId: round.id,
            joinedAt: 0,
            arrivedAt: null,
            leftAt: null,
            moved: false,
          }),
        ),
      );
      const meetings = tables.flatMap((t, g) =>
        t.flatMap((x, i) =>
          t.slice(i + 1).map((y) => {
            const [a, b] = [x, y].sort() as [string, string];
            return Object.assign(new Meeting(), {
              roundId: round.id,
              a,
              b,
              eventId: event.id,
              roundNumber: number,
              groupId: groups[g]!.id,
            });
          }),
        ),
      );
      await rounds.add({ round, groups, members, meetings });
    }
    const started = Date.now();
    const report = (await org.get(`/api/events/${event.id}/report`).expect(200)).body as EventReport;
    const seating = (await org.get(`/api/events/${event.id}/report/seating.csv`).expect(200)).text;
    console.log(`report of 400 people x 10 rounds: JSON and seating CSV in ${Date.now() - started} ms`);
    expect(report.rounds.map((r) => [r.present, r.groups, r.meetings])).toEqual(Array.from({ length: 10 }, () => [400, 100, 600]));
    expect(report.totals.meetings).toBe(6000);
    expect(seating.slice(1).trimEnd().split('\r\n')).toHaveLength(1 + 4000);
  }, 60_000);
});

describe('a live evening', () => {
  const app = useApp();

  it('reports "so far" while the event is open, with nothing yet', async () => {
    const { org, event } = await openEvent(app().url);
    await join(app().url, event.joinCode, person());
    const report = (await org.get(`/api/events/${event.id}/report`).expect(200)).body as EventReport;
    expect(report.final).toBe(false);
    expect(report.attendance).toMatchObject({ joined: 1, connected: 0 });
    expect(report.totals).toEqual({ rounds: 0, meetings: 0, pairsMet: 0, swapsAsked: 0, matches: 0, matchRate: 0 });
    expect(report.rounds).toEqual([]);
    const csv = (await org.get(`/api/events/${event.id}/report/seating.csv`).expect(200)).text;
    expect(csv).toBe('\uFEFFround,spot,name\r\n');
  });
});
