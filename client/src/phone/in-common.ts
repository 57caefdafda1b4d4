import type { Groupmate } from '@mingle/shared';
import { listText } from './profile-form';

/** "Dev Okafor" → "Dev": how a groupmate is named in a sentence. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** What I share with one groupmate, said to me: "You and Dev both like Climate"; '' when nothing. */
export function mateLine(mate: Pick<Groupmate, 'name' | 'shared'>): string {
  if (!mate.shared.length) return '';
  return `You and ${firstName(mate.name)} both like ${listText(mate.shared)}`;
}

/**
 * The group-level line, only for what everyone at the spot shares (me and every groupmate still
 * there): "You all like Hiking". '' when there is no such interest or I am on my own.
 */
export function groupLine(mates: ReadonlyArray<Pick<Groupmate, 'shared' | 'left'>>): string {
  const here = mates.filter((m) => !m.left);
  if (here.length < 2) return '';
  // Each mate's `shared` is already what they share with me: everyone shares what all of them share with me.
  const all = here[0]!.shared.filter((t) => here.every((m) => m.shared.includes(t)));
  return all.length ? `You all like ${listText(all)}` : '';
}
