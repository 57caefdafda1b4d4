import { toCsv, type MetPerson } from '@mingle/shared';

/**
 * vCard 3.0 (what phones and contact apps import best), written by RFC 6350's text rules, which are
 * the same for 3.0: escaped text values, lines folded at 75 octets, CRLF line ends.
 */

/** A text value: backslash, comma and semicolon escaped, every line-break form as `\n`. */
export function vcardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value is not text-escaped; the characters that would end or split it are percent-encoded. */
const vcardUri = (value: string) => value.replace(/[\\,;\s]/g, (c) => encodeURIComponent(c));

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Folds one content line at 75 octets: continuation lines start with a space (which counts toward
 * their 75). Never splits a multi-byte character, nor an escape such as `\,`.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const piece of line.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    const n = octets(piece);
    if (size + n > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += piece;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** "Finn Berg" → family "Berg", given "Finn"; a single word is a given name ("Cher" → N:;Cher;;;). */
export function nameParts(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { family: '', given: words[0] ?? '' };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

export function toVCard(p: MetPerson, eventName: string): string {
  const card = p.card ?? {};
  const how = p.met.map((m) => `Round ${m.round}, ${m.spot}`).join('; ');
  const { family, given } = nameParts(p.name);
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vcardText(p.name)}`, `N:${vcardText(family)};${vcardText(given)};;;`];
  if (p.company) lines.push(`ORG:${vcardText(p.company)}`);
  if (p.headline) lines.push(`TITLE:${vcardText(p.headline)}`);
  if (card.email) lines.push(`EMAIL;TYPE=INTERNET:${vcardText(card.email)}`);
  if (card.phone) lines.push(`TEL:${vcardText(card.phone)}`);
  if (card.linkedin) lines.push(`URL:${vcardUri(card.linkedin)}`);
  if (card.website) lines.push(`URL:${vcardUri(card.website)}`);
  if (card.other) lines.push(`X-SOCIALPROFILE:${vcardText(card.other)}`);
  lines.push(`NOTE:${vcardText([`Met at ${eventName}${how ? ` (${how})` : ''}`, p.note].filter(Boolean).join('\n'))}`, 'END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The phone's "All as CSV": one row per match, formula-guarded by the shared cell rule. */
export function toConnectionsCsv(people: MetPerson[]): string {
  const header = ['name', 'headline', 'company', 'email', 'phone', 'linkedin', 'website', 'other', 'how we met', 'note'];
  const rows = people.map((p) => {
    const c = p.card ?? {};
    const how = p.met.map((m) => `Round ${m.round}, ${m.spot}`).join('; ');
    return [p.name, p.headline, p.company, c.email ?? '', c.phone ?? '', c.linkedin ?? '', c.website ?? '', c.other ?? '', how, p.note];
  });
  return toCsv([header, ...rows]);
}
