import { z } from 'zod';
import type { Ack } from './errors';
import type { MyProfile, OrganizerAttendee, PublicEvent } from './attendees';
import type { OrganizerEventView } from './events';

/** Handshake `auth` for each role; exactly one role per socket. */
export const handshakeAuth = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('attendee'), token: z.string().min(1).max(100) }),
  z.strictObject({ role: z.literal('organizer'), eventId: z.uuid() }),
  z.strictObject({ role: z.literal('screen'), eventId: z.uuid(), key: z.string().min(1).max(100) }),
]);
export type HandshakeAuth = z.infer<typeof handshakeAuth>;

/** A refused handshake: `connect_error` with `message` = code and `data` = this. */
export interface HandshakeRefusal {
  code: 'bad_request' | 'unauthorized' | 'removed' | 'not_found';
  message: string;
}

export interface Presence {
  joined: number;
  online: number;
  /** joined attendees per interest tag, in the event's tag order */
  interests: Array<{ tag: string; count: number }>;
}

/** The screen sees the room, never a person's contact details. */
export interface ScreenEvent {
  id: string;
  name: string;
  state: PublicEvent['state'];
  joinCode: string;
  joinUrl: string;
}

export type Snapshot =
  | { role: 'attendee'; serverTime: number; event: PublicEvent; me: MyProfile; presence: Presence }
  | { role: 'organizer'; serverTime: number; event: OrganizerEventView; attendees: OrganizerAttendee[]; presence: Presence }
  | { role: 'screen'; serverTime: number; event: ScreenEvent; presence: Presence };

/** News the server pushes. */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  'presence:changed': (presence: Presence) => void;
  /** to attendees */
  'event:changed': (event: PublicEvent) => void;
  /** to the organizer console */
  'console:event-changed': (event: OrganizerEventView) => void;
  'attendees:changed': (change: { upserted: OrganizerAttendee[]; removed: string[] }) => void;
  /** to the screen */
  'screen:event-changed': (event: ScreenEvent) => void;
  /** to an attendee whose profile changed elsewhere */
  'me:changed': (me: MyProfile) => void;
  /** the organizer removed this attendee; the server disconnects the socket right after */
  'me:removed': (info: { message: string }) => void;
  /** the screen secret was regenerated; the server disconnects the socket right after */
  'screen:revoked': (info: { message: string }) => void;
}

export const clockSyncBody = z.strictObject({ clientTime: z.number().finite() });

/** Commands go over HTTP; the socket carries only tiny messages like this one. */
export interface ClientToServerEvents {
  'clock:sync': (body: z.input<typeof clockSyncBody>, ack: (res: Ack<{ clientTime: number; serverTime: number }>) => void) => void;
}

export const SOCKET_PATH = '/socket.io';
/** Larger socket payloads are refused outright. */
export const MAX_SOCKET_PAYLOAD = 16 * 1024;
