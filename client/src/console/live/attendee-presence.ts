import type { OrganizerAttendee } from '@mingle/shared';
import { statusLabel } from './attendees-export';

/** Offline for longer than this is worth showing: a phone reconnecting after a blip is not. */
export const LONG_OFFLINE_MS = 60_000;

/** How long their last socket has been gone; null while online or if they never connected. */
export function offlineFor(a: OrganizerAttendee, now: number): number | null {
  if (a.online || a.offlineSince === null) return null;
  const since = Date.parse(a.offlineSince);
  return Number.isNaN(since) ? null : Math.max(0, now - since);
}

/** Here (active) and connected before, but offline for more than a minute. */
export function isLongOffline(a: OrganizerAttendee, now: number): boolean {
  return a.status === 'active' && (offlineFor(a, now) ?? 0) > LONG_OFFLINE_MS;
}

/** "Online", "Offline 3 min", "Never connected", or their status when not active. */
export function presenceLabel(a: OrganizerAttendee, now: number): string {
  if (a.status !== 'active') {
    const s = statusLabel(a.status);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  if (a.neverConnected) return 'Never connected';
  if (a.online) return 'Online';
  const ms = offlineFor(a, now) ?? 0;
  if (ms <= LONG_OFFLINE_MS) return 'Offline';
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60 ? `Offline ${minutes} min` : `Offline ${Math.floor(minutes / 60)} h`;
}
