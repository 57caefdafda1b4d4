import type { TeamRole } from './team';
import { z } from 'zod';
import { line as oneLine, text } from './text';

export const EVENT_STATES = ['draft', 'open', 'live', 'ended'] as const;
export type EventState = (typeof EVENT_STATES)[number];
export const MIX_MODES = ['similar', 'diverse'] as const;
export type MixMode = (typeof MIX_MODES)[number];
/** The languages an event can speak: its screen, its default icebreakers, its join page's fallback. */
export const EVENT_LANGUAGES = ['en', 'de', 'es'] as const;
export type EventLanguage = (typeof EVENT_LANGUAGES)[number];

/** Trim tags, drop empty ones and case-insensitive duplicates, keep the first spelling's order. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

const line = (what: string, max: number) =>
  oneLine(what).min(1, `${what} cannot be empty`).max(max, `${what} is at most ${max} characters`);

const interests = z
  .array(oneLine('Interest tag').max(40, 'Each interest tag is at most 40 characters'), 'Interest tags must be a list')
  .max(200, 'Too many interest tags')
  .transform(cleanTags)
  .pipe(
    z
      .array(z.string().max(40, 'Each interest tag is at most 40 characters'))
      .min(2, 'Add at least 2 interest tags')
      .max(60, 'At most 60 interest tags'),
  );

/** Win-win: the topics people can offer or look for, until the organizer edits them. */
export const DEFAULT_HELP_TOPICS = [
  'Hiring',
  'Looking for a job',
  'Investing',
  'Raising money',
  'Mentoring',
  'Looking for a mentor',
  'Finding a co-founder',
  'Finding customers',
  'Partnerships',
  'Advice on product',
  'Advice on marketing',
  'Advice on legal matters',
];

/** The topics an event starts with, in its language. */
export const HELP_TOPICS_BY_LANGUAGE: Record<EventLanguage, readonly string[]> = {
  en: DEFAULT_HELP_TOPICS,
  de: [
    'Personalsuche',
    'Jobsuche',
    'Investieren',
    'Kapital aufnehmen',
    'Mentoring',
    'Mentor:in finden',
    'Mitgründer:in finden',
    'Kundschaft finden',
    'Partnerschaften',
    'Rat zum Produkt',
    'Rat zum Marketing',
    'Rat in Rechtsfragen',
  ],
  es: [
    'Contratación',
    'Búsqueda de empleo',
    'Inversión',
    'Captar financiación',
    'Mentoría',
    'Encontrar mentor/a',
    'Encontrar cofundador/a',
    'Encontrar clientes',
    'Alianzas',
    'Consejo sobre producto',
    'Consejo sobre marketing',
    'Consejo legal',
  ],
};

const helpTopics = z
  .array(oneLine('Help topic').max(40, 'Each help topic is at most 40 characters'), 'Help topics must be a list')
  .max(200, 'Too many help topics')
  .transform(cleanTags)
  .pipe(
    z
      .array(z.string().max(40, 'Each help topic is at most 40 characters'))
      .min(1, 'Add at least 1 help topic')
      .max(30, 'At most 30 help topics'),
  );

/** ISO 8601 date-time with an explicit offset or Z, e.g. 2026-12-01T18:30:00+01:00 */
const startsAt = z.iso.datetime({ offset: true, message: 'Start must be a date and time with a time zone' });

export const eventFields = {
  name: line('Name', 120),
  description: text('Description').max(2000, 'Description is at most 2000 characters'),
  venue: oneLine('Venue').max(200, 'Venue is at most 200 characters'),
  startsAt: startsAt.nullable(),
  timeZone: oneLine('Time zone').max(64, 'Time zone is at most 64 characters').refine(isTimeZone, 'Unknown time zone'),
  interests,
  maxInterests: z.number().int('Must be a whole number').min(1, 'At least 1').max(20, 'At most 20'),
  groupSize: z.number().int('Must be a whole number').min(2, 'Group size is at least 2').max(8, 'Group size is at most 8'),
  roundMinutes: z.number().int('Must be a whole number').min(1, 'Rounds last at least 1 minute').max(60, 'Rounds last at most 60 minutes'),
  breakMinutes: z.number().int('Must be a whole number').min(0, 'Break cannot be negative').max(30, 'Break is at most 30 minutes'),
  mixMode: z.enum(MIX_MODES, 'Mix mode is similar or diverse'),
  separateColleagues: z.boolean('Must be yes or no'),
  spotLabels: z.array(line('Spot label', 40)).max(500, 'At most 500 spot labels'),
  icebreakers: z.array(line('Icebreaker', 200)).max(100, 'At most 100 icebreakers'),
  privacyNote: text('Privacy note').max(1000, 'Privacy note is at most 1000 characters'),
  /** Gives and asks: people say what they can help with and would love help with (off by default). */
  helpOn: z.boolean('Must be yes or no'),
  helpTopics,
  /** The organizer's own words a name on the screen must not contain (besides the built-in list). */
  screenBlockedWords: z.array(line('Blocked word', 40)).max(200, 'At most 200 blocked words'),
  /** The room's language: the screen speaks it, default icebreakers use it, the join page falls back to it. */
  language: z.enum(EVENT_LANGUAGES, 'Language is en, de or es'),
};

