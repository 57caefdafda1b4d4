import { z } from 'zod';
import { line } from './text';
import type { ContactCard } from './attendees';

/** A series of events (a monthly meetup): people who choose to be remembered are not grouped with someone they met at an earlier one. */
export const seriesNameBody = z.strictObject({
  name: line('Series name').min(1, 'Give the series a name').max(80, 'Series name is at most 80 characters'),
});
export type SeriesNameBody = z.input<typeof seriesNameBody>;

export const seriesIdParam = z.strictObject({ seriesId: z.uuid('Not a series id') });

/** Put an event into one of my series, or take it out (null). */
export const eventSeriesBody = z.strictObject({ seriesId: z.uuid('Not a series id').nullable() });

/** "Remember me for this series": a token the phone kept from an earlier event, and optionally the email to recognise me by on a new phone. */
export const rememberBody = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'Not a series token')
    .optional(),
  email: line('Email')
    .max(254, 'Email is too long')
    .refine((v) => z.email().safeParse(v).success, 'Enter a valid email address')
    .optional(),
});
export type RememberBody = z.input<typeof rememberBody>;

export interface SeriesView {
  id: string;
  name: string;
  /** how many of the organizer's events are in it */
  events: number;
}

/** An event's series as the console shows it, with who comes back. */
export interface EventSeriesView {
  series: { id: string; name: string } | null;
  /** attendees recognised from an earlier event of the series */
  returning: number;
  /** pairs of this event's attendees who already met at an earlier event of the series */
  knownPairs: number;
}

/** What the join page says about the event's series, before joining. */
export interface JoinSeries {
  series: { id: string; name: string } | null;
}

export interface Remembered {
  /** the series token to keep on this phone; only when a new one was made (kept tokens are never sent back) */
  token: string | null;
  /** how this phone was recognised: its token, the email only (earlier contacts stay on the other phone), or new */
  by: 'token' | 'email' | 'new';
}

/** Someone I matched with at an earlier event of the series (only on the phone that holds the series token). */
export interface EarlierMatch {
  name: string;
  headline: string;
  company: string;
  /** the earlier event's name: "met at the March meetup" */
  eventName: string;
  matchedAt: string;
  card: ContactCard;
}
