import type { ColleagueNote } from '@mingle/shared';
import { i18n } from '../../i18n';

/** "2 colleague pairs: SunGrid has 5 people for 4 groups, Acme has 5 people and 1 more company", in the active language. */
export function colleagueNoteText(note: ColleagueNote | string): string {
  if (typeof note === 'string') return note; // a round planned before the note became data
  const t = i18n.global.t;
  const companies = note.companies.map((c, x) =>
    x === 0
      ? t('consoleLive.colleagues.companyFor', {
          name: c.name,
          people: t('consoleLive.colleagues.people', { n: c.people }, c.people),
          groups: t('consoleLive.colleagues.groups', { n: note.groups }, note.groups),
        })
      : t('consoleLive.colleagues.company', { name: c.name, people: t('consoleLive.colleagues.people', { n: c.people }, c.people) }),
  );
  const pairs = t('consoleLive.colleagues.pairs', { n: note.pairs }, note.pairs);
  if (!note.more) return t('consoleLive.colleagues.note', { pairs, companies: companies.join(', ') });
  const more = t('consoleLive.colleagues.more', { n: note.more }, note.more);
  return t('consoleLive.colleagues.noteMore', { pairs, companies: companies.join(', '), more });
}
