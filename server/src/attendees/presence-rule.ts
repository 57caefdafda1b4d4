import type { MingleEvent } from '../events/event.entity';
import type { Attendee } from './attendee.entity';

const MINUTE = 60_000;
/** The shortest grace: a phone that sleeps for a few minutes in a short event still counts. */
export const MIN_GRACE_MS = 5 * MINUTE;
/** How often a node refreshes last_seen_at of the attendees connected to it. */
export const SEEN_REFRESH_MS = MINUTE;

/**
 * How long someone whose socket dropped still counts as here. A phone asleep in a pocket drops its
 * socket early in a round while its owner sits at the table; the next round starts a round and a
 * break later, so they must still count then.
 */
export function presenceGraceMs(event: Pick<MingleEvent, 'roundMinutes' | 'breakMinutes'>): number {
  return Math.max(MIN_GRACE_MS, (event.roundMinutes + event.breakMinutes) * MINUTE);
}

/**
 * Here, for grouping: active, and connected now, or connected before and seen within the grace.
 * Joining over HTTP alone never makes anyone present. (A socket that is online counts even before
 * its connected_at is written: that write follows the snapshot.)
 */
export function isPresent(
  a: Pick<Attendee, 'status' | 'connectedAt' | 'lastSeenAt'>,
  online: boolean,
  graceMs: number,
  now = Date.now(),
): boolean {
  if (a.status !== 'active') return false;
  return online || (a.connectedAt !== null && a.lastSeenAt >= now - graceMs);
}
