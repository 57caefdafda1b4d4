import type { LiveAction } from './team';
import { z } from 'zod';
import type { Ack, ErrorParams } from './errors';
import { line } from './text';
import type { MyProfile, OrganizerAttendee, PublicEvent } from './attendees';
import type { EventView, OrganizerEventView } from './events';
import type { GroupArrival, GroupNews, GroupPresence } from './group-news';
import type {
  AttendeeRoundState,
  BoardEntry,
  ConsoleGroup,
  ConsoleRoundState,
  MyGroup,
  RoundInfo,
  ScreenRoundState,
  arriveBody,
} from './rounds';

/** Handshake `auth` for each role; exactly one role per socket. */
export const handshakeAuth = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('attendee'), token: line('Token').min(1).max(100) }),
  z.strictObject({ role: z.literal('organizer'), eventId: z.uuid() }),
  z.strictObject({ role: z.literal('screen'), eventId: z.uuid(), key: line('Screen key').min(1).max(100) }),
]);
export type HandshakeAuth = z.infer<typeof handshakeAuth>;

/**
 * A refused handshake: `connect_error` with `message` = code and `data` = this. `rate_limited` (after
 * `retryAfterMs`) and `unavailable` (the server cannot reach its database) mean "try again later";
 * the others are final.
 */
export type HandshakeRefusalCode =
  'bad_request' | 'unauthorized' | 'removed' | 'not_found' | 'event_deleted' | 'rate_limited' | 'unavailable';
export interface HandshakeRefusal {
  code: HandshakeRefusalCode;
  message: string;
  /** the message's variable parts, as in an HTTP error body (`variant` picks one of the code's messages) */
  params?: ErrorParams;
  retryAfterMs?: number;
}

/** Why the server closed a live socket; sent just before it disconnects. */
export interface ConnectionClosed {
  reason: 'logged_out' | 'session_expired' | 'event_deleted' | 'team_changed';
  message: string;
}

export interface Presence {
  joined: number;
  online: number;
  /** joined attendees per interest tag, in the event's tag order */
  interests: Array<{ tag: string; count: number }>;
}

/** What a phone shows of presence: the two counts, not the tags. */
export type RoomCounts = Pick<Presence, 'joined' | 'online'>;

/** The screen sees the room, never a person's contact details. */
export interface ScreenEvent {
  id: string;
  name: string;
  state: PublicEvent['state'];
  joinCode: string;
  joinUrl: string;
  /** the language the screen speaks */
  language: EventView['language'];
}

export type Snapshot =
  | { role: 'attendee'; serverTime: number; event: PublicEvent; me: MyProfile; presence: RoomCounts; rounds: AttendeeRoundState }
  | {
      role: 'organizer';
      serverTime: number;
      event: OrganizerEventView;
      attendees: OrganizerAttendee[];
      presence: Presence;
      rounds: ConsoleRoundState;
    }
  | { role: 'screen'; serverTime: number; event: ScreenEvent; presence: Presence; rounds: ScreenRoundState };

/** News the server pushes. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  /** to the console and the screen */
  'presence:changed': (presence: Presence) => void;
  /** to attendees, coalesced to one every few seconds */
  'counts:changed': (counts: RoomCounts) => void;
  /** to attendees */
  'event:changed': (event: PublicEvent) => void;
  /** to the organizer console */
  'console:event-changed': (event: OrganizerEventView) => void;
  'attendees:changed': (change: { upserted: OrganizerAttendee[]; removed: string[] }) => void;
  /** to the screen */
  'screen:event-changed': (event: ScreenEvent) => void;
  /** to an attendee whose profile changed elsewhere */
  'me:changed': (me: MyProfile) => void;
  /** this attendee was removed by the organizer or erased their data; the server disconnects right after */
  'me:removed': (info: { reason: 'removed' | 'erased'; message: string }) => void;
  /** the screen secret was regenerated; the server disconnects the socket right after */
  'screen:revoked': (info: { message: string }) => void;
  /** to any socket the server is about to close for good: its session ended or its event was deleted */
  'connection:closed': (info: ConnectionClosed) => void;
  /** to the console: who did a live action ("Round 3 started by Sam") */
  'console:action': (action: LiveAction) => void;

  /** to one phone: its own group when placed on its own mid-round, or none after it left its group */
  'round:assigned': (state: AttendeeRoundState) => void;
  /** to everyone of the event: a round changed (extended) or ended; a start, to all but the phones its group news told */
  'round:changed': (info: { round: RoundInfo | null; nextRoundAt: number | null }) => void;
  /** to a group's phones, once for all of them: their group at a round start (with the round), or after someone joined late or left */
  'group:changed': (group: GroupNews) => void;
  /** to a group's phones: someone tapped "I'm here" */
  'group:arrived': (arrival: GroupArrival) => void;
  /** to a group's phones: a member's phone dropped or came back (coalesced, once per group) */
  'group:presence': (presence: GroupPresence) => void;
  /** to the screen: the find-your-table board */
  'board:changed': (board: BoardEntry[]) => void;
  /** to both phones of a new mutual match, each with the other's shared card */
  'match:made': (news: import('./connections').MatchNews) => void;
  /** to the other phone of a match when what it shows changed (that person stopped sharing their card) */
  'match:changed': (news: import('./connections').MatchNews) => void;
  /** to the console: the whole round picture */
  'console:rounds-changed': (state: ConsoleRoundState) => void;
  /** to the console: one group of the running round changed (someone arrived); replaces the group with this id */
  'console:group-changed': (group: ConsoleGroup) => void;
  /** to the console: swaps were asked or matches made; the event's counts (never who asked whom) */
  'console:connections-changed': (stats: import('./connections').ConnectionStats) => void;
}

export const clockSyncBody = z.strictObject({ clientTime: z.number().finite() });

/** Commands go over HTTP; the socket carries only tiny messages like this one. */
export interface ClientToServerEvents {
  'clock:sync': (body: z.input<typeof clockSyncBody>, ack: (res: Ack<{ clientTime: number; serverTime: number }>) => void) => void;
  /** "I'm here" at the spot */
  'group:arrive': (body: z.input<typeof arriveBody>, ack: (res: Ack<MyGroup>) => void) => void;
}

export { SOCKET_PATH, MAX_SOCKET_PAYLOAD } from './realtime-constants';
