import type { LiveAction } from './team';
import type { EventState } from './events';
import type { RoundHelpFigures } from './rounds';

/**
 * The report of an evening (organizer only, owner of the event): what happened, in counts.
 *
 * Never contact details, never who asked whom: swaps asked appear only as counts, and the match
 * rate per interest is made from counts of pairs. Names appear only in the two "who sat where" and
 * "who met whom" downloads. Built to grow: later figures are added as optional fields (e.g. a
 * `help` block per round) so older consoles keep reading it.
 */
export interface EventReport {
  event: { id: string; name: string; state: EventState; startsAt: string | null; timeZone: string; endedAt: string | null };
  /** when the report was made (ISO): a live event's report is "so far" */
  madeAt: string;
  final: boolean;
  attendance: ReportAttendance;
  totals: ReportTotals;
  rounds: ReportRound[];
  /** one row per interest that at least one pair who met both chose, most pairs first */
  interests: ReportInterest[];
  /** who did what, oldest first (live actions of the team) */
  actions?: LiveAction[];
}

export interface ReportAttendance {
  /** everyone who joined (removed and erased people included: they did join) */
  joined: number;
  /** whose phone connected at least once */
  connected: number;
  /** removed by the organizer, left, or erased themselves */
  removed: number;
  left: number;
  erased: number;
}

export interface ReportTotals {
  rounds: number;
  /** one pair sharing a group in one round */
  meetings: number;
  /** distinct pairs who met at least once */
  pairsMet: number;
  swapsAsked: number;
  matches: number;
  /** matches / distinct pairs met, 0..1 (three decimals) */
  matchRate: number;
  /** with gives and asks on: help matches over all rounds, and asks met at least once of all asks (counts only) */
  help?: RoundHelpFigures;
}

export interface ReportRound {
  number: number;
  /** ISO times; `endedAt` null while it runs */
  startedAt: string;
  endedAt: string | null;
  /** minutes the round lasted (or has lasted so far), one decimal */
  minutes: number;
  /** distinct people seated in the round's groups (late joiners included) */
  present: number;
  groups: number;
  /** pairs sharing a group this round */
  meetings: number;
  /** pairs this round who had met in an earlier round */
  repeatPairs: number;
  /** pairs this round from the same company (compared without case and spaces) */
  colleaguePairs: number;
  /** interests a pair this round shares, on average (two decimals) */
  meanSharedInterests: number;
  /** swaps asked whose pair last met in this round before the ask */
  swapsAsked: number;
  /** pairs of this round who are matched (at any time) */
  matches: number;
  /** matches / meetings of this round, 0..1 (three decimals) */
  matchRate: number;
  /** rounds grouped with gives and asks on: help matches made, asks met so far (counts only) */
  help?: RoundHelpFigures;
}

export interface ReportInterest {
  interest: string;
  /** distinct pairs who met and both chose this interest */
  pairs: number;
  /** of those, how many matched */
  matches: number;
  matchRate: number;
}

/** The file names of the report's downloads. */
export const REPORT_FILES = {
  seating: 'who-sat-where.csv',
  meetings: 'who-met-whom.csv',
  figures: 'figures.csv',
} as const;

/** A person whose name is gone (they erased themselves), in the name-only downloads. */
export const ERASED_NAME = '(erased)';
