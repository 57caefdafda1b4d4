import { randomUUID } from 'node:crypto';
import { spotLabel, type RoundFigures } from '@mingle/shared';
import type { MingleEvent } from '../../events/event.entity';
import { ordered } from '../../common/pair';
import type { Pair, Person, PlanStats } from '../engine/types';
import { icebreakerFor } from './icebreaker';
import { Group, GroupMember, Meeting, Round } from './round.entity';
import { sharedInterests } from './round.views';
import type { RoundRows } from './rounds.repository';

/** What a round is seated from: the event, its number, the groups, and what the engine knew then. */
export interface SeatedRound {
  event: MingleEvent;
  number: number;
  /** each group's people, in spot order, as the engine gave them */
  groups: string[][];
  /** everyone seated, by id (their interests name what a group shares) */
  people: Map<string, Pick<Person, 'interests'>>;
  /** the meetings before this round, to count its repeats */
  history: Pair[];
  stats: PlanStats;
  helpTopics: string[] | null;
}

/** How a round is written: running from `now` for `minutes`, or staged (written at `now`) with the key of its room. */
export type Written = { state: 'running'; now: number; minutes: number } | { state: 'staged'; now: number; roomKey: string };

/** The rows of a new round: the round, its groups with spot and icebreaker, who sits where, and every pair that meets. */
export function roundRows(s: SeatedRound, how: Written): RoundRows {
  const { event, number } = s;
  const { state, now } = how;
  const round: Round = Object.assign(new Round(), {
    id: randomUUID(),
    eventId: event.id,
    number,
    state,
    startedAt: now,
    endsAt: now + (how.state === 'running' ? how.minutes : event.roundMinutes) * 60_000,
    endedAt: null,
    figures: figuresOf(s.groups, s.history, s.stats, s.helpTopics !== null),
    helpTopics: s.helpTopics,
    roomKey: how.state === 'staged' ? how.roomKey : null,
  });
  const rows: RoundRows = { round, groups: [], members: [], meetings: [] };
  s.groups.forEach((ids, position) => {
    const shared = sharedInterests(ids.map((id) => ({ interests: s.people.get(id)?.interests ?? [] })));
    const group = Object.assign(new Group(), {
      id: randomUUID(),
      roundId: round.id,
      eventId: event.id,
      position,
      spot: spotLabel(event.spotLabels, position, event.language),
      icebreaker: icebreakerFor(event.icebreakers, number, position, shared, event.language),
    });
    rows.groups.push(group);
    for (const id of ids) rows.members.push(memberOf(group, id, now, false));
    rows.meetings.push(...meetingsOf(group, number, ids, []));
  });
  return rows;
}

export function memberOf(group: Group, attendeeId: string, joinedAt: number, moved: boolean): GroupMember {
  return Object.assign(new GroupMember(), {
    groupId: group.id,
    attendeeId,
    roundId: group.roundId,
    joinedAt,
    arrivedAt: null,
    leftAt: null,
    moved,
  });
}

/** The meetings of `ids` among themselves, or (when `others` are given) of each of `ids` with each of `others`. */
export function meetingsOf(group: Group, roundNumber: number, ids: string[], others: string[]): Meeting[] {
  const out: Meeting[] = [];
  const everyone = others.length ? others : ids;
  for (const x of ids)
    for (const y of everyone) {
      if (x === y || (!others.length && x > y)) continue;
      const [a, b] = ordered(x, y);
      out.push(Object.assign(new Meeting(), { roundId: group.roundId, a, b, eventId: group.eventId, roundNumber, groupId: group.id }));
    }
  return out;
}

const pairKey = (x: string, y: string) => ordered(x, y).join('|');

function figuresOf(groups: string[][], history: Pair[], stats: PlanStats, help: boolean): RoundFigures {
  const met = new Set(history.map(([a, b]) => pairKey(a, b)));
  const { meanSharedInterests, colleagueNote } = stats;
  let repeatPairs = 0;
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (met.has(pairKey(g[i]!, g[j]!))) repeatPairs++;
  return {
    people: groups.reduce((n, g) => n + g.length, 0),
    groups: groups.length,
    repeatPairs,
    meanSharedInterests: Math.round(meanSharedInterests * 100) / 100,
    ...(colleagueNote ? { colleagueNote } : {}),
    ...(help ? { help: stats.help ?? { matches: 0, asksMet: 0, asks: 0 } } : {}),
  };
}
