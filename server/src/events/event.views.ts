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

/**
 * What the event's team sees. Only the owner and hosts get the screen key and the link built from
 * it: its holder can open the projector's screen, and a viewer "changes nothing".
 */
export function toOrganizerEventView(e: MingleEvent, publicUrl: string, role: TeamRole): OrganizerEventView {
  const keys = role !== 'viewer';
  return {
    ...toEventView(e),
    screenKey: keys ? e.screenKey : null,
    joinUrl: joinUrl(publicUrl, e),
    screenUrl: keys ? screenUrl(publicUrl, e) : null,
  };
}

export function toEventListItem(e: MingleEvent, attendeeCount: number, role: TeamRole): EventListItem {
  return { id: e.id, name: e.name, state: e.state, startsAt: e.startsAt, timeZone: e.timeZone, joinCode: e.joinCode, attendeeCount, role };
}
