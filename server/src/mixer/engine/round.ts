/** planRound: plan one round for the people present. */
import { EXACT_LIMIT, exactRound } from './exact';
import { buildModel, idsOf } from './model';
import { Rng } from './rng';
import { RoundSolver } from './round-solver';
import { groupSizes, sizesForK } from './sizes';
import { avoidViolations, indexStats } from './stats';
import type { EngineSettings, Pair, Person, RoundResult } from './types';

export interface PlanRoundInput {
  people: Person[];
  settings: EngineSettings;
  /** One entry per earlier meeting, oldest first. Pairs naming absent people are ignored. */
  history?: Pair[];
  /** Pairs never to be grouped together. */
  avoid?: Pair[];
  /** Pairs who met at an earlier event of the series (a tier below colleagues). */
  known?: Pair[];
}

export const DEFAULT_ROUND_TIME_MS = 2000;

export function planRound(input: PlanRoundInput): RoundResult {
  const t0 = Date.now();
  const { people, settings } = input;
  const m = buildModel(people, settings, input.history ?? [], input.avoid ?? [], input.known ?? []);
  const deadline = t0 + (settings.timeLimitMs ?? DEFAULT_ROUND_TIME_MS);
  const sizes = groupSizes(m.n, settings.groupSize);
  if (sizes.length === 0) {
    return {
      groups: [],
      reason: m.n === 0 ? 'nobody is present' : 'fewer than 2 people present: nobody can be grouped',
      stats: indexStats(m, [], Date.now() - t0),
    };
  }
  // Rule: avoid pairs are never grouped. If the standard number of groups cannot separate them,
  // try more (smaller) groups before giving up.
  for (let k = sizes.length; k <= Math.floor(m.n / 2); k++) {
    const groups =
      m.n <= EXACT_LIMIT ? exactRound(m, sizesForK(m.n, k)).groups : solveLarge(m, sizesForK(m.n, k), settings.seed ?? 1, deadline);
    if (avoidViolations(m, groups) === 0) {
      return { groups: idsOf(m, groups), stats: indexStats(m, [groups], Date.now() - t0) };
    }
    if (m.avoidCount === 0) break;
  }
  return {
    groups: [],
    reason: 'no grouping keeps all avoid pairs apart',
    stats: indexStats(m, [], Date.now() - t0),
  };
}

function solveLarge(m: ReturnType<typeof buildModel>, sizes: number[], seed: number, deadline: number): number[][] {
  const rng = new Rng(seed);
  return new RoundSolver(m, sizes, rng).solve({ sizes, rng, deadline });
}
