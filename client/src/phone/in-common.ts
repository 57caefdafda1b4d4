import type { Groupmate } from '@mingle/shared';
import { listText } from './profile-form';
import { said, type Said } from './said';

/** "Dev Okafor" → "Dev": how a groupmate is named in a sentence. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** What I share with one groupmate, said to me: "You and Dev both like Climate"; null when nothing. */
export function mateLine(mate: Pick<Groupmate, 'name' | 'shared'>): Said | null {
  if (!mate.shared.length) return null;
  return said('phone.common.mate', { name: firstName(mate.name), topics: listText(mate.shared) });
}

/**
 * The group-level line, only for what everyone at the spot shares (me and every groupmate still
 * there): "You all like Hiking". null when there is no such interest or I am on my own.
 */
export function groupLine(mates: ReadonlyArray<Pick<Groupmate, 'shared' | 'left'>>): Said | null {
  const here = mates.filter((m) => !m.left);
  if (here.length < 2) return null;
  // Each mate's `shared` is already what they share with me: everyone shares what all of them share with me.
  const all = here[0]!.shared.filter((t) => here.every((m) => m.shared.includes(t)));
  return all.length ? said('phone.common.group', { topics: listText(all) }) : null;
}
