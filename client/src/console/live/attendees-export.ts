import type { OrganizerAttendee } from '@mingle/shared';
import { toCsv } from '../planner/csv';

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

/** The attendees table as CSV: what the organizer already sees, never contact details. */
export function attendeesCsv(attendees: readonly OrganizerAttendee[]): string {
  return toCsv([
    ['name', 'company', 'headline', 'interests', 'status', 'joined'],
    ...attendees.map((a) => [a.name, a.company, a.headline, a.interests.join('; '), STATUS[a.status], a.joinedAt]),
  ]);
}
