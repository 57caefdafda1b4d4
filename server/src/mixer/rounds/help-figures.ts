import type { RoundHelpFigures } from '@mingle/shared';
import type { Round } from './round.entity';

/** One round's win-win counts, for the report: help matches made, and asks met at least once so far. */
export interface RoundHelpRow extends RoundHelpFigures {
  round: number;
}

/**
 * The win-win counts of an event's rounds, oldest first: only rounds grouped with gives and asks on
 * (counts only, never who asked for what). The report reads them from here.
 */
export function helpByRound(rounds: Array<Pick<Round, 'number' | 'figures'>>): RoundHelpRow[] {
  return rounds
    .filter((r) => r.figures.help)
    .sort((a, b) => a.number - b.number)
    .map((r) => ({ round: r.number, ...r.figures.help! }));
}
