import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { dropDatabase, freshDatabaseEnv, testDatabase } from './support/app';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/data-source';
import { entities } from '../src/entities';
import { OutboxEntry } from '../src/outbox/outbox.entity';
import { Autopilot, GroupMember, Round } from '../src/mixer/rounds/round.entity';
import { Attendee } from '../src/attendees/attendee.entity';
import { MingleEvent } from '../src/events/event.entity';
import { assignments, framesOf, lastGroup, lastRound, room } from './support/room';
import { eventually } from './support/sockets';
import { kill, startNode, transpileServer, type Node } from './support/nodes';

/**
 * "Nothing that must happen lives only in memory": a node killed right after a commit, before its
 * follow-ups (telling a round's start and end, stopping an ended event's autopilot and round,
 * taking a removed person out of their group and dropping their phones), leaves them to the clock of another node.
 */
jest.setTimeout(90_000);

/** An organizer command sent to a node that will die under it: no answer is expected. */
const commandTo = (node: Node, cookie: string, path: string, body: object = {}, method = 'POST') =>
  fetch(`${node.url}${path}`, {
    method,
    headers: { cookie, 'x-mingle-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => null);

const died = (node: Node) =>
  new Promise((resolve) => (node.child.exitCode !== null || node.child.signalCode ? resolve(null) : node.child.once('exit', resolve)));

describe(`follow-ups survive a crash right after the commit (${testDatabase})`, () => {
  /** The server as JavaScript, transpiled once for the file's nodes. */
  let server: string;
  beforeAll(() => {
    server = transpileServer();
  });
  afterAll(() => server && rmSync(server, { recursive: true, force: true }));

  /** A survivor node holding every socket, and nodes started to die right after a named commit. */
  async function cluster(test: (c: { survivor: Node; doomed: (crashAfter: string) => Promise<Node>; db: DataSource }) => Promise<void>) {
    const env: Record<string, string> = { ...freshDatabaseEnv(), SESSION_SECRET: randomBytes(24).toString('hex') };
    delete env.REDIS_URL; // the phones sit on the surviving node
    const db = await openDatabase(loadConfig(env).database, entities);
    const survivor = await startNode(server, env);
    const nodes: Node[] = [];
    const doomed = async (crashAfter: string) => {
      nodes.push(await startNode(server, { ...env, MINGLE_CRASH_AFTER: crashAfter }));
      return nodes.at(-1)!;
    };
    try {
      await test({ survivor, doomed, db });
    } finally {
      await Promise.all([kill(survivor), ...nodes.map(kill)]);
      await db.destroy();
      await dropDatabase(env);
    }
  }

  it('an ended event stops its autopilot and ends its round although the node that ended it died', () =>
    cluster(async ({ survivor, doomed, db }) => {
      const r = await room(survivor.url, 4, { groupSize: 2 });
      expect((await r.org.put(`/api/events/${r.event.id}/autopilot`, { rounds: 3, roundMinutes: 10, breakMinutes: 1 })).status).toBe(200);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()));

      const node = await doomed('event.ended');
      await commandTo(node, r.cookie, `/api/events/${r.event.id}/state`, { state: 'ended' });
      await died(node);
      // The end is written; its follow-ups are not done yet.
      expect((await db.getRepository(MingleEvent).findOneByOrFail({ id: r.event.id })).state).toBe('ended');
      expect(await db.getRepository(Autopilot).countBy({ eventId: r.event.id })).toBe(1);
      expect(await db.getRepository(Round).countBy({ eventId: r.event.id, state: 'running' })).toBe(1);

      await eventually(async () => {
        expect(await db.getRepository(Autopilot).countBy({ eventId: r.event.id })).toBe(0);
        expect(await db.getRepository(Round).countBy({ eventId: r.event.id, state: 'running' })).toBe(0);
      }, 20_000);
      await eventually(() => r.phones.forEach((p) => expect(lastRound(p.socket)?.state).toBe('ended')));
      await eventually(async () => expect(await db.getRepository(OutboxEntry).count()).toBe(0), 10_000);
      r.close();
    }));

  it('a removed attendee leaves their group and their phone is dropped although the node that removed them died', () =>
    cluster(async ({ survivor, doomed, db }) => {
      const r = await room(survivor.url, 4, { groupSize: 2 });
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()));
      const [ana] = r.phones;
      const mate = r.phones.find((p) => p.joined.me.id === lastGroup(ana!.socket)!.members[0]!.id)!;
      const seat = () => db.getRepository(GroupMember).findOneByOrFail({ attendeeId: ana!.joined.me.id });

      const node = await doomed('attendee.removed');
      await commandTo(node, r.cookie, `/api/events/${r.event.id}/attendees/${ana!.joined.me.id}`, {}, 'DELETE');
      await died(node);
      expect((await db.getRepository(Attendee).findOneByOrFail({ id: ana!.joined.me.id })).status).toBe('removed');
      expect((await seat()).leftAt).toBeNull();

      await eventually(async () => expect((await seat()).leftAt).not.toBeNull(), 20_000);
      await eventually(() => expect(framesOf(ana!.socket, 'me:removed')).toHaveLength(1));
      // Their groupmate, left alone, was moved to another group without them.
      await eventually(() => expect(lastGroup(mate.socket)?.members.map((m) => m.id)).not.toContain(ana!.joined.me.id));
      expect(lastGroup(mate.socket)?.moved).toBe(true);
      await eventually(async () => expect(await db.getRepository(OutboxEntry).count()).toBe(0), 10_000);
      r.close();
    }));

  it("a round's start and end reach every phone although the node that wrote them died", () =>
    cluster(async ({ survivor, doomed, db }) => {
      const r = await room(survivor.url, 4, { groupSize: 2 });

      const starter = await doomed('round.started');
      await commandTo(starter, r.cookie, `/api/events/${r.event.id}/rounds`);
      await died(starter);
      expect(await db.getRepository(Round).countBy({ eventId: r.event.id, state: 'running' })).toBe(1);
      expect(r.phones.every((p) => assignments(p.socket).length === 0)).toBe(true);
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket).at(-1)?.group?.members).toHaveLength(1)), 20_000);

      const ender = await doomed('round.ended');
      await commandTo(ender, r.cookie, `/api/events/${r.event.id}/rounds/current/end`);
      await died(ender);
      expect(await db.getRepository(Round).countBy({ eventId: r.event.id, state: 'ended' })).toBe(1);
      await eventually(() => r.phones.forEach((p) => expect(lastRound(p.socket)?.state).toBe('ended')), 20_000);

      await eventually(async () => expect(await db.getRepository(OutboxEntry).count()).toBe(0), 10_000);
      r.close();
    }));
});
