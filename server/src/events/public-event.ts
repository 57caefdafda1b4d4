import type { PublicEvent } from '@mingle/shared';
import type { MingleEvent } from '../events/event.entity';

const DAY = 24 * 60 * 60 * 1000;

/** What a phone may know of its event: no join-code secrets, no screen key. */
export function toPublicEvent(e: MingleEvent, retentionDays: number): PublicEvent {
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    venue: e.venue,
    startsAt: e.startsAt,
    timeZone: e.timeZone,
    interests: e.interests,
    maxInterests: e.maxInterests,
    groupSize: e.groupSize,
    roundMinutes: e.roundMinutes,
    privacyNote: e.privacyNote,
    state: e.state,
    contactsExpireAt: e.endedAt === null ? null : new Date(e.endedAt + retentionDays * DAY).toISOString(),
    contactsPurged: e.contactsPurgedAt !== null,
  };
}
