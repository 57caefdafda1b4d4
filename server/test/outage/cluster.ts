import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import {
  myGroupFrom,
  withArrival,
  type AttendeeRoundState,
  type GroupArrival,
  type GroupNews,
  type JoinResult,
  type MyGroup,
  type RoundInfo,
  type Snapshot,
} from '@mingle/shared';
import { startApp, type TestApp } from '../support/app';
import { join, openEvent, person } from '../support/attendees';
import { connect, eventually, snapshotOf, type MingleClient } from '../support/sockets';
import { PostgresServer, RedisServer } from '../support/services';
import { RoundStates } from '../../src/mixer/rounds/round-states';
import { RedisIoAdapter } from '../../src/realtime/redis-io.adapter';

/**
 * Two server nodes on a private PostgreSQL and a private Redis, which the test may stop, kill and
 * restart. Unhandled rejections are recorded: in a real node (Node's default) each one is an exit.
 */
export interface Cluster {
  pg: PostgresServer;
  redis: RedisServer;
  env: Record<string, string>;
  nodes: TestApp[];
  rejections: unknown[];
  close(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const [pg, redis] = await Promise.all([PostgresServer.start(), RedisServer.start()]);
  const env = { DATA_DIR: mkdtempSync(joinPath(tmpdir(), 'mingle-outage-')), DATABASE_URL: pg.url, REDIS_URL: redis.url };
  const rejections: unknown[] = [];
  const record = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', record);
  const nodes = [await startApp({}, env), await startApp({}, env)];
  return {
    pg,
    redis,
    env,
    nodes,
    rejections,
    close: async () => {
      for (const node of nodes) await node.close().catch(() => undefined);
      await redis.stop();
      await pg.destroy();
      rmSync(env.DATA_DIR, { recursive: true, force: true });
      process.off('unhandledRejection', record);
    },
  };
}

export interface Phone {
  joined: JoinResult;
  socket: MingleClient;
  node: number;
}

/** An open event with `n` phones joined, split over the nodes, and a console on each node. */
export async function eventOn(cluster: Cluster, n: number) {
  const urls = cluster.nodes.map((node) => node.url);
  const { org, event, cookie } = await openEvent(urls[0]!, { groupSize: 3 });
  const phones: Phone[] = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const node = i % urls.length;
      const joined = await join(urls[node]!, event.joinCode, person());
      const socket = connect(urls[node]!, { role: 'attendee', token: joined.token });
      await snapshotOf(socket);
      return { joined, socket, node };
    }),
  );
  const consoles = urls.map((url) => connect(url, { role: 'organizer', eventId: event.id }, cookie));
  await Promise.all(consoles.map((c) => snapshotOf(c)));
  const close = () => [...phones.map((p) => p.socket), ...consoles].forEach((s) => s.disconnect());
  return { org, event, cookie, phones, consoles, close };
}

export interface PhoneView {
  roundId: string | null;
  roundState: RoundInfo['state'] | null;
  group: MyGroup | null;
}

/** A round heard: the group stays with its round, ended too (the phone keeps it to swap until the next round starts). */
const withRound = (state: AttendeeRoundState, round: RoundInfo | null, nextRoundAt: number | null): AttendeeRoundState => ({
  round,
  nextRoundAt,
  group: round && state.group?.roundId === round.id ? state.group : null,
});

/** What a phone shows now, replaying its frames the way the phone's store does. */
export function phoneView(socket: MingleClient): PhoneView {
  let state: AttendeeRoundState = { round: null, group: null, nextRoundAt: null };
  let me = '';
  for (const [event, payload] of socket.frames) {
    if (event === 'snapshot') {
      const snapshot = payload as Extract<Snapshot, { role: 'attendee' }>;
      state = snapshot.rounds;
      me = snapshot.me.id;
    } else if (event === 'round:assigned') state = payload as AttendeeRoundState;
    else if (event === 'round:changed') {
      const { round, nextRoundAt } = payload as { round: RoundInfo | null; nextRoundAt: number | null };
      state = withRound(state, round, nextRoundAt);
    } else if (event === 'group:changed') {
      const news = payload as GroupNews;
      // news that starts a round brings it, as round:changed would
      if (news.round) state = withRound(state, news.round, null);
      state = { ...state, group: myGroupFrom(news, me) ?? state.group };
    } else if (event === 'group:arrived' && state.group) state = { ...state, group: withArrival(state.group, payload as GroupArrival, me) };
  }
  return viewOf(state);
}

const viewOf = (state: AttendeeRoundState): PhoneView => ({
  roundId: state.round?.id ?? null,
  roundState: state.round?.state ?? null,
  group: state.group,
});

/** What the database says a phone should show: its round, its group with who arrived. */
export async function truthFor(node: TestApp, eventId: string, attendeeId: string): Promise<PhoneView> {
  return viewOf(await node.app.get(RoundStates, { strict: false }).attendeeState(eventId, attendeeId));
}

/** Phones whose view differs from the database, as readable lines (empty when all are right). */
export async function wrongPhones(cluster: Cluster, eventId: string, phones: Phone[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const p of phones) {
    const want = await truthFor(cluster.nodes[0]!, eventId, p.joined.me.id);
    const got = phoneView(p.socket);
    if (JSON.stringify(want) !== JSON.stringify(got))
      wrong.push(
        `node ${p.node} phone ${p.joined.me.id.slice(0, 6)}: shows round ${got.roundId?.slice(0, 6)} ${got.roundState} group ${got.group?.groupId.slice(0, 6)}, should ${want.roundId?.slice(0, 6)} ${want.roundState} ${want.group?.groupId.slice(0, 6)}`,
      );
  }
  return wrong;
}

/** How many times each round was announced as ended to one socket. */
export function endsSeen(socket: MingleClient): Map<string, number> {
  const ends = new Map<string, number>();
  for (const [event, payload] of socket.frames) {
    const round = event === 'round:changed' ? (payload as { round: RoundInfo | null }).round : null;
    if (round?.state === 'ended') ends.set(round.id, (ends.get(round.id) ?? 0) + 1);
  }
  return ends;
}

/** Publishes a node dropped while Redis was away (0 before the fix, which had no such count). */
export const publishesDropped = (node: TestApp): number =>
  ((node.app as unknown as { config: { getIoAdapter(): unknown } }).config.getIoAdapter() as RedisIoAdapter | undefined)?.dropped ?? 0;

/** Appends a scenario's figures to OUTAGE_REPORT (JSON lines), for the before/after tables. */
export function report(scenario: string, figures: Record<string, unknown>): void {
  if (process.env.OUTAGE_REPORT) appendFileSync(process.env.OUTAGE_REPORT, `${JSON.stringify({ scenario, ...figures })}\n`);
}

/** Resolves with how long it took until `check` passed, or rejects after `timeoutMs`. */
export async function timeUntil(check: () => void | Promise<void>, timeoutMs: number): Promise<number> {
  const from = Date.now();
  await eventually(check, timeoutMs);
  return Date.now() - from;
}
