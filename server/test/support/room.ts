import request from 'supertest';
import {
  myGroupFrom,
  withArrival,
  type AttendeeRoundState,
  type ConsoleGroup,
  type ConsoleRoundState,
  type GroupArrival,
  type GroupNews,
  type JoinResult,
  type MyGroup,
  type RoundInfo,
  type Snapshot,
} from '@mingle/shared';
import { join, openEvent, person } from './attendees';
import { connect, snapshotOf, type MingleClient } from './sockets';

export interface Phone {
  joined: JoinResult;
  socket: MingleClient;
}

/** An open event with `n` phones joined and connected, plus the organizer's console and a screen. */
export async function room(url: string, n: number, eventOverrides: object = {}, personFor: (i: number) => object = () => ({})) {
  const { org, event, cookie } = await openEvent(url, eventOverrides);
  const phones: Phone[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, async (_, k) => {
        const joined = await join(url, event.joinCode, person(personFor(i + k)));
        const socket = connect(url, { role: 'attendee', token: joined.token });
        await snapshotOf(socket);
        return { joined, socket };
      }),
    );
    phones.push(...batch);
  }
  const console_ = connect(url, { role: 'organizer', eventId: event.id }, cookie);
  const screen = connect(url, { role: 'screen', eventId: event.id, key: event.screenKey });
  await Promise.all([snapshotOf(console_), snapshotOf(screen)]);
  const close = () => [...phones.map((p) => p.socket), console_, screen].forEach((s) => s.disconnect());
  return { org, event, cookie, phones, console: console_, screen, close };
}

export const framesOf = <T = unknown>(socket: MingleClient, name: string): T[] =>
  socket.frames.filter(([e]) => e === name).map(([, p]) => p as T);

/** The round picture a console shows now: the last whole picture with every group change since applied. */
export const consoleRounds = (socket: MingleClient): ConsoleRoundState | null => {
  let state: ConsoleRoundState | null = null;
  for (const [e, p] of socket.frames) {
    if (e === 'console:rounds-changed') state = p as ConsoleRoundState;
    if (e === 'console:group-changed' && state) {
      const g = p as ConsoleGroup;
      state = { ...state, groups: state.groups.map((x) => (x.id === g.id ? g : x)) };
    }
  }
  return state;
};

/** Each round news a socket heard, in order: `round:changed`, and a phone's group news that starts a round. */
export const roundsHeard = (socket: MingleClient): Array<RoundInfo | null> =>
  socket.frames.flatMap(([e, p]) =>
    e === 'round:changed'
      ? [(p as { round: RoundInfo | null }).round]
      : e === 'group:changed' && (p as GroupNews).round
        ? [(p as GroupNews).round!]
        : [],
  );

/** The latest round a socket heard of (started, extended or ended). */
export const lastRound = (socket: MingleClient): RoundInfo | null => roundsHeard(socket).at(-1) ?? null;

/** Who this phone is, from its snapshot. */
const meOf = (socket: MingleClient): string =>
  (socket.frames.find(([e]) => e === 'snapshot')?.[1] as Extract<Snapshot, { role: 'attendee' }> | undefined)?.me.id ?? '';

/**
 * Each group a phone was given, as the phone shows it: its group's news (at a round start, with that
 * round; later, with the round as first heard), or an assignment of its own (placed or unseated mid-round).
 */
export const assignments = (socket: MingleClient): AttendeeRoundState[] => {
  const me = meOf(socket);
  const out: AttendeeRoundState[] = [];
  const heard = new Map<string, RoundInfo>();
  for (const r of roundsHeard(socket)) if (r && !heard.has(r.id)) heard.set(r.id, r);
  let round: RoundInfo | null = null;
  let current: string | null = null;
  for (const [e, p] of socket.frames) {
    if (e === 'round:changed') round = (p as { round: RoundInfo | null }).round;
    if (e === 'group:changed') round = heard.get((p as GroupNews).roundId) ?? round;
    if (e === 'round:assigned') {
      out.push(p as AttendeeRoundState);
      current = (p as AttendeeRoundState).group?.groupId ?? null;
    }
    const mine = e === 'group:changed' ? myGroupFrom(p as GroupNews, me) : null;
    if (mine && mine.groupId !== current) {
      out.push({ round, group: mine, nextRoundAt: null });
      current = mine.groupId;
    }
  }
  return out;
};

/** The group a phone shows now: from its snapshot and every round or group news since, as the phone applies them. */
export const lastGroup = (socket: MingleClient): MyGroup | null => {
  const me = meOf(socket);
  let group: MyGroup | null = null;
  for (const [e, p] of socket.frames) {
    if (e === 'snapshot') group = (p as { rounds: AttendeeRoundState }).rounds.group;
    if (e === 'round:assigned') group = (p as AttendeeRoundState).group;
    if (e === 'group:changed') group = myGroupFrom(p as GroupNews, me) ?? group;
    if (e === 'group:arrived' && group) group = withArrival(group, p as GroupArrival, me);
  }
  return group;
};

export const phoneHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'x-mingle-csrf': '1' });

export const phonePost = (url: string, token: string, path: string, body: object = {}) =>
  request(url).post(path).set(phoneHeaders(token)).send(body);
