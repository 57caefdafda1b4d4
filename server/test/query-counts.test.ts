import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';
import { Attendee } from '../src/attendees/attendee.entity';
import { RoundClock } from '../src/mixer/rounds/round-clock';
import { useApp, type TestApp } from './support/app';
import { join, openEvent, person } from './support/attendees';
import { assignments, phoneHeaders, room, type Phone } from './support/room';
import { eventually } from './support/sockets';
import { queryRecorder, statements, tally } from './support/queries';

/**
 * The SQL statements of one command, at two room sizes: a command whose count grows with the room
 * runs a query per person somewhere. Counts are printed so the numbers can be compared over time.
 */
jest.setTimeout(600_000);

const counts: Record<string, Record<string, number>> = {};
afterAll(() => console.log(`queries per command: ${JSON.stringify(counts, null, 1)}`));

/** Counts the statements of `command` alone: the round clock (it ticks every 250 ms) waits meanwhile. */
async function measure(t: TestApp, name: string, size: number, command: () => Promise<unknown>): Promise<string[]> {
  const clock = t.app.get(RoundClock, { strict: false });
  const recorder = queryRecorder(t.db);
  try {
    clock.onModuleDestroy();
    await recorder.settled();
    const queries = statements(await recorder.during(command));
    (counts[name] ??= {})[size] = queries.length;
    return queries;
  } finally {
    recorder.restore();
    clock.onApplicationBootstrap();
  }
}

/**
 * Coalesced news (presence, the console's follow-up push) may fold into one write or two depending
 * on timing; a query per person or per group adds dozens to hundreds between the two sizes.
 */
const SLACK = 8;

/** Expects the count at the big size to be no more than at the small one (give or take timing). */
function expectFlat(name: string, small: string[], big: string[]): void {
  if (big.length > small.length) console.log(name, 'small', tally(small), 'big', tally(big));
  expect({ name, queries: big.length }).toEqual({ name, queries: expect.any(Number) });
  expect(big.length).toBeLessThanOrEqual(small.length + SLACK);
}

/** An open event with `n` people joined over the API and marked present in the database (no sockets). */
async function presentRoom(url: string, t: TestApp, n: number) {
  const r = await openEvent(url);
  for (let i = 0; i < n; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => join(url, r.event.joinCode, person())));
  const now = Date.now();
  await t.db.getRepository(Attendee).update({ eventId: r.event.id }, { connectedAt: now, lastSeenAt: now });
  return r;
}

/** A room with sockets and a round started; two phones that sit in the same group. */
async function seatedRoom(url: string, n: number) {
  const r = await room(url, n, { groupSize: 4 });
  await r.org.post(`/api/events/${r.event.id}/rounds`, {}).expect(201);
  await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)), 30_000);
  const [ana] = r.phones as [Phone];
  const group = assignments(ana.socket)[0]!.group!;
  const mate = r.phones.find((p) => p.joined.me.id === group.members[0]!.id)!;
  return { ...r, ana, mate, group };
}

describe('queries per command do not grow with the room', () => {
  const app = useApp({ JOIN_RATE_LIMIT: '100000', HANDSHAKE_RATE_LIMIT: '100000' });

  it('start round: 100 vs 1,000 people', async () => {
    const t = app();
    const start = async (n: number) => {
      const r = await presentRoom(t.url, t, n);
      const queries = await measure(t, 'start round', n, () => r.org.post(`/api/events/${r.event.id}/rounds`, {}).expect(201));
      const seated = await t.db.query(
        "SELECT COUNT(*) AS n FROM group_members gm JOIN groups g ON g.id = gm.group_id JOIN rounds r ON r.id = g.round_id WHERE r.state = 'running' AND r.event_id = " +
          (t.config.database.kind === 'postgres' ? '$1' : '?'),
        [r.event.id],
      );
      expect(Number(seated[0].n)).toBe(n);
      return queries;
    };
    expectFlat('start round', await start(100), await start(1000));
  });

  describe('at 10 and 200 people', () => {
    let small: Awaited<ReturnType<typeof seatedRoom>>;
    let big: Awaited<ReturnType<typeof seatedRoom>>;
    beforeAll(async () => {
      small = await seatedRoom(app().url, 10);
      big = await seatedRoom(app().url, 200);
    });
    afterAll(() => [small, big].forEach((r) => r?.close()));

    it("I'm here (group:arrive)", async () => {
      const arrive = async (r: typeof small, n: number) =>
        measure(app(), "I'm here", n, async () => {
          const ack = await r.ana.socket.timeout(10_000).emitWithAck('group:arrive', { groupId: r.group.groupId });
          expect('data' in ack && ack.data.groupId).toBe(r.group.groupId);
        });
      expectFlat("I'm here", await arrive(small, 10), await arrive(big, 200));
    });

    it('swap that makes a match', async () => {
      const swap = (from: Phone, to: Phone) =>
        request(app().url).post(`/api/me/people/${to.joined.me.id}/swap`).set(phoneHeaders(from.joined.token)).send({});
      const match = async (r: typeof small, n: number) => {
        await swap(r.ana, r.mate).expect(200);
        return measure(app(), 'swap that makes a match', n, async () => {
          const res = await swap(r.mate, r.ana).expect(200);
          expect(res.body).toMatchObject({ matched: true });
        });
      };
      expectFlat('swap that makes a match', await match(small, 10), await match(big, 200));
    });

    it('join', async () => {
      const joinOne = (r: typeof small, n: number) =>
        measure(app(), 'join', n, () =>
          request(app().url).post(`/api/join/${r.event.joinCode}`).set(CSRF_HEADER, '1').send(person()).expect(201),
        );
      expectFlat('join', await joinOne(small, 10), await joinOne(big, 200));
    });
  });
});
