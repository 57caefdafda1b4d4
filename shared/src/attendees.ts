import { z } from 'zod';
import { line } from './text';
import type { EventView, PUBLIC_EVENT_FIELDS } from './events';

const optionalText = (what: string, max: number) => line(what).max(max, `${what} is at most ${max} characters`);

const httpsUrl = (what: string, host?: RegExp) =>
  line(what)
    .max(300, `${what} is at most 300 characters`)
    .refine((v) => {
      if (!v) return true;
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && (!host || host.test(u.hostname));
      } catch {
        return false;
      }
    }, `Enter a full ${what} address starting with https://`);

/** Every field optional; an empty string means "not given". */
export const contactCard = z.strictObject({
  email: line('Email')
    .max(254, 'Email is too long')
    .toLowerCase()
    .refine((v) => !v || z.email().safeParse(v).success, 'Enter a valid email address')
    .optional(),
  phone: line('Phone')
    .max(30, 'Phone is at most 30 characters')
    .refine((v) => !v || /^\+?[0-9][0-9 ()\-.]{5,28}$/.test(v), 'Enter a phone number with digits, e.g. +44 20 7946 0958')
    .optional(),
  linkedin: httpsUrl('LinkedIn', /(^|\.)linkedin\.com$/).optional(),
  website: httpsUrl('website').optional(),
  other: optionalText('Other handle', 80).optional(),
});
export type ContactCard = z.infer<typeof contactCard>;
export { CONTACT_FIELDS, CONTACT_PROMISE, type ContactField } from './texts';

export const profileFields = {
  name: line('Name').min(1, 'Enter your name').max(40, 'Name is at most 40 characters'),
  headline: optionalText('Headline', 80),
  company: optionalText('Company', 80),
  interests: z
    .array(line('Interest').max(40, 'Unknown interest'), 'Pick your interests')
    .min(1, 'Pick at least one interest')
    .max(60, 'Too many interests'),
  card: contactCard,
  gives: z.array(line('Topic').max(40, 'Unknown topic'), 'Pick topics from the list').max(3, 'Pick at most 3 topics you can help with'),
  asks: z
    .array(line('Topic').max(40, 'Unknown topic'), 'Pick topics from the list')
    .max(3, 'Pick at most 3 topics you would love help with'),
  helpLine: optionalText('Help line', 80),
};

export const joinBody = z.strictObject({
  name: profileFields.name,
  headline: profileFields.headline.optional(),
  company: profileFields.company.optional(),
  interests: profileFields.interests,
  card: profileFields.card.optional(),
  gives: profileFields.gives.optional(),
  asks: profileFields.asks.optional(),
  helpLine: profileFields.helpLine.optional(),
  acceptPrivacy: z.literal(true, 'Accept the privacy note to join'),
});
export type JoinBody = z.input<typeof joinBody>;

export const updateProfileBody = z.strictObject({
  name: profileFields.name.optional(),
  headline: profileFields.headline.optional(),
  company: profileFields.company.optional(),
  interests: profileFields.interests.optional(),
  card: profileFields.card.optional(),
  gives: profileFields.gives.optional(),
  asks: profileFields.asks.optional(),
  helpLine: profileFields.helpLine.optional(),
});
export type UpdateProfileBody = z.input<typeof updateProfileBody>;

export const joinCodeParam = z.strictObject({ code: line('Join code').max(20, 'Not a join code') });
export const attendeeIdParam = z.strictObject({ id: z.uuid('Not an event id'), attendeeId: z.uuid('Not an attendee id') });

/** The organizer's moderation of one attendee: rename them, or hide them from the screen's board (or show them again). */
export const moderateAttendeeBody = z
  .strictObject({
    name: profileFields.name.optional(),
    hiddenFromScreen: z.boolean('Say whether they are hidden from the screen').optional(),
  })
  .refine((b) => b.name !== undefined || b.hiddenFromScreen !== undefined, 'Give a new name or whether they are hidden from the screen');

/** The most attendees one bulk action (remove, leave out) names. */
export const MAX_BULK_ATTENDEES = 1000;
/** Organizer: several attendees at once (remove them, leave them out of the next rounds). */
export const attendeeIdsBody = z.strictObject({
  attendeeIds: z
    .array(z.uuid('Not an attendee id'), 'List the attendees')
    .min(1, 'Pick at least one attendee')
    .max(MAX_BULK_ATTENDEES, `At most ${MAX_BULK_ATTENDEES} attendees at once`),
});
export type AttendeeIdsBody = z.input<typeof attendeeIdsBody>;
/** Who a bulk action changed; ids of other events, or already changed, are left out. */
export interface AttendeesRemoved {
  removed: string[];
}
export interface AttendeesLeftOut {
  away: string[];
}

/** active: here and grouped; away: on a break; left: left the event; removed: removed by the organizer. */
export type AttendeeStatus = 'active' | 'away' | 'left' | 'removed' | 'erased';

/** The attendee's own profile, card included: only ever sent to that attendee. */
export interface MyProfile {
  id: string;
  name: string;
  headline: string;
  company: string;
  interests: string[];
  card: ContactCard;
  /** what I can help with, what I would love help with (topics of the event's list), and a short line */
  gives: string[];
  asks: string[];
  helpLine: string;
  status: AttendeeStatus;
  joinedAt: string;
}

/** What the organizer sees of an attendee: never a contact field. */
export interface OrganizerAttendee {
  id: string;
  name: string;
  headline: string;
  company: string;
  interests: string[];
  status: AttendeeStatus;
  /** a socket of theirs is connected now */
  online: boolean;
  /** joined but their phone never connected: not here, never grouped */
  neverConnected: boolean;
  /** when their last socket dropped (ISO); null while online or if they never connected */
  offlineSince: string | null;
  joinedAt: string;
  /** the organizer hid them from the screen's board */
  hiddenFromScreen: boolean;
  /** the word of their name that keeps it off the screen (built-in list or the event's own), or null */
  nameFlag: string | null;
}

/** What a phone needs to know about the event it joins (no secrets). */
export type PublicEvent = Pick<EventView, (typeof PUBLIC_EVENT_FIELDS)[number]> & {
  /** after the event ends, when contact details will be deleted (ISO), or null */
  contactsExpireAt: string | null;
  /** true once the retention period passed and contact details were deleted */
  contactsPurged: boolean;
};

export interface JoinResult {
  token: string;
  me: MyProfile;
  event: PublicEvent;
}

export interface MeResult {
  me: MyProfile;
  event: PublicEvent;
}
