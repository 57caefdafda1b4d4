import type { PublicEvent } from '@mingle/shared';
import type { MingleEvent } from '../events/event.entity';

/** What a phone may know of its event: no join-code secrets, no screen key. */
export function toPublicEvent(e: MingleEvent): PublicEvent {
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
  };
}
