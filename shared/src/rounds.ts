import { z } from 'zod';

export const ROUND_STATES = ['running', 'ended'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** What a groupmate may see of another: never a contact field. */
export interface Groupmate {
  id: string;
  name: string;
  headline: string;
  company: string;
  interests: string[];
  /** interests this person shares with the viewer */
  shared: string[];
  /** when the round uses gives and asks: what they can help with, would love help with, and their line */
  gives?: string[];
  asks?: string[];
  helpLine?: string;
  arrived: boolean;
  /** left the group during the round */
  left: boolean;
}

export interface RoundInfo {
  id: string;
  number: number;
  state: RoundState;
  startedAt: number;
  /** epoch ms on the server's clock; clients correct with their clock offset */
  endsAt: number;
  endedAt: number | null;
}

/** A phone's own assignment for the current round. */
export interface MyGroup {
  roundId: string;
  groupId: string;
  spot: string;
  icebreaker: string;
  /** interests the whole group has in common, else the ones most members share */
  sharedInterests: string[];
  members: Groupmate[];
  /** true when this person was moved here mid-round (late join or a group repaired) */
  moved: boolean;
  /** this person tapped "I'm here" */
  arrived: boolean;
}

export interface BoardEntry {
  /** first name and last initial, e.g. "Ana L." */
  name: string;
  spot: string;
}

export interface RoundFigures {
  people: number;
  groups: number;
  repeatPairs: number;
  meanSharedInterests: number;
  /** When the round used gives and asks: pairs in groups where one's give meets the other's ask, never who. */
  help?: RoundHelpFigures;
  /** When colleagues could not all be kept apart, why: the console words it ("2 colleague pairs: SunGrid has 5 people for 4 groups"). */
  colleagueNote?: ColleagueNote;
}

/** Why colleagues share groups: companies with more people than there are groups. */
export interface ColleagueNote {
  /** colleague pairs in the round's groups */
  pairs: number;
  /** the round's groups */
  groups: number;
  /** the largest such companies (up to three), largest first */
  companies: Array<{ name: string; people: number }>;
  /** how many more such companies there are */
  more: number;
}

/** Win-win counts of a round, for the live page and the report (counts only, never who asked for what). */
export interface RoundHelpFigures {
  /** pairs in this round's groups where one person's give meets the other's ask */
  matches: number;
  /** asks (person x topic) met by a groupmate who gives it at least once, this round and earlier ones */
  asksMet: number;
  /** all asks (person x topic) of the people grouped */
  asks: number;
}

export interface ConsoleGroup {
  id: string;
  spot: string;
  icebreaker: string;
  members: Array<{ id: string; name: string; company: string; arrived: boolean; left: boolean }>;
  missing: number;
}

export interface AutopilotView {
  state: 'off' | 'running' | 'paused';
  roundsLeft: number;
  roundMinutes: number;
  breakMinutes: number;
  /** when the next round starts by itself (server clock), or null */
  nextRoundAt: number | null;
}

export interface PastRound extends RoundInfo {
  figures: RoundFigures;
}

/** The round part of each role's snapshot. */
export interface AttendeeRoundState {
  round: RoundInfo | null;
  /** my group of the latest round: the running one, or the one that just ended (to swap before the next) */
  group: MyGroup | null;
  nextRoundAt: number | null;
  /** in a snapshot: groupmates whose phone is not connected now */
  offline?: string[];
}
export interface ScreenRoundState {
  round: RoundInfo | null;
  board: BoardEntry[];
  nextRoundAt: number | null;
}
export interface ConsoleRoundState {
  round: RoundInfo | null;
  groups: ConsoleGroup[];
  figures: RoundFigures | null;
  autopilot: AutopilotView;
  past: PastRound[];
}

export const startRoundBody = z.strictObject({
  minutes: z
    .number()
    .int('Must be a whole number')
    .min(1, 'Rounds last at least 1 minute')
    .max(60, 'Rounds last at most 60 minutes')
    .optional(),
});
export const extendRoundBody = z.strictObject({
  minutes: z.union([z.literal(1), z.literal(2), z.literal(5)], 'Extend by 1, 2 or 5 minutes'),
});
export const autopilotBody = z.strictObject({
  rounds: z.number().int('Must be a whole number').min(1, 'At least 1 round').max(50, 'At most 50 rounds'),
  roundMinutes: z.number().int('Must be a whole number').min(1, 'Rounds last at least 1 minute').max(60, 'Rounds last at most 60 minutes'),
  breakMinutes: z.number().int('Must be a whole number').min(0, 'Break cannot be negative').max(30, 'Break is at most 30 minutes'),
});
export type AutopilotBody = z.infer<typeof autopilotBody>;

/** Phone: take a break, come back. */
export const breakBody = z.strictObject({ away: z.boolean('Say whether you are away') });

/** Socket command: "I'm here" at the spot. */
export const arriveBody = z.strictObject({ groupId: z.uuid('Not a group id') });
