import type { TeamRole } from '@mingle/shared';

/** Room names: everyone of an event, each role of an event, and one attendee's own sockets. */
export const rooms = {
  event: (eventId: string) => `event:${eventId}`,
  attendees: (eventId: string) => `event:${eventId}:attendees`,
  console: (eventId: string) => `event:${eventId}:console`,
  /** the console sockets that may hold the screen key (owner and hosts; viewers never get it) */
  consoleKeys: (eventId: string) => `event:${eventId}:console:keys`,
  /** the viewers' console sockets: their event view has no screen key */
  consoleViewers: (eventId: string) => `event:${eventId}:console:viewers`,
  screen: (eventId: string) => `event:${eventId}:screen`,
  attendee: (attendeeId: string) => `attendee:${attendeeId}`,
  /** every console socket opened with one organizer session, on every node */
  session: (sessionId: string) => `session:${sessionId}`,
  /** one team member's console sockets of one event */
  member: (eventId: string, organizerId: string) => `event:${eventId}:member:${organizerId}`,
};

export type SocketData =
  | { role: 'attendee'; eventId: string; attendeeId: string }
  | { role: 'organizer'; eventId: string; organizerId: string; sessionId: string; teamRole: TeamRole }
  | { role: 'screen'; eventId: string };
