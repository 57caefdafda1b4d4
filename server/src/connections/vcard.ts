import type { MetPerson } from '@mingle/shared';

/** vCard 3.0 text escaping: backslash, comma, semicolon and newlines. */
const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

export function toVCard(p: MetPerson, eventName: string): string {
  const card = p.card ?? {};
  const how = p.met.map((m) => `Round ${m.round}, ${m.spot}`).join('; ');
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${esc(p.name)}`, `N:${esc(p.name)};;;;`];
  if (p.company) lines.push(`ORG:${esc(p.company)}`);
  if (p.headline) lines.push(`TITLE:${esc(p.headline)}`);
  if (card.email) lines.push(`EMAIL;TYPE=INTERNET:${esc(card.email)}`);
  if (card.phone) lines.push(`TEL:${esc(card.phone)}`);
  if (card.linkedin) lines.push(`URL:${esc(card.linkedin)}`);
  if (card.website) lines.push(`URL:${esc(card.website)}`);
  if (card.other) lines.push(`X-SOCIALPROFILE:${esc(card.other)}`);
  lines.push(`NOTE:${esc([`Met at ${eventName}${how ? ` (${how})` : ''}`, p.note].filter(Boolean).join('\n'))}`, 'END:VCARD');
  return lines.join('\r\n') + '\r\n';
}

/** A CSV cell: quoted, quotes doubled, and formula-leading characters neutralised for spreadsheets. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toConnectionsCsv(people: MetPerson[]): string {
  const header = ['name', 'headline', 'company', 'email', 'phone', 'linkedin', 'website', 'other', 'how we met', 'note'];
  const rows = people.map((p) => {
    const c = p.card ?? {};
    const how = p.met.map((m) => `Round ${m.round}, ${m.spot}`).join('; ');
    return [p.name, p.headline, p.company, c.email ?? '', c.phone ?? '', c.linkedin ?? '', c.website ?? '', c.other ?? '', how, p.note].map(csvCell).join(',');
  });
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
