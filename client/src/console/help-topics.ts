import { HELP_TOPICS_BY_LANGUAGE, type EventLanguage } from '@mingle/shared/events';

/** Topics as a language's defaults become the defaults of the new language; topics the organizer edited stay. */
export function helpTopicsFor(topics: string[], from: EventLanguage, to: EventLanguage): string[] {
  const defaults = HELP_TOPICS_BY_LANGUAGE[from];
  const untouched = topics.length === defaults.length && topics.every((topic, i) => topic === defaults[i]);
  return untouched ? [...HELP_TOPICS_BY_LANGUAGE[to]] : topics;
}
