import { ApiError } from '../common/api-error';
import type { MingleEvent } from '../events/event.entity';
import type { Attendee } from './attendee.entity';

type HelpField = 'gives' | 'asks';
const WHAT: Record<HelpField, string> = { gives: 'you can help with', asks: 'you would love help with' };

/**
 * Gives or asks must be topics of the event's own help list (any case), with gives and asks on; no
 * repeats. An empty list is always fine (both are optional). Bad input is a 400 that changes nothing.
 */
export function chooseHelpTopics(event: Pick<MingleEvent, 'helpOn' | 'helpTopics'>, picked: string[], field: HelpField): string[] {
  if (!picked.length) return [];
  if (!event.helpOn) {
    const message = 'This event does not use gives and asks';
    throw new ApiError(400, 'invalid_request', `${field}: ${message}`, { fields: { [field]: message } });
  }
  const byKey = new Map(event.helpTopics.map((t) => [t.toLowerCase(), t]));
  const chosen: string[] = [];
  for (const p of picked) {
    const topic = byKey.get(p.trim().toLowerCase());
    if (!topic) {
      const message = `"${p}" is not one of this event's topics`;
      throw new ApiError(400, 'invalid_request', `${field}: ${message}`, { fields: { [field]: message } });
    }
    if (!chosen.includes(topic)) chosen.push(topic);
  }
  if (chosen.length > 3) {
    const message = `Pick at most 3 topics ${WHAT[field]}`;
    throw new ApiError(400, 'invalid_request', `${field}: ${message}`, { fields: { [field]: message } });
  }
  return chosen;
}

/** A line is only kept with gives and asks on. */
export function chooseHelpLine(event: Pick<MingleEvent, 'helpOn'>, line: string): string {
  if (line && !event.helpOn) {
    const message = 'This event does not use gives and asks';
    throw new ApiError(400, 'invalid_request', `helpLine: ${message}`, { fields: { helpLine: message } });
  }
  return line;
}

export interface HelpPicks {
  gives: string[];
  asks: string[];
  helpLine: string;
}

/**
 * What of a person's gives and asks counts under a topic list (the event's, or a round's): topics
 * still on the list; nothing at all when the list is null (gives and asks off).
 */
export function helpPicks(topics: readonly string[] | null, a: Pick<Attendee, 'gives' | 'asks' | 'helpLine'>): HelpPicks {
  if (!topics) return { gives: [], asks: [], helpLine: '' };
  const on = new Set(topics);
  return { gives: (a.gives ?? []).filter((t) => on.has(t)), asks: (a.asks ?? []).filter((t) => on.has(t)), helpLine: a.helpLine ?? '' };
}

/** The topic list that counts for an event now: its list with gives and asks on, else null. */
export const helpTopicsOf = (event: Pick<MingleEvent, 'helpOn' | 'helpTopics'>): string[] | null =>
  event.helpOn ? event.helpTopics : null;
