/** Seating one person into a running round (a late joiner, or someone whose group emptied): the rules in order. */
import { compareTiers, pairTiers, type RuleTiers } from './exact';
import { buildModel } from './model';
import type { EngineSettings, Pair, Person } from './types';

export interface PlacementInput {
  person: Person;
  /** The groups as they are seated now. */
  groups: Person[][];
  settings: EngineSettings;
  /** One entry per earlier meeting, oldest first. */
  history?: Pair[];
  avoid?: Pair[];
  /** Groups already this large take nobody more. */
  maxSize: number;
}

/**
 * The group that takes the person: never one with an avoid pair, nor a full one; among the others the
 * one with the fewest (repeat pairs, colleague pairs, earlier meetings), then the most shared
 * interests (fewest in 'diverse' mode), then the smallest, then the first. -1 when none fits.
 */
export function chooseGroup(input: PlacementInput): number {
  const { person, groups } = input;
  const people = [person, ...groups.flat().filter((p) => p.id !== person.id)];
  const m = buildModel(people, input.settings, input.history ?? [], input.avoid ?? []);
  let best = -1;
  let bestTiers: RuleTiers | null = null;
  groups.forEach((group, g) => {
    const members = group.filter((p) => p.id !== person.id);
    if (members.length >= input.maxSize) return;
    const t: RuleTiers = { avoid: 0, repeat: 0, colleague: 0, extra: 0, interest: 0, recency: 0 };
    for (const p of members) {
      const pt = pairTiers(m, 0, m.index.get(p.id)!);
      t.avoid += pt.avoid;
      t.repeat += pt.repeat;
      t.colleague += pt.colleague;
      t.extra += pt.extra;
      t.interest += pt.interest;
      t.recency += pt.recency;
    }
    if (t.avoid > 0) return;
    const c = bestTiers ? compareTiers(t, bestTiers) || members.length - groups[best].filter((p) => p.id !== person.id).length : -1;
    if (c < 0) {
      best = g;
      bestTiers = t;
    }
  });
  return best;
}
