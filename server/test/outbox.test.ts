import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AttendeeRoundState } from '@mingle/shared';
import { dropDatabase, freshDatabaseEnv, testDatabase } from './support/app';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/data-source';
import { entities } from '../src/entities';
import { OutboxEntry } from '../src/outbox/outbox.entity';
import { Round } from '../src/mixer/rounds/round.entity';
import { assignments, framesOf, room } from './support/room';
import { eventually } from './support/sockets';
import { kill, startNode, transpileServer, type Node } from './support/nodes';

/**
 * "Nothing that must happen lives only in memory": a node killed right after a round's commit,
 * before it told anyone, leaves the telling to the clock of another node.
 */
jest.setTimeout(90_000);

/** An organizer command sent to a node that will die under it: no answer is expected. */
const commandTo = (node: Node, cookie: string, path: string) =>
  fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { cookie, 'x-mingle-csrf': '1', 'content-type': 'application/json' },
    body: '{}',
  }).catch(() => null);

const died = (node: Node) =>
  new Promise((resolve) => (node.child.exitCode !== null || node.child.signalCode ? resolve(null) : node.child.once('exit', resolve)));

describe(`follow-ups survive a crash right after the commit (${testDatabase})`, () => {
  it("a round's start and end reach every phone although the node that wrote them died", async () => {
    const env: Record<string, string> = { ...freshDatabaseEnv(), SESSION_SECRET: randomBytes(24).toString('hex') };
    delete env.REDIS_URL; // the phones sit on the surviving node
    const server = transpileServer();
    const db = await openDatabase(loadConfig(env).database, entities);
    const survivor = await startNode(server, env);
    const doomed: Node[] = [];
    try {
      const r = await room(survivor.url, 4, { groupSize: 2 });

      doomed.push(await startNode(server, { ...env, MINGLE_CRASH_AFTER: 'round.started' }));
      await commandTo(doomed[0]!, r.cookie, `/api/events/${r.event.id}/rounds`);
      await died(doomed[0]!);
      expect(await db.getRepository(Round).countBy({ eventId: r.event.id, state: 'running' })).toBe(1);
      expect(r.phones.every((p) => assignments(p.socket).length === 0)).toBe(true);
      await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket).at(-1)?.group?.members).toHaveLength(1)), 20_000);

      doomed.push(await startNode(server, { ...env, MINGLE_CRASH_AFTER: 'round.ended' }));
      await commandTo(doomed[1]!, r.cookie, `/api/events/${r.event.id}/rounds/current/end`);
      await died(doomed[1]!);
      expect(await db.getRepository(Round).countBy({ eventId: r.event.id, state: 'ended' })).toBe(1);
      const ended = (p: (typeof r.phones)[number]) =>
        framesOf<{ round: AttendeeRoundState['round'] }>(p.socket, 'round:changed').some((f) => f.round?.state === 'ended');
      await eventually(() => r.phones.forEach((p) => expect(ended(p)).toBe(true)), 20_000);

      await eventually(async () => expect(await db.getRepository(OutboxEntry).count()).toBe(0), 10_000);
      r.close();
    } finally {
      await Promise.all([kill(survivor), ...doomed.map(kill)]);
      await db.destroy();
      await dropDatabase(env);
      rmSync(server, { recursive: true, force: true });
    }
  });
});
