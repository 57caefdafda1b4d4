import type { OrganizerAttendee } from '@mingle/shared';
import { toCsv } from '../planner/csv';
import { instantToIso } from '../../lib/datetime';

const STATUS: Record<OrganizerAttendee['status'], string> = {
  active: 'here',
  away: 'on a break',
  left: 'left',
  removed: 'removed',
  erased: 'erased',
};

export function statusLabel(status: OrganizerAttendee['status']): string {
  return STATUS[status];
}

/** Whether their phone is connected as the file is made (at the end, when downloaded after "End event"). */
function connected(a: OrganizerAttendee): string {
  if (a.neverConnected) return 'never';
  return a.online ? 'yes' : 'no';
}

/** "2026-12-01 18:05:09" as the wall clock read in the event's zone (the zone is in the column's name). */
export function wallClock(iso: string | null, timeZone: string): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? '' : instantToIso(ms, timeZone).slice(0, 19).replace('T', ' ');
}

/** The attendees table as CSV: what the organizer already sees, never contact details; times in the event's zone. */
export function attendeesCsv(attendees: readonly OrganizerAttendee[], timeZone: string): string {
  return toCsv([
    ['name', 'company', 'headline', 'interests', 'status', 'connected', `offline since (${timeZone})`, `joined (${timeZone})`],
    ...attendees.map((a) => [
      a.name,
      a.company,
      a.headline,
      a.interests.join('; '),
      STATUS[a.status],
      connected(a),
      a.online ? '' : wallClock(a.offlineSince, timeZone),
      wallClock(a.joinedAt, timeZone),
    ]),
  ]);
}
