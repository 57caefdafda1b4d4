/** Seating one person into a running round (a late joiner, or someone whose group emptied): the rules in order. */
import { addTiers, compareTiers, noTiers, pairTiers, type RuleTiers } from './exact';
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
  /** Pairs who met at an earlier event of the series. */
  known?: Pair[];
  /** Groups already this large take nobody more. */
  maxSize: number;
}

/**
 * The group that takes the person: never one with an avoid pair, nor a full one; among the others the
 * one with the fewest (repeat pairs, colleague pairs, earlier meetings, pairs known from the series), then the most shared
 * interests (fewest in 'diverse' mode), then the smallest, then the first. -1 when none fits.
 */
export function chooseGroup(input: PlacementInput): number {
  const { person, groups } = input;
  const people = [person, ...groups.flat().filter((p) => p.id !== person.id)];
  const m = buildModel(people, input.settings, input.history ?? [], input.avoid ?? [], input.known ?? []);
  let best = -1;
  let bestTiers: RuleTiers | null = null;
  groups.forEach((group, g) => {
    const members = group.filter((p) => p.id !== person.id);
    if (members.length >= input.maxSize) return;
    const t = noTiers();
    for (const p of members) addTiers(t, pairTiers(m, 0, m.index.get(p.id)!));
    if (t.avoid > 0) return;
    const c = bestTiers ? compareTiers(t, bestTiers) || members.length - groups[best].filter((p) => p.id !== person.id).length : -1;
    if (c < 0) {
      best = g;
      bestTiers = t;
    }
  });
  return best;
}
