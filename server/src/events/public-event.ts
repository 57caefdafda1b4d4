import { PUBLIC_EVENT_FIELDS, type PublicEvent } from '@mingle/shared';
import type { MingleEvent } from './event.entity';
import { toEventView } from './event.views';

const DAY = 24 * 60 * 60 * 1000;

/** What a phone may know of its event: the allow-listed settings, never the screen key. */
export function toPublicEvent(e: MingleEvent, retentionDays: number): PublicEvent {
  const view = toEventView(e);
  const shown = Object.fromEntries(PUBLIC_EVENT_FIELDS.map((key) => [key, view[key]])) as Pick<
    typeof view,
    (typeof PUBLIC_EVENT_FIELDS)[number]
  >;
  return {
    ...shown,
    contactsExpireAt: e.endedAt === null ? null : new Date(e.endedAt + retentionDays * DAY).toISOString(),
    contactsPurged: e.contactsPurgedAt !== null,
  };
}
