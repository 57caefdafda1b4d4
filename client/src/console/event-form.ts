import { EVENT_DEFAULTS, createEventBody, type CreateEventBody, type EventLanguage, type EventView, type MixMode } from '@mingle/shared';
import { zodFields } from '../lib/form-errors';
import { i18n } from '../i18n';
import { browserTimeZone, isoToZonedLocal, zonedLocalToIso } from '../lib/datetime';

/** What the editor's inputs hold. Lists that are typed one per line stay text until saved. */
export interface EventForm {
  name: string;
  description: string;
  venue: string;
  /** Value of the datetime-local input, "2026-12-01T18:30", or "" for no start time. */
  startsLocal: string;
  timeZone: string;
  interests: string[];
  maxInterests: number | string;
  groupSize: number | string;
  roundMinutes: number | string;
  breakMinutes: number | string;
  mixMode: MixMode;
  separateColleagues: boolean;
  spotLabelsText: string;
  icebreakersText: string;
  privacyNote: string;
  helpOn: boolean;
  helpTopics: string[];
  /** Words a name on the screen must not contain, one per line. */
  screenBlockedWordsText: string;
  /** The room's language: screen, generated icebreakers, join page fallback. */
  language: EventLanguage;
}

const NUMBER_FIELDS = ['maxInterests', 'groupSize', 'roundMinutes', 'breakMinutes'] as const;

export function emptyForm(): EventForm {
  return {
    name: '',
    description: EVENT_DEFAULTS.description,
    venue: EVENT_DEFAULTS.venue,
    startsLocal: '',
    timeZone: browserTimeZone(),
    interests: [],
    maxInterests: EVENT_DEFAULTS.maxInterests,
    groupSize: EVENT_DEFAULTS.groupSize,
    roundMinutes: EVENT_DEFAULTS.roundMinutes,
    breakMinutes: EVENT_DEFAULTS.breakMinutes,
    mixMode: EVENT_DEFAULTS.mixMode,
    separateColleagues: EVENT_DEFAULTS.separateColleagues,
    spotLabelsText: '',
    icebreakersText: '',
    privacyNote: EVENT_DEFAULTS.privacyNote,
    helpOn: EVENT_DEFAULTS.helpOn,
    helpTopics: [...EVENT_DEFAULTS.helpTopics],
    screenBlockedWordsText: '',
    language: EVENT_DEFAULTS.language,
  };
}

export function formFromEvent(e: EventView): EventForm {
  return {
    name: e.name,
    description: e.description,
    venue: e.venue,
    startsLocal: e.startsAt ? isoToZonedLocal(e.startsAt, e.timeZone) : '',
    timeZone: e.timeZone,
    interests: [...e.interests],
    maxInterests: e.maxInterests,
    groupSize: e.groupSize,
    roundMinutes: e.roundMinutes,
    breakMinutes: e.breakMinutes,
    mixMode: e.mixMode,
    separateColleagues: e.separateColleagues,
    spotLabelsText: e.spotLabels.join('\n'),
    icebreakersText: e.icebreakers.join('\n'),
    privacyNote: e.privacyNote,
    helpOn: e.helpOn,
    helpTopics: [...e.helpTopics],
    screenBlockedWordsText: e.screenBlockedWords.join('\n'),
    language: e.language,
  };
}

/** The body paths an input of the form feeds: its messages go stale when it changes. */
export function pathsOfInput(key: keyof EventForm): string[] {
  if (key === 'startsLocal') return ['startsAt'];
  if (key === 'spotLabelsText') return ['spotLabels'];
  if (key === 'icebreakersText') return ['icebreakers'];
  // The limit on picks is checked against the tags.
  if (key === 'interests') return ['interests', 'maxInterests'];
  return [key];
}

/** One entry per non-empty line. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function toNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function bodyFromForm(f: EventForm): CreateEventBody {
  return {
    name: f.name,
    description: f.description,
    venue: f.venue,
    startsAt: f.startsLocal ? (zonedLocalToIso(f.startsLocal, f.timeZone) ?? f.startsLocal) : null,
    timeZone: f.timeZone,
    interests: [...f.interests],
    maxInterests: toNumber(f.maxInterests),
    groupSize: toNumber(f.groupSize),
    roundMinutes: toNumber(f.roundMinutes),
    breakMinutes: toNumber(f.breakMinutes),
    mixMode: f.mixMode,
    separateColleagues: f.separateColleagues,
    spotLabels: lines(f.spotLabelsText),
    icebreakers: lines(f.icebreakersText),
    privacyNote: f.privacyNote,
    helpOn: f.helpOn,
    helpTopics: [...f.helpTopics],
    screenBlockedWords: lines(f.screenBlockedWordsText),
    language: f.language,
  };
}

/**
 * Checks the body with the same schema the server uses, so most mistakes show before a round trip.
 * Returns messages by dotted path; empty when the body is fine.
 */
export function checkBody(body: CreateEventBody): Record<string, string> {
  const parsed = createEventBody.safeParse(body);
  const fields = parsed.success ? {} : zodFields(parsed.error);
  for (const key of NUMBER_FIELDS) {
    if (Number.isNaN(body[key])) fields[key] = i18n.global.t('console.form.enterNumber');
  }
  // Too few tags is one cause: "more than the number of tags" on the limit would say it twice.
  if (Object.keys(fields).some((key) => key === 'interests' || key.startsWith('interests.'))) {
    // The schema's only custom check on the limit is "not more than the number of tags" (whatever the language).
    const onlyTooMany = !parsed.success && parsed.error.issues.some((i) => i.path[0] === 'maxInterests' && i.code === 'custom');
    if (onlyTooMany) delete fields.maxInterests;
  }
  return fields;
}
