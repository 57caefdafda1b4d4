import type { ContactCard, ContactField, MyProfile } from '@mingle/shared';
import { CONTACT_FIELDS } from '@mingle/shared/texts';
import { currentLang, i18n, type Lang } from '../i18n';

export { CONTACT_FIELDS };

/** What the join and profile forms edit. Empty strings mean "not given". */
export interface ProfileDraft {
  name: string;
  headline: string;
  company: string;
  interests: string[];
  card: Record<ContactField, string>;
  /** gives and asks (topics of the event's list) and a short line; sent only when the event uses them */
  gives: string[];
  asks: string[];
  helpLine: string;
}

/** A contact field's label ("Email"), in the language in use. */
export const fieldLabel = (field: ContactField): string => i18n.global.t(`phone.fields.${field}`);

/** A contact field inside a sentence ("your email and LinkedIn"). */
export const fieldInSentence = (field: ContactField): string => i18n.global.t(`phone.sharingFields.${field}`);

export function emptyDraft(): ProfileDraft {
  return {
    name: '',
    headline: '',
    company: '',
    interests: [],
    card: { email: '', phone: '', linkedin: '', website: '', other: '' },
    gives: [],
    asks: [],
    helpLine: '',
  };
}

export function draftFrom(me: MyProfile): ProfileDraft {
  const card = emptyDraft().card;
  for (const f of CONTACT_FIELDS) card[f] = me.card[f] ?? '';
  return {
    name: me.name,
    headline: me.headline,
    company: me.company,
    interests: [...me.interests],
    card,
    gives: [...me.gives],
    asks: [...me.asks],
    helpLine: me.helpLine,
  };
}

interface DraftBody {
  name: string;
  headline: string;
  company: string;
  interests: string[];
  card: ContactCard;
  gives?: string[];
  asks?: string[];
  helpLine?: string;
}

/** The body to send; gives and asks only when the event uses them (`helpTopics` not null), and only topics still on its list. */
export function draftBody(d: ProfileDraft, helpTopics: readonly string[] | null = null): DraftBody {
  const card: ContactCard = {};
  for (const f of CONTACT_FIELDS) card[f] = d.card[f].trim();
  const body: DraftBody = {
    name: d.name.trim(),
    headline: d.headline.trim(),
    company: d.company.trim(),
    interests: [...d.interests],
    card,
  };
  if (!helpTopics) return body;
  const onList = (t: string) => helpTopics.includes(t);
  return { ...body, gives: d.gives.filter(onList), asks: d.asks.filter(onList), helpLine: d.helpLine.trim() };
}

/** The topics of an event that uses gives and asks, else null. */
export const helpTopicsOf = (event: { helpOn: boolean; helpTopics: string[] }): string[] | null => (event.helpOn ? event.helpTopics : null);

/** Quick checks before sending; the server has the last word and its messages win. */
export function checkDraft(d: ProfileDraft): Record<string, string> {
  const out: Record<string, string> = {};
  const t = i18n.global.t;
  if (!d.name.trim()) out.name = t('phone.form.nameNeeded');
  if (d.interests.length === 0) out.interests = t('phone.form.interestsNeeded');
  const li = d.card.linkedin.trim();
  if (li && !/^https?:\/\//i.test(li)) out['card.linkedin'] = t('phone.form.linkedinNeeded');
  const web = d.card.website.trim();
  if (web && !/^https?:\/\//i.test(web)) out['card.website'] = t('phone.form.websiteNeeded');
  return out;
}

/** The first message at this path or under it ("interests.2"). */
export function fieldError(fields: Record<string, string>, path: string): string {
  if (fields[path]) return fields[path];
  for (const [k, v] of Object.entries(fields)) if (k.startsWith(`${path}.`)) return v;
  return '';
}

/** A link for a card field, or null when it should show as plain text. */
export function cardHref(field: ContactField, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  switch (field) {
    case 'email':
      return `mailto:${v}`;
    case 'phone':
      return `tel:${v.replace(/[^+0-9]/g, '')}`;
    case 'linkedin':
    case 'website':
      return /^https?:\/\//i.test(v) ? v : null;
    default:
      return null;
  }
}

// British English: no comma before "and", as the phone always wrote it.
const LIST_LOCALES: Record<Lang, string> = { en: 'en-GB', de: 'de', es: 'es' };

/** "hiking", "hiking and AI", "hiking, AI and climate"; "Wandern, KI und Klima" in German. */
export function listText(items: readonly string[], lang: Lang = currentLang()): string {
  if (items.length <= 1) return items[0] ?? '';
  return new Intl.ListFormat(LIST_LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}

/** The messages without the ones at or under `path`. */
export function withoutError(fields: Record<string, string>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== path && !k.startsWith(`${path}.`)) out[k] = v;
  return out;
}