export const EVENT_DEFAULTS = {
  description: '',
  venue: '',
  startsAt: null,
  timeZone: 'UTC',
  maxInterests: 5,
  groupSize: 4,
  roundMinutes: 8,
  breakMinutes: 2,
  mixMode: 'similar',
  separateColleagues: true,
  spotLabels: [],
  icebreakers: [],
  privacyNote: '',
  helpOn: false,
  helpTopics: DEFAULT_HELP_TOPICS,
  screenBlockedWords: [],
  language: 'en',
} as const;

/** Every field may change in an edit; unknown fields are rejected. */
export const updateEventBody = z.strictObject(eventFields).partial();
export type UpdateEventBody = z.input<typeof updateEventBody>;

/** A new event needs a name and its interest tags; everything else has a default. */
export const createEventBody = updateEventBody
  .required({ name: true, interests: true })
  .refine((e) => e.maxInterests === undefined || e.maxInterests <= e.interests.length, {
    path: ['maxInterests'],
    message: 'Cannot be more than the number of interest tags',
  });
export type CreateEventBody = z.input<typeof createEventBody>;

/** Allowed state moves; `ended` is final. */
export const EVENT_TRANSITIONS: Record<EventState, readonly EventState[]> = {
  draft: ['open'],
  open: ['draft', 'live', 'ended'],
  live: ['open', 'ended'],
  ended: [],
};
export const changeStateBody = z.strictObject({ state: z.enum(EVENT_STATES, 'Unknown event state') });

export const eventIdParam = z.strictObject({ id: z.uuid('Not an event id') });

export interface EventView {
  id: string;
  name: string;
  description: string;
  venue: string;
  startsAt: string | null;
  timeZone: string;
  interests: string[];
  maxInterests: number;
  groupSize: number;
  roundMinutes: number;
  breakMinutes: number;
  mixMode: MixMode;
  separateColleagues: boolean;
  spotLabels: string[];
  icebreakers: string[];
  privacyNote: string;
  /** gives and asks are on: the profile asks for them and groups bring givers and askers together */
  helpOn: boolean;
  helpTopics: string[];
  screenBlockedWords: string[];
  /** the room's language (screen, default icebreakers, join page fallback) */
  language: EventLanguage;
  joinCode: string;
  state: EventState;
  createdAt: string;
  updatedAt: string;
}

/**
 * What the event's team sees: the event plus its join link and screen secret (never sent to
 * attendees). The screen key and link are null for a viewer: holding them opens the screen.
 */
export interface OrganizerEventView extends EventView {
  screenKey: string | null;
  joinUrl: string;
  screenUrl: string | null;
}

/** What phones may know of their event: an allow-list, so a new setting is never sent by accident. */
export const PUBLIC_EVENT_FIELDS = [
  'id',
  'name',
  'description',
  'venue',
  'startsAt',
  'timeZone',
  'interests',
  'maxInterests',
  'groupSize',
  'roundMinutes',
  'privacyNote',
  'helpOn',
  'helpTopics',
  'language',
  'state',
] as const satisfies ReadonlyArray<keyof EventView>;

export interface EventListItem {
  id: string;
  name: string;
  state: EventState;
  startsAt: string | null;
  timeZone: string;
  joinCode: string;
  attendeeCount: number;
  /** the caller's role in this event's team */
  role: TeamRole;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The word for a spot without an organizer's label, in the event's language. */
const TABLE_WORD: Record<EventLanguage, string> = { en: 'Table', de: 'Tisch', es: 'Mesa' };

/** The spot name for group n (0-based): the organizer's label, or "Table n+1" in the event's language. */
export function spotLabel(labels: readonly string[], index: number, language: EventLanguage = 'en'): string {
  return labels[index] ?? `${TABLE_WORD[language] ?? TABLE_WORD.en} ${index + 1}`;
}
