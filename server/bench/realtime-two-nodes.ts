/**
 * The bench's two-node run: two built server processes on a private PostgreSQL and Redis, behind
 * Debian's nginx with the shipped deploy/nginx config, N phones through the proxy. Rounds are timed
 * like the one-node run; in the last one a node is killed with SIGKILL and its phones must hold their
 * group again through nginx, and the round must end once, on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { myGroupFrom, type GroupNews, type JoinResult, type RoundInfo, type Snapshot } from '@mingle/shared';
import { Nginx, nginxBin } from '../test/support/nginx';
import { PostgresServer, RedisServer, freePort, servicesAvailable } from '../test/support/services';
import { profileHere, startProfile, stopProfile } from './realtime-profile';
import {
  PHONE_RECONNECTION,
  failOver,
  inBatches,
  rssKb,
  spawnServer,
  spread,
  stop,
  waitForHttp,
  waitUntil,
  type BenchServer,
  type Returning,
  type Spread,
  SERVER_MAIN,
  cpuMs,
  cpuSince,
  sleep,
} from './realtime-tools';

const CSRF = { 'x-mingle-csrf': '1', 'content-type': 'application/json' };
const TAGS = Array.from({ length: 40 }, (_, i) => `tag${i}`);
/** how many the staged round `number` seats: a round staged before the last phones came in is planned again */
const STAGED =
  "SELECT count(*) AS seated FROM rounds r JOIN group_members m ON m.round_id = r.id WHERE r.event_id = $1 AND r.number = $2 AND r.state = 'staged'";
/** the last round is due this long after the kill */
const DUE_AFTER_KILL_MS = 6000;

export interface TwoNodeFigures {
  phones: number;
  /** phones on the killed node and on the other one (least_conn in nginx) */
  split: [number, number];
  errors: number;
  /** per round: start request → each phone holds its group */
  rounds: Spread[];
  /** per round, CPU used from the start request until every phone held its group: each node, and the bench's phones (ms) */
  startCpuMs: Array<{ nodes: [number, number]; phones: number; before: [number, number] }>;
  /** rounds that were not staged a minute after the last one (started all the same) */
  unstaged: number[];
  failover: {
    /** phones that lost their node */
    lost: number;
    /** kill → each of them holds its group again */
    back: Spread;
    notBack: number;
    /** lost phones with no connection at the end of the run (through nginx to the other node) */
    stranded: number;
    /** CPU the surviving node used from the kill until every lost phone was back (or 20 s) */
    survivorCpuMs: number;
  };
  /** each node's highest RSS while the phones joined and connected, MB */
  peakRssMb: [number, number];
  /** the first node's top functions while the phones joined and connected, when profiled */
  connectProfile: string[];
  /** per round, each node's top functions during the start, when profiled */
  startProfiles: string[][][];
  /** per round, the bench's phones' top functions during the start, when profiled */
  phonesProfiles: string[][];
  /** the surviving node's top functions from the kill until the phones were back (or 20 s), when profiled */
  failoverProfile: string[];
  /** the round's end in the database minus when it was due (ms); phones told it ended twice or more, and never */
  roundEnd: { lateMs: number | null; rows: number; toldTwice: number; neverTold: number };
}

/** Why the two-node run cannot run here, or null. */
export function twoNodesMissing(): string | null {
  const missing = [nginxBin() ? null : 'nginx', servicesAvailable() ? null : 'PostgreSQL and redis-server'].filter(Boolean);
  return missing.length ? `needs ${missing.join(' and ')}` : null;
}

interface Phone extends Returning {
  id: string;
  socket: Socket;
  /** per round id: when it held its group, and which */
  held: Map<string, { at: number; groupId: string }>;
  /** per round id: how often it was told the round ended (a phone that was away learns it from its snapshot: 0) */
  endsTold: Map<string, number>;
  /** round ids it knows ended, told or from a snapshot */
  endedRounds: Set<string>;
}

