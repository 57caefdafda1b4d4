import type { RoundHelpFigures } from '@mingle/shared';

/** What the report is made from: the rows of one evening, read in a few queries (reports.service.ts). */
export interface Evening {
  rounds: Array<{ id: string; number: number; startedAt: number; endedAt: number | null; help?: RoundHelpFigures }>;
  groups: Array<{ id: string; roundId: string; position: number; spot: string }>;
  seats: Array<{ groupId: string; roundId: string; attendeeId: string }>;
  meetings: Array<{ a: string; b: string; roundNumber: number; groupId: string }>;
  people: Array<{ id: string; name: string; company: string; interests: string[]; status: string; connectedAt: number | null }>;
  /** when each swap was asked, as the unordered pair: never who asked */
  asks: Array<{ a: string; b: string; at: number }>;
  matches: Array<{ a: string; b: string }>;
  /** the event's interests as the organizer spelled them */
  eventInterests: string[];
}

/** `a` < `b` already (meetings and matches store pairs that way). */
export const pairKey = (a: string, b: string) => `${a}|${b}`;
