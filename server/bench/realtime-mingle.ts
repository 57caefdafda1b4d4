/**
 * The bench's Mingle run: the built app in its own process (SQLite, in-process realtime), N phones in
 * one event, rounds started and ended by the organizer over HTTP, then an arrival storm.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { myGroupFrom, type GroupNews, type AttendeeRoundState, type JoinResult, type RoundInfo } from '@mingle/shared';
import { profileHere, startProfile, stopProfile } from './realtime-profile';
import {
  freePort,
  settledRssKb,
  sleep,
  spawnServer,
  spread,
  stop,
  waitForHttp,
  waitUntil,
  type Spread,
  SERVER_MAIN,
} from './realtime-tools';

const CSRF = { 'x-mingle-csrf': '1', 'content-type': 'application/json' };
/** how many the staged round `number` seats: a round staged before the last phones came in is planned again */
const STAGED =
  "SELECT count(*) AS seated FROM rounds r JOIN group_members m ON m.round_id = r.id WHERE r.event_id = ? AND r.number = ? AND r.state = 'staged'";
const TAGS = Array.from({ length: 40 }, (_, i) => `tag${i}`);

export interface RoundFigures {
  /** start request sent → each phone holds its group */
  held: Spread;
  phones: number;
  startAnswerMs: number;
  /** whether the round was staged ahead when it started (the server plans it within seconds of the last start) */
  staged: boolean;
}

export interface StormFigures {
  taps: number;
  ack: Spread;
  errors: number;
  screenBytes: number;
  consoleBytes: number;
  /** to all phones of the event */
  phoneBytes: number;
}

export interface JoinStormFigures {
  phones: number;
  seconds: number;
  /** join request sent → its answer */
  http: Spread;
  /** join request sent → the phone's socket holds its snapshot */
  inside: Spread;
  errors: number;
  /** the errors by kind: an HTTP status, a network failure, or why a socket was refused */
  errorKinds: Record<string, number>;
  /** what each phone received from its connection until the storm ended, on average and at most (bytes) */
  bytesPerPhone: { mean: number; max: number; snapshot: number };
  /** the last phone holding its snapshot → the console and the screen both showing every phone joined and online (ms) */
  countsRightMs: number | null;
}

export interface MingleFigures {
  /** joins and socket connections refused */
  errors: number;
  join: JoinStormFigures;
  connectSeconds: number;
  kbPerPhone: number;
  rounds: RoundFigures[];
  /** the mean size of a group's news on the wire, for the baseline's personal message */
  newsBytes: number;
  storm: StormFigures | null;
  /** per round, the server's top functions during the start, when profiled */
  profiles: string[][];
  /** per round, the bench's phones' top functions during the start, when profiled */
  phonesProfiles: string[][];
  /** the server's top functions during the join storm, when profiled */
  joinProfile: string[];
}

/** One phone as the bench sees it: when it held a group, per round. */
interface Phone {
  id: string;
  socket: Socket;
  held: Map<string, { at: number; groupId: string }>;
  /** rounds it heard end */
  ended: Set<string>;
  bytes: number;
}

