/**
 * The one catalog of field messages: every custom message of the shared zod schemas (and of the
 * server's own field checks) is one of these English templates. The API keeps sending the English
 * text in `fields` and adds `fieldCodes`: per dotted path, the template's key and its parameters, so
 * clients show the message in their own language (client/src/i18n/locales/<lang>/commonFields.json).
 *
 * Parameters: `{what}` is a field's English name ("Interest tag"), sent as its key ("interestTag",
 * see `fieldNameKey`); `{max}`, `{min}` and `{n}` are numbers; `{value}` is what the person typed.
 * Kept free of zod (types only) so the phone bundle stays small.
 */
import type { z } from 'zod';

export const FIELD_MESSAGES = {
  // Any text field
  controlCharacters: '{what} cannot contain control characters',
  singleLine: '{what} must be a single line',
  empty: '{what} cannot be empty',
  eachTooLong: 'Each {what} is at most {max} characters',
  tooLong: '{what} is at most {max} characters',
  linkedinUrl: 'Enter a full LinkedIn address starting with https://',
  websiteUrl: 'Enter a full website address starting with https://',
  fullUrl: 'Enter a full {what} address starting with https://',
  // People and their contact card
  nameRequired: 'Enter your name',
  nameMissing: 'Name is missing',
  emailTooLong: 'Email is too long',
  emailInvalid: 'Enter a valid email address',
  emailTaken: 'An account with this email already exists',
  phoneInvalid: 'Enter a phone number with digits, e.g. +44 20 7946 0958',
  passwordRequired: 'Enter your password',
  passwordTooShort: 'Password must be at least {min} characters',
  acceptPrivacy: 'Accept the privacy note to join',
  // Interests and gives/asks
  pickInterests: 'Pick your interests',
  pickOneInterest: 'Pick at least one interest',
  tooManyInterests: 'Too many interests',
  unknownInterest: 'Unknown interest',
  notAnInterest: '"{value}" is not one of this event\'s interests',
  pickAtMostInterests: 'Pick at most {n} interests',
  atMostInterests: 'At most {n} interests',
  pickTopics: 'Pick topics from the list',
  unknownTopic: 'Unknown topic',
  notATopic: '"{value}" is not one of this event\'s topics',
  pickAtMostGives: 'Pick at most {n} topics you can help with',
  pickAtMostAsks: 'Pick at most {n} topics you would love help with',
  atMostGives: 'At most {n} topics to help with',
  atMostAsks: 'At most {n} topics to get help with',
  helpOff: 'This event does not use gives and asks',
  // Event settings
  interestTagsList: 'Interest tags must be a list',
  tooManyInterestTags: 'Too many interest tags',
  atLeastInterestTags: 'Add at least {n} interest tags',
  atMostInterestTags: 'At most {n} interest tags',
  helpTopicsList: 'Help topics must be a list',
  tooManyHelpTopics: 'Too many help topics',
  atLeastHelpTopics: 'Add at least {n} help topic',
  atMostHelpTopics: 'At most {n} help topics',
  startsAt: 'Start must be a date and time with a time zone',
  unknownTimeZone: 'Unknown time zone',
  wholeNumber: 'Must be a whole number',
  atLeast: 'At least {min}',
  atMost: 'At most {max}',
  maxInterestsOverTags: 'Cannot be more than the number of interest tags',
  maxInterestsOverCount: 'Cannot be more than the {n} interest tags',
  groupSizeMin: 'Group size is at least {min}',
  groupSizeMax: 'Group size is at most {max}',
  roundMinutesMin: 'Rounds last at least {n} minute',
  roundMinutesMax: 'Rounds last at most {n} minutes',
  breakNegative: 'Break cannot be negative',
  breakMax: 'Break is at most {n} minutes',
  mixMode: 'Mix mode is similar or diverse',
  unknownState: 'Unknown event state',
  yesOrNo: 'Must be yes or no',
  atMostSpotLabels: 'At most {n} spot labels',
  atMostIcebreakers: 'At most {n} icebreakers',
  atMostBlockedWords: 'At most {n} blocked words',
  // Rounds, planner, moderation
  atLeastRounds: 'At least {n} round',
  atMostRounds: 'At most {n} rounds',
  extendBy: 'Extend by 1, 2 or 5 minutes',
  sayAway: 'Say whether you are away',
  peopleList: 'People must be a list',
  atLeastPeople: 'Add at least {n} people',
  atMostPeople: 'At most {n} people',
  sayHidden: 'Say whether they are hidden from the screen',
  nameOrHidden: 'Give a new name or whether they are hidden from the screen',
  listAttendees: 'List the attendees',
  pickOneAttendee: 'Pick at least one attendee',
  atMostAttendees: 'At most {n} attendees at once',
  // Contacts and team
  unknownContactField: 'Unknown contact field',
  tooManyFields: 'Too many fields',
  knowOrAvoid: 'Say "know" or "avoid"',
  hostOrViewer: 'Must be host or viewer',
  notAnInviteLink: 'Not an invite link',
  languageChoice: 'Language is en, de or es',
  seriesNameRequired: 'Give the series a name',
  notASeriesToken: 'Not a series token',
  notAJoinCode: 'Not a join code',
  notAnId: 'Not {what} id',
  // zod's own issues (no custom message): generic, with zod's parameters
  unknownField: 'Unknown field',
  tooSmall: 'Too small: at least {min}',
  tooBig: 'Too big: at most {max}',
  invalidType: 'Missing or of the wrong type',
  invalidFormat: 'Not in the expected format',
  invalidValue: 'Not one of the allowed values',
  invalid: 'Not valid',
} as const;

