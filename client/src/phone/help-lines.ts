import type { Groupmate, MyProfile } from '@mingle/shared';
import { currentLang, type Lang } from '../i18n';
import { listText } from './profile-form';
import { said, type Said } from './said';

/** One plain sentence about a groupmate's gives meeting my asks, or my gives meeting theirs. */
export interface HelpLine {
  id: string;
  said: Said;
  /** their own line ("I review pitch decks"), if they wrote one */
  quote: string;
}

/**
 * "Raising money" → "raising money" inside an English or Spanish sentence; "AI ethics" stays as
 * written, and German nouns keep their capital.
 */
export function topicText(topic: string, lang: Lang = currentLang()): string {
  if (lang === 'de') return topic;
  return /^[A-Z][a-z]/.test(topic) ? topic[0]!.toLowerCase() + topic.slice(1) : topic;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
const topicsText = (topics: readonly string[]) => listText(topics.map((t) => topicText(t)));

/**
 * What the phone says in a round: "Ana can help with raising money — you asked for that", and to Ana:
 * "Raj is looking for help with raising money". Groupmates who left are not mentioned.
 */
export function helpLines(me: Pick<MyProfile, 'gives' | 'asks'>, mates: readonly Groupmate[]): HelpLine[] {
  const out: HelpLine[] = [];
  for (const m of mates) {
    if (m.left) continue;
    const name = firstName(m.name);
    const offers = (m.gives ?? []).filter((t) => me.asks.includes(t));
    const wants = (m.asks ?? []).filter((t) => me.gives.includes(t));
    const quote = m.helpLine ?? '';
    if (offers.length) out.push({ id: `${m.id}-offers`, said: said('phone.help.offers', { name, topics: topicsText(offers) }), quote });
    if (wants.length)
      out.push({
        id: `${m.id}-wants`,
        said: said('phone.help.wants', { name, topics: topicsText(wants) }),
        quote: offers.length ? '' : quote,
      });
  }
  return out;
}

/** People I met: "offered help with raising money", "looking for help with hiring" (no pronouns guessed). */
export function metHelpText(offered: readonly string[] = [], wanted: readonly string[] = []): Said[] {
  const parts: Said[] = [];
  if (offered.length) parts.push(said('phone.help.offered', { topics: topicsText(offered) }));
  if (wanted.length) parts.push(said('phone.help.wanted', { topics: topicsText(wanted) }));
  return parts;
}