/** `profile`: profile each round start in the server. */
export async function runMingle(n: number, rounds: number, taps: number, stormSeconds: number, profile = false): Promise<MingleFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingle-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnServer(['--max-old-space-size=4096', SERVER_MAIN], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JOIN_RATE_LIMIT: '100000',
    AUTH_RATE_LIMIT: '1000',
    HANDSHAKE_RATE_LIMIT: '100000',
    NODE_ENV: 'test',
  });
  const phones: Phone[] = [];
  const watchers: Socket[] = [];
  // the server's database, read-only, to see its staged rounds
  const db = new DataSource({ type: 'better-sqlite3', database: join(dataDir, 'mingle.sqlite'), readonly: true });
  const newsSizes: number[] = [];
  try {
    await waitForHttp(`${url}/api/health`, server);
    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: CSRF,
      body: JSON.stringify({ email: `bench${n}@example.com`, name: 'Bench', password: 'long enough pw' }),
    });
    const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
    const organizer = { ...CSRF, cookie };
    const post = (path: string, body: unknown = {}) =>
      fetch(`${url}${path}`, { method: 'POST', headers: organizer, body: JSON.stringify(body) });
    const event = (await (await post('/api/events', { name: `Bench ${n}`, interests: TAGS, groupSize: 4 })).json()) as {
      id: string;
      joinCode: string;
      screenKey: string;
    };
    await post(`/api/events/${event.id}/state`, { state: 'open' });

    // The console and the screen watch from the start; they are not phones, so they connect before the memory reading.
    const consoleWatch = watch(connect(url, { role: 'organizer', eventId: event.id }, cookie), watchers);
    const screenWatch = watch(connect(url, { role: 'screen', eventId: event.id, key: event.screenKey }), watchers);
    await waitUntil(() => watchers.every((s) => s.connected), 10_000, 'console or screen did not connect');
    const before = await settledRssKb(server);
    if (profile) await startProfile(server);
    const t0 = Date.now();
    const join = await joinStorm(url, event.joinCode, n, stormSeconds, phones, newsSizes, consoleWatch, screenWatch);
    const connectSeconds = (Date.now() - t0) / 1000;
    // profiles are numbered in the order taken: the join storm's is the first
    const joinProfile = profile ? await stopProfile(server, 1, 15) : [];
    const errors = join.errors;
    const after = await settledRssKb(server);

    const figures: RoundFigures[] = [];
    const profiles: string[][] = [];
    const phonesProfiles: string[][] = [];
    let roundId = '';
    for (let r = 1; r <= rounds; r++) {
      if (r > 1) {
        // an organizer starts the next round after a break, not while the phones still hear the last one end
        await ok(post(`/api/events/${event.id}/rounds/current/end`), 'end round');
        if (!(await waitUntil(() => phones.every((p) => p.ended.has(roundId)), 60_000))) {
          const deaf = phones.filter((p) => !p.ended.has(roundId));
          const gone = deaf.filter((p) => !p.socket.connected).length;
          throw new Error(`${deaf.length} of ${phones.length} phones did not hear round ${r - 1} end (${gone} of them disconnected)`);
        }
      }
      // as at an event, where a round lasts minutes: the next round is planned and staged, for everyone, before it starts
      if (!db.isInitialized) await db.initialize();
      const seated = async () => Number(((await db.query(STAGED, [event.id, r])) as Array<{ seated: number }>)[0]!.seated);
      const staged = await waitUntil(async () => (await seated()) === phones.length, 60_000);
      if (profile) await startProfile(server);
      const start = Date.now();
      let startAnswerMs = 0;
      const holding = () => phones.filter((p) => p.held.has(roundId)).length;
      const startRound = async () => {
        const answer = (await ok(post(`/api/events/${event.id}/rounds`), 'start round')) as { round: { id: string } };
        startAnswerMs = Date.now() - start;
        roundId = answer.round.id;
        await waitUntil(() => holding() === phones.length, 60_000);
      };
      if (profile) phonesProfiles.push(await profileHere(startRound));
      else await startRound();
      if (profile) profiles.push(await stopProfile(server, r + 1));
      figures.push({
        held: spread(phones.flatMap((p) => p.held.get(roundId)?.at ?? []).map((at) => at - start)),
        phones: holding(),
        startAnswerMs,
        staged,
      });
    }

    const storm = taps > 0 ? await arrivalStorm(phones, Math.min(taps, n), roundId, consoleWatch, screenWatch) : null;
    const sizes = newsSizes.length ? newsSizes : [0];
    return {
      errors,
      join,
      connectSeconds,
      kbPerPhone: (after - before) / n,
      rounds: figures,
      newsBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
      storm,
      profiles,
      phonesProfiles,
      joinProfile,
    };
  } finally {
    if (db.isInitialized) await db.destroy();
    [...phones.map((p) => p.socket), ...watchers].forEach((s) => s.disconnect());
    await stop(server, profile);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function connect(url: string, auth: Record<string, string>, cookie?: string): Socket {
  return io(url, {
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
}

/** A phone holds its group when it would show it: a group's news it is in, or (on any path still sending it) its own assignment. */
function listen(phone: Phone, newsSizes: number[]): void {
  const hold = (roundId: string, groupId: string) => phone.held.has(roundId) || phone.held.set(roundId, { at: Date.now(), groupId });
  phone.socket.on('group:changed', (news: GroupNews) => {
    if (myGroupFrom(news, phone.id)) hold(news.roundId, news.groupId);
  });
  phone.socket.on('round:changed', ({ round }: { round: RoundInfo | null }) => {
    if (round?.state === 'ended') phone.ended.add(round.id);
  });
  phone.socket.on('round:assigned', (state: AttendeeRoundState) => {
    if (state.group) hold(state.group.roundId, state.group.groupId);
  });
  phone.socket.io.engine.on('packet', ({ data }) => {
    if (typeof data !== 'string') return;
    phone.bytes += Buffer.byteLength(data);
    if (data.startsWith('2["group:changed"')) newsSizes.push(Buffer.byteLength(data));
  });
}

/** What the console or the screen received: bytes on the wire and the counts it shows now. */
interface Watch {
  bytes: number;
  counts: { joined: number; online: number };
}

/** Counts the bytes a socket receives on the wire, and keeps the counts it shows. */
function watch(socket: Socket, all: Socket[]): Watch {
  const seen: Watch = { bytes: 0, counts: { joined: 0, online: 0 } };
  all.push(socket);
  socket.io.engine.on('packet', ({ data }) => {
    if (typeof data === 'string') seen.bytes += Buffer.byteLength(data);
  });
  socket.on('snapshot', (snapshot: { presence?: { joined: number; online: number } }) => {
    if (snapshot.presence) seen.counts = snapshot.presence;
  });
  socket.on('presence:changed', (presence: { joined: number; online: number }) => (seen.counts = presence));
  return seen;
}

/**
 * n people join within `seconds`, evenly spread: each sends its join request, then connects its
 * phone's socket and waits for its snapshot. Every phone counts its bytes from its connection on.
 */
async function joinStorm(
  url: string,
  joinCode: string,
  n: number,
  seconds: number,
  phones: Phone[],
  newsSizes: number[],
  consoleWatch: Watch,
  screenWatch: Watch,
): Promise<JoinStormFigures> {
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const gap = (seconds * 1000) / n;
  const t0 = Date.now();
  const http: number[] = [];
  const inside: number[] = [];
  const snapshotBytes: number[] = [];
  await Promise.all(
    [...Array(n).keys()].map(async (i) => {
      await new Promise((r) => setTimeout(r, t0 + i * gap - Date.now()));
      const sent = Date.now();
      const res = await fetch(`${url}/api/join/${joinCode}`, {
        method: 'POST',
        headers: CSRF,
        body: JSON.stringify({
          name: `P ${i}`,
          company: `C${i % 200}`,
          interests: [0, 1, 2].map((j) => TAGS[(i + j * 7) % 40]),
          acceptPrivacy: true,
        }),
      }).catch((error: Error) => {
        failed(`join: ${error.message}`);
        return null;
      });
      http.push(Date.now() - sent);
      if (!res) return;
      if (!res.ok) {
        failed(`join: HTTP ${res.status}`);
        return;
      }
      const { token, me } = (await res.json()) as JoinResult;
      const phone: Phone = { id: me.id, socket: connect(url, { role: 'attendee', token }), held: new Map(), ended: new Set(), bytes: 0 };
      phones.push(phone);
      listen(phone, newsSizes);
      await new Promise<void>((resolve) => {
        phone.socket.once('snapshot', () => {
          inside.push(Date.now() - sent);
          snapshotBytes.push(phone.bytes);
          resolve();
        });
        phone.socket.once('connect_error', (error: Error) => {
          failed(`socket: ${error.message}`);
          resolve();
        });
      });
    }),
  );
  const lastInside = Date.now();
  const right = (w: Watch) => w.counts.joined === n && w.counts.online === n;
  const countsRight = await waitUntil(() => right(consoleWatch) && right(screenWatch), 10_000);
  const countsRightMs = countsRight ? Date.now() - lastInside : null;
  // what a phone got during the storm: until it ended and the counts settled
  await sleep(Math.max(0, 1000 - (Date.now() - lastInside)));
  const bytes = phones.map((p) => p.bytes);
  return {
    phones: phones.length,
    seconds: (lastInside - t0) / 1000,
    http: spread(http),
    inside: spread(inside),
    errors,
    errorKinds,
    bytesPerPhone: {
      mean: Math.round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length)),
      max: Math.max(0, ...bytes),
      snapshot: Math.round(snapshotBytes.reduce((a, b) => a + b, 0) / Math.max(1, snapshotBytes.length)),
    },
    countsRightMs,
  };
}

/** The first `taps` phones tap "I'm here", spread evenly over 10 s; each waits for its acknowledgement. */
async function arrivalStorm(
  phones: Phone[],
  taps: number,
  roundId: string,
  organizer: { bytes: number },
  screen: { bytes: number },
): Promise<StormFigures> {
  // phones that hold a group (one that never did is already counted as not holding)
  const tappers = phones.filter((p) => p.held.has(roundId)).slice(0, taps);
  // The round's own news to the console and the screen may still be on its way: it is not the storm's.
  await quiet(organizer, screen);
  const [organizer0, screen0, phones0] = [organizer.bytes, screen.bytes, sumBytes(phones)];
  let errors = 0;
  const gap = 10_000 / tappers.length;
  const t0 = Date.now();
  const acks = await Promise.all(
    tappers.map(async (phone, i) => {
      await new Promise((r) => setTimeout(r, t0 + i * gap - Date.now()));
      const sent = Date.now();
      const ack = (await phone.socket.timeout(30_000).emitWithAck('group:arrive', { groupId: phone.held.get(roundId)!.groupId })) as {
        data?: unknown;
      };
      if (!ack.data) errors++;
      return Date.now() - sent;
    }),
  );
  // Coalesced news may follow the last acknowledgement.
  await quiet(organizer, screen);
  return {
    taps: tappers.length,
    ack: spread(acks),
    errors,
    screenBytes: screen.bytes - screen0,
    consoleBytes: organizer.bytes - organizer0,
    phoneBytes: sumBytes(phones) - phones0,
  };
}

/** Resolves once the console and the screen have received nothing for a second. */
async function quiet(organizer: { bytes: number }, screen: { bytes: number }): Promise<void> {
  let last = -1;
  await waitUntil(async () => {
    const now = organizer.bytes + screen.bytes;
    if (now === last) return true;
    last = now;
    await new Promise((r) => setTimeout(r, 1000));
    return false;
  }, 10_000);
}

const sumBytes = (phones: Phone[]) => phones.reduce((a, p) => a + p.bytes, 0);

async function ok(res: Promise<Response>, what: string): Promise<unknown> {
  const answer = await res;
  if (!answer.ok) throw new Error(`${what} failed: ${answer.status} ${await answer.text()}`);
  return answer.json();
}
