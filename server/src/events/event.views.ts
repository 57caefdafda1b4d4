import type { EventListItem, EventView, OrganizerEventView, TeamRole } from '@mingle/shared';
import type { MingleEvent } from './event.entity';

/** The event as anyone of it may see it: settings and join code, never the screen key. */
export function toEventView(e: MingleEvent): EventView {
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
    breakMinutes: e.breakMinutes,
    mixMode: e.mixMode,
    separateColleagues: e.separateColleagues,
    spotLabels: e.spotLabels,
    icebreakers: e.icebreakers,
    privacyNote: e.privacyNote,
    helpOn: e.helpOn,
    helpTopics: e.helpTopics,
    screenBlockedWords: e.screenBlockedWords,
    language: e.language,
    joinCode: e.joinCode,
    state: e.state,
    createdAt: new Date(e.createdAt).toISOString(),
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

export const joinUrl = (publicUrl: string, e: MingleEvent) => `${publicUrl}/j/${e.joinCode}`;
export const screenUrl = (publicUrl: string, e: MingleEvent) => `${publicUrl}/screen/${e.id}?key=${encodeURIComponent(e.screenKey)}`;

/** Only the event's organizer gets the screen key and the links built from it. */
export function toOrganizerEventView(e: MingleEvent, publicUrl: string): OrganizerEventView {
  return { ...toEventView(e), screenKey: e.screenKey, joinUrl: joinUrl(publicUrl, e), screenUrl: screenUrl(publicUrl, e) };
}

export function toEventListItem(e: MingleEvent, attendeeCount: number, role: TeamRole): EventListItem {
  return { id: e.id, name: e.name, state: e.state, startsAt: e.startsAt, timeZone: e.timeZone, joinCode: e.joinCode, attendeeCount, role };
}
