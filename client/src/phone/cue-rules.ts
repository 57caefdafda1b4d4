import type { AttendeeRoundState } from '@mingle/shared';
import { said, type Said } from './said';

/** When the "1 minute left" cue fires: once, as the running round's clock passes this. */
export const MINUTE_LEFT_MS = 60_000;

/** The tab title while a started round waits for a hidden tab to be looked at: "● Table 3 — Round 2". */
export function roundTitle(spot: string | null, roundNumber: number): Said {
  return spot ? said('phone.cue.title', { spot, n: roundNumber }) : said('phone.cue.titleNoSpot', { n: roundNumber });
}

/**
 * Whether the phone should cue a round start: a running round it has not cued yet, with a group for
 * this phone. `seen` is the id of the last round this phone knew of (null before the first snapshot
 * was applied: opening the page in the middle of a round is not a "start").
 */
export function startedRound(seen: string | null | undefined, state: AttendeeRoundState): boolean {
  const round = state.round;
  if (seen === undefined || !round || round.state !== 'running' || round.id === seen) return false;
  return !!state.group && state.group.roundId === round.id;
}

/**
 * Whether the "1 minute left" cue is due: the round runs, is longer than a minute, and its clock is
 * now within the last minute (but not over).
 */
export function minuteLeftDue(remainingMs: number | null, roundMs: number): boolean {
  return remainingMs !== null && roundMs > MINUTE_LEFT_MS && remainingMs > 0 && remainingMs <= MINUTE_LEFT_MS;
}