/** `profile`: profile the first node while the phones join and connect. */
export async function runTwoNodes(n: number, rounds: number, profile = false): Promise<TwoNodeFigures> {
  const [pg, redis] = await Promise.all([PostgresServer.start(), RedisServer.start()]);
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-bench-two-'));
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    HOST: '127.0.0.1',
    TRUST_PROXY: '1',
    JOIN_RATE_LIMIT: '100000',
    AUTH_RATE_LIMIT: '1000',
    HANDSHAKE_RATE_LIMIT: '100000',
    NODE_ENV: 'test',
  };
  const ports = [await freePort(), await freePort()];
  const nodes: BenchServer[] = [];
  let proxy: Nginx | null = null;
  const db = new DataSource({ type: 'postgres', url: pg.url });
  const phones: Phone[] = [];
  try {
    // One after the other: the first runs the migrations.
    for (const port of ports) {
      const node = spawnServer(['--max-old-space-size=4096', SERVER_MAIN], { ...env, PORT: String(port) });
      nodes.push(node);
      await waitForHttp(`http://127.0.0.1:${port}/api/health`, node);
    }
    // each proxied socket takes two connections, and one nginx worker may take most of them (kept
    // under a common open-files limit of 20,000; 10,000 phones over nginx's two workers fit)
    proxy = await Nginx.start(ports, { workerConnections: Math.min(19_000, Math.max(1024, 2 * n + 1000)) });
    await db.initialize();
    const url = proxy.url;

    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: CSRF,
      body: JSON.stringify({ email: `two${n}@example.com`, name: 'Bench', password: 'long enough pw' }),
    });
    const organizer = { ...CSRF, cookie: signup.headers.get('set-cookie')!.split(';')[0]! };
    const post = (path: string, body: unknown = {}) =>
      fetch(`${url}${path}`, { method: 'POST', headers: organizer, body: JSON.stringify(body) });
    const event = (await (await post('/api/events', { name: `Two nodes ${n}`, interests: TAGS, groupSize: 4 })).json()) as {
      id: string;
      joinCode: string;
    };
    await post(`/api/events/${event.id}/state`, { state: 'open' });

    let errors = 0;
    const peakRssMb: [number, number] = [0, 0];
    const sampler = setInterval(() => {
      nodes.forEach((node, i) => {
        if (node.child.exitCode === null) peakRssMb[i] = Math.max(peakRssMb[i]!, Math.round(rssKb(node.pid) / 1024));
      });
    }, 500);
    if (profile) await startProfile(nodes[0]!);
    await inBatches([...Array(n).keys()], 50, async (i) => {
      const res = await fetch(`${url}/api/join/${event.joinCode}`, {
        method: 'POST',
        headers: CSRF,
        body: JSON.stringify({ name: `P ${i}`, company: `C${i % 200}`, interests: [TAGS[i % 40]], acceptPrivacy: true }),
      }).catch(() => null);
      if (!res?.ok) {
        errors++;
        return;
      }
      const { token, me } = (await res.json()) as JoinResult;
      const phone = connectPhone(url, token, me.id);
      phones.push(phone);
      // the first connection only: after the kill, a phone retrying through nginx is no refusal
      await new Promise<void>((resolve) => {
        const refused = () => {
          errors++;
          phone.socket.off('snapshot', inside);
          resolve();
        };
        const inside = () => {
          phone.socket.off('connect_error', refused);
          resolve();
        };
        phone.socket.once('snapshot', inside);
        phone.socket.once('connect_error', refused);
      });
    });
    clearInterval(sampler);
    const connectProfile = profile ? await stopProfile(nodes[0]!, 1, 15) : [];
    const figures: Spread[] = [];
    const startCpuMs: TwoNodeFigures['startCpuMs'] = [];
    const startProfiles: string[][][] = [];
    const phonesProfiles: string[][] = [];
    const unstaged: number[] = [];
    let roundId = '';
    for (let r = 1; r <= rounds; r++) {
      if (r > 1) {
        // after a break, as in the one-node run: every phone heard the last round end
        await ok(post(`/api/events/${event.id}/rounds/current/end`), 'end round');
        await waitUntil(() => phones.every((p) => p.endedRounds.has(roundId)), 60_000, `not every phone heard round ${r - 1} end`);
      }
      // as at an event, where a round lasts minutes: the next round is planned and staged, for everyone, before it starts
      const seated = async () => Number(((await db.query(STAGED, [event.id, r])) as Array<{ seated: number | string }>)[0]!.seated);
      if (!(await waitUntil(async () => (await seated()) === phones.length, 60_000))) unstaged.push(r);
      // what the nodes do with no start (pings, the clock, a look-ahead still thinking), for the second before it
      const quiet = nodes.map((node) => cpuMs(node.pid));
      await sleep(1000);
      const before = nodes.map((node, i) => cpuMs(node.pid) - quiet[i]!) as [number, number];
      if (profile) await Promise.all(nodes.map((node) => startProfile(node)));
      const cpuOfStart = cpuSince(nodes);
      const start = Date.now();
      const startRound = async () => {
        roundId = ((await ok(post(`/api/events/${event.id}/rounds`), 'start round')) as { round: { id: string } }).round.id;
        await waitUntil(() => phones.every((p) => p.held.has(roundId)), 60_000);
      };
      if (profile) phonesProfiles.push(await profileHere(startRound));
      else await startRound();
      figures.push(spread(phones.flatMap((p) => p.held.get(roundId)?.at ?? []).map((at) => at - start)));
      const cpu = cpuOfStart();
      startCpuMs.push({ nodes: [cpu.nodes[0]!, cpu.nodes[1]!], phones: cpu.phones, before });
      // the first node's profiles are numbered after its connect profile
      if (profile) startProfiles.push(await Promise.all(nodes.map((node, i) => stopProfile(node, i === 0 ? r + 1 : r, 12))));
    }

    // kill -9 the first node mid-round; the round is due a few seconds later
    const endsAt = Date.now() + DUE_AFTER_KILL_MS;
    await db.query('UPDATE rounds SET ends_at = $1 WHERE id = $2', [endsAt, roundId]);
    if (profile) await startProfile(nodes[1]!);
    const { lost, backs, survivorCpuMs } = await failOver(nodes[0]!, nodes[1]!, phones);
    // the survivor's profiles so far: one per round start
    const failoverProfile = profile ? await stopProfile(nodes[1]!, rounds + 1, 20) : [];
    const lostPhones = phones.filter((p) => p.lostAt !== null);

    // the round ends once, on time
    await waitUntil(() => phones.every((p) => p.endedRounds.has(roundId)), DUE_AFTER_KILL_MS + 15_000);
    const rows = (await db.query('SELECT state, ended_at FROM rounds WHERE id = $1', [roundId])) as Array<{
      state: string;
      ended_at: string | null;
    }>;
    const ended = rows.filter((row) => row.state === 'ended');
    return {
      phones: phones.length,
      split: [lost, phones.length - lost],
      errors,
      rounds: figures,
      startCpuMs,
      unstaged,
      peakRssMb,
      connectProfile,
      startProfiles,
      phonesProfiles,
      failoverProfile,
      failover: {
        lost,
        back: spread(backs),
        notBack: lost - backs.length,
        stranded: lostPhones.filter((p) => !p.socket.connected).length,
        survivorCpuMs,
      },
      roundEnd: {
        lateMs: ended[0]?.ended_at ? Number(ended[0].ended_at) - endsAt : null,
        rows: ended.length,
        toldTwice: phones.filter((p) => (p.endsTold.get(roundId) ?? 0) > 1).length,
        neverTold: phones.filter((p) => !p.endedRounds.has(roundId)).length,
      },
    };
  } finally {
    phones.forEach((p) => p.socket.disconnect());
    if (db.isInitialized) await db.destroy();
    await proxy?.stop();
    for (const node of nodes) await stop(node, profile);
    await redis.stop();
    await pg.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A phone through the proxy, reconnecting with the phone page's settings (client/src/lib/realtime.ts). */
function connectPhone(url: string, token: string, id: string): Phone {
  const socket = io(url, {
    transports: ['websocket'],
    auth: { role: 'attendee', token },
    forceNew: true,
    ...PHONE_RECONNECTION,
  });
  const phone: Phone = { id, socket, held: new Map(), lostAt: null, backAt: null, endsTold: new Map(), endedRounds: new Set() };
  const hold = (roundId: string, groupId: string) => {
    if (!phone.held.has(roundId)) phone.held.set(roundId, { at: Date.now(), groupId });
  };
  socket.on('group:changed', (news: GroupNews) => {
    if (myGroupFrom(news, id)) hold(news.roundId, news.groupId);
  });
  socket.on('disconnect', () => {
    phone.lostAt ??= Date.now();
  });
  // back: a fresh snapshot (from the other node) shows the same group of the running round
  socket.on('snapshot', (snapshot: Snapshot) => {
    if (snapshot.role !== 'attendee') return;
    const { round, group } = snapshot.rounds;
    if (round?.state === 'ended') phone.endedRounds.add(round.id);
    if (phone.lostAt === null || phone.backAt !== null) return;
    const before = round && phone.held.get(round.id);
    if (round?.state === 'running' && group && before && group.groupId === before.groupId) phone.backAt = Date.now();
  });
  socket.on('round:changed', ({ round }: { round: RoundInfo | null }) => {
    if (round?.state !== 'ended') return;
    phone.endsTold.set(round.id, (phone.endsTold.get(round.id) ?? 0) + 1);
    phone.endedRounds.add(round.id);
  });
  return phone;
}

async function ok(res: Promise<Response>, what: string): Promise<unknown> {
  const answer = await res;
  if (!answer.ok) throw new Error(`${what} failed: ${answer.status} ${await answer.text()}`);
  return answer.json();
}
