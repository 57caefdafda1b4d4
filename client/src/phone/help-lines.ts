import type { Groupmate, MyProfile } from '@mingle/shared';
import { listText } from './profile-form';

/** One plain sentence about a groupmate's gives meeting my asks, or my gives meeting theirs. */
export interface HelpLine {
  id: string;
  text: string;
  /** their own line ("I review pitch decks"), if they wrote one */
  quote: string;
}

/** "Raising money" → "raising money"; "AI ethics" stays as written. */
export function topicText(topic: string): string {
  return /^[A-Z][a-z]/.test(topic) ? topic[0]!.toLowerCase() + topic.slice(1) : topic;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * What the phone says in a round: "Ana can help with raising money — you asked for that", and to Ana:
 * "Raj is looking for help with raising money". Groupmates who left are not mentioned.
 */
export function helpLines(me: Pick<MyProfile, 'gives' | 'asks'>, mates: readonly Groupmate[]): HelpLine[] {
  const out: HelpLine[] = [];
  for (const m of mates) {
    if (m.left) continue;
    const name = firstName(m.name);
    const offers = (m.gives ?? []).filter((t) => me.asks.includes(t)).map(topicText);
    const wants = (m.asks ?? []).filter((t) => me.gives.includes(t)).map(topicText);
    const quote = m.helpLine ?? '';
    if (offers.length) out.push({ id: `${m.id}-offers`, text: `${name} can help with ${listText(offers)} — you asked for that`, quote });
    if (wants.length)
      out.push({ id: `${m.id}-wants`, text: `${name} is looking for help with ${listText(wants)}`, quote: offers.length ? '' : quote });
  }
  return out;
}

/** People I met: "offered help with raising money", "looking for help with hiring" (no pronouns guessed). */
export function metHelpText(offered: readonly string[] = [], wanted: readonly string[] = []): string {
  const parts: string[] = [];
  if (offered.length) parts.push(`offered help with ${listText(offered.map(topicText))}`);
  if (wanted.length) parts.push(`looking for help with ${listText(wanted.map(topicText))}`);
  return parts.join('; ');
}
