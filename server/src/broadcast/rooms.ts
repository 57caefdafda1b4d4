/** Room names: everyone of an event, each role of an event, and one attendee's own sockets. */
export const rooms = {
  event: (eventId: string) => `event:${eventId}`,
  attendees: (eventId: string) => `event:${eventId}:attendees`,
  console: (eventId: string) => `event:${eventId}:console`,
  screen: (eventId: string) => `event:${eventId}:screen`,
  attendee: (attendeeId: string) => `attendee:${attendeeId}`,
  /** every console socket opened with one organizer session, on every node */
  session: (sessionId: string) => `session:${sessionId}`,
  /** one team member's console sockets of one event */
  member: (eventId: string, organizerId: string) => `event:${eventId}:member:${organizerId}`,
};

export type SocketData =
  | { role: 'attendee'; eventId: string; attendeeId: string }
  | { role: 'organizer'; eventId: string; organizerId: string; sessionId: string }
  | { role: 'screen'; eventId: string };