/** The keys of the field names that `{what}` carries (their English is in the schemas). */
export const FIELD_NAMES = [
  'name',
  'email',
  'phone',
  'password',
  'headline',
  'company',
  'interest',
  'topic',
  'helpLine',
  'otherHandle',
  'linkedin',
  'website',
  'joinCode',
  'token',
  'screenKey',
  'spotLabel',
  'icebreaker',
  'blockedWord',
  'helpTopic',
  'interestTag',
  'timeZone',
  'venue',
  'description',
  'note',
  'privacyNote',
  'event',
  'attendee',
  'organizer',
  'person',
  'group',
] as const;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;
export type FieldMessageParams = Record<string, string | number>;

/** A field message as a stable key with its parameters. */
export interface FieldCode {
  code: FieldMessageKey;
  params?: FieldMessageParams;
}

/** "Interest tag" → "interestTag", "an event" → "event": how a field's name travels as a parameter. */
export function fieldNameKey(name: string): string {
  const words = name
    .replace(/^(an?|the) /i, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
}

const NUMBER_PARAMS = new Set(['max', 'min', 'n']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MATCHERS = (Object.entries(FIELD_MESSAGES) as Array<[FieldMessageKey, string]>).map(([code, template]) => {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = part.match(/^\{(\w+)\}$/);
      if (!m) return escape(part);
      names.push(m[1]!);
      return NUMBER_PARAMS.has(m[1]!) ? '(\\d+)' : m[1] === 'what' ? '([A-Za-z][A-Za-z ]*?)' : '(.*)';
    })
    .join('');
  return { code, names, re: new RegExp(`^${source}$`) };
});

/** The key and parameters of an English field message of the catalog, or null for any other text. */
export function fieldCodeOf(message: string): FieldCode | null {
  for (const { code, names, re } of MATCHERS) {
    const m = re.exec(message);
    if (!m) continue;
    if (!names.length) return { code };
    const params: FieldMessageParams = {};
    names.forEach((name, i) => {
      const value = m[i + 1]!;
      params[name] = NUMBER_PARAMS.has(name) ? Number(value) : name === 'what' ? fieldNameKey(value) : value;
    });
    return { code, params };
  }
  return null;
}

/** The catalog's English text for a key (what the schemas and the server say). */
export function fieldMessage(code: FieldMessageKey, params: FieldMessageParams = {}): string {
  return FIELD_MESSAGES[code].replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

/** A zod issue as a field code: its message's key in the catalog, else a generic code with zod's numbers. */
export function zodFieldCode(issue: z.core.$ZodIssue): FieldCode {
  const known = fieldCodeOf(issue.message);
  if (known) return known;
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'unknownField' };
    case 'too_small':
      return { code: 'tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { code: 'tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { code: 'invalidType' };
    case 'invalid_format':
      return { code: 'invalidFormat' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalidValue' };
    default:
      return { code: 'invalid' };
  }
}
