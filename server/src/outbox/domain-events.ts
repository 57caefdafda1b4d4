/** How someone's place in a running round changed. */
export type GroupChange = 'arrival' | 'leaving' | 'placement';

/**
 * What happened, in the event's own words. Services publish these after their commit (the news
 * mappers turn them into socket messages); the follow-ups that must happen are recorded under the
 * same names in the write's transaction (the outbox) and carried out at least once.
 *
 * Payloads carry what the mappers need so that telling reads little; fields marked "in process" are
 * never written to the outbox (a follow-up rebuilds them from the database).
 *
 * The events whose payloads carry a feature's own records (a round, an attendee, an event) are added
 * to this map by that feature (`declare module` in its `*.events.ts`), so the outbox beneath the
 * features imports none of them: round.events.ts, attendee.events.ts, event.events.ts, connection.events.ts.
 */
export interface DomainEvents {
  /** someone arrived at, left, or was placed into a group of the running round; `memberIds`: who is in it now, when known */
  'group.changed': { eventId: string; roundId: string; groupId: string; attendeeId: string; change: GroupChange; memberIds?: string[] };

  /** their phone connected for the first time: placed in a running round */
  'attendee.joined': { eventId: string; attendeeId: string };
  /** back from a break: placed in a running round */
  'attendee.back': { eventId: string; attendeeId: string };
  /** on a break: out of their group */
  'attendee.away': { eventId: string; attendeeId: string };
  /** left the event: out of their group */
  'attendee.left': { eventId: string; attendeeId: string };
  /** removed by the organizer: their sockets dropped, out of their group */
  'attendee.removed': { eventId: string; attendeeId: string };
  /** erased their own data: their sockets dropped, out of their group */
  'attendee.erased': { eventId: string; attendeeId: string };

  /** the event ended: its autopilot stops and a running round ends */
  'event.ended': { eventId: string };
  'event.deleted': { eventId: string };
  /** a draft copied from another event: it joins that event's series too */
  'event.duplicated': { eventId: string; fromEventId: string; organizerId: string };
  'screens.revoked': { eventId: string };
  /** the autopilot started, paused, resumed, stopped or moved its next round */
  'autopilot.changed': { eventId: string };
  'session.ended': { sessionId: string; reason: 'logged_out' | 'session_expired' };
}

export type DomainEventName = keyof DomainEvents;
