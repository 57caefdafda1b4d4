/** Public types of the Mingle grouping engine (pure, framework free). */

export type Mode = 'similar' | 'diverse';

export interface Person {
  id: string;
  interests?: string[];
  company?: string;
  /** Topics this person can help with (win-win: a give meeting someone's ask). */
  gives?: string[];
  /** Topics this person would love help with. */
  asks?: string[];
}

export interface EngineSettings {
  /** Target group size (2..50). Groups differ in size by at most 1 and never hold one person alone. */
  groupSize: number;
  /** 'similar' (default) groups people with shared interests, 'diverse' spreads interests. */
  mode?: Mode;
  /** Keep people of the same company apart where possible. */
  separateColleagues?: boolean;
  /** PRNG seed; same input and seed give the same plan (searches run on iteration budgets; the time limit is a safety cap). */
  seed?: number;
  /**
   * Step budget of the schedule search (swap evaluations; the design search gets a share): it decides
   * the result, so the same seed gives the same schedule on any machine. Without it the budget follows
   * from the time limit (STEPS_PER_MS in schedule.ts), low enough that the time limit stays a safety cap.
   */
  searchSteps?: number;
  /** Safety time limit for the search. */
  timeLimitMs?: number;
}

/** Two person ids. In a history list there is one entry per meeting, oldest first. */
export type Pair = [string, string];

export interface RoundInput {
  people: Person[];
  settings: EngineSettings;
  history?: Pair[];
  avoid?: Pair[];
  /** Pairs who met at an earlier event of the series: kept apart below this event's repeats and colleagues, above interests. */
  known?: Pair[];
}

export interface ScheduleInput extends RoundInput {
  rounds: number;
}

export interface PlanStats {
  /** Pair meetings in the plan where the two had already met (in history or an earlier planned round). */
  repeatPairs: number;
  /** Number of leading rounds without any repeat meeting (history counted). */
  repeatFreeRounds: number;
  /** Pairs inside groups from the same company (over all rounds). */
  colleaguePairs: number;
  /**
   * When colleagues are kept apart but a company has more people than there are groups, why the rule
   * could not be kept: "2 colleague pairs: SunGrid has 5 people for 4 groups" (the console words it).
   */
  colleagueNote?: ColleagueNote;
  /** Mean number of shared interests per pair inside groups. */
  meanSharedInterests: number;
  /** Gives meeting asks, when anybody has an ask (see HelpStats). */
  help?: HelpStats;
  /** Wall time spent planning. */
  ms: number;
}

/** Win-win figures of a plan: pairs in groups where one's give meets the other's ask, and asks met. */
export interface HelpStats {
  /** Pairs inside groups (over all rounds) where one person's give matches the other's ask. */
  matches: number;
  /** Asks (person x topic) met by a groupmate who gives it, at least once, history counted. */
  asksMet: number;
  /** All asks (person x topic) of the people in the plan. */
  asks: number;
}

export interface RoundResult {
  groups: string[][];
  reason?: string;
  stats: PlanStats;
}

export interface ScheduleResult {
  rounds: string[][][];
  reason?: string;
  stats: PlanStats;
}

/** Why colleagues share groups: companies with more people than there are groups (the largest three). */
export interface ColleagueNote {
  pairs: number;
  groups: number;
  companies: Array<{ name: string; people: number }>;
  more: number;
}
