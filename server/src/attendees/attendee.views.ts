import { REMOVED_NAME, type MyProfile, type OrganizerAttendee } from '@mingle/shared';
import { offensiveWord } from '../moderation/name-check';
import type { Attendee } from './attendee.entity';

/**
 * The only functions that turn an attendee into what a party may see, one per audience.
 * Contact details appear in exactly one of them: the attendee's own profile.
 */
export function toMyProfile(a: Attendee): MyProfile {
  return {
    id: a.id,
    name: a.name,
    headline: a.headline,
    company: a.company,
    interests: a.interests,
    card: a.card,
    gives: a.gives,
    asks: a.asks,
    helpLine: a.helpLine,
    status: a.status,
    joinedAt: new Date(a.joinedAt).toISOString(),
  };
}

/** `blockedWords`: the event's own words that keep a name off the screen, besides the built-in list. */
export function toOrganizerAttendee(a: Attendee, online: boolean, blockedWords: readonly string[]): OrganizerAttendee {
  return {
    id: a.id,
    name: a.name,
    headline: a.headline,
    company: a.company,
    interests: a.interests,
    status: a.status,
    online,
    neverConnected: !online && a.connectedAt === null,
    offlineSince: online || a.connectedAt === null ? null : new Date(a.lastSeenAt).toISOString(),
    joinedAt: new Date(a.joinedAt).toISOString(),
    hiddenFromScreen: a.screenHidden,
    nameFlag: offensiveWord(a.name, blockedWords),
  };
}

/** The name others see in history (groups, people met, console): a removed person's is not kept. */
export const historyName = (a: Pick<Attendee, 'name' | 'status'>): string => (a.status === 'removed' ? REMOVED_NAME : a.name);
