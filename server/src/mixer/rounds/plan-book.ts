import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Pair, Person, EngineSettings, PlanStats } from '../engine/types';
import { planStats } from '../engine/stats';
import type { RoundPlan } from './round.entity';
import type { Seating } from './seating-input';
import { RoundsRepository } from './rounds.repository';
import { PlannerClosedError, RoundPlanner } from '../planner/round-planner';

/** A planned round that fits the room, its stats, and the plan it came from. */
export interface Booked {
  groups: string[][];
  stats: PlanStats;
  plan: RoundPlan;
}

/** How many rounds are planned together when no autopilot says how many are left. */
export const DEFAULT_LOOK_AHEAD = 8;

/**
 * Keeps the next rounds planned together for a stable room. A round start takes the next planned
 * round only when the room is the one it was planned for: the same people (with the same companies
 * and interests), the same avoid pairs and settings, and exactly the meetings it was planned after.
 * Otherwise (someone came or went, a late joiner met a group, a profile or a setting changed) the
 * booked plan is never used as is: the engine plans that round alone, and the plan is made again.
 */
@Injectable()
export class PlanBook {
  private readonly log = new Logger('PlanBook');

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly planner: RoundPlanner,
  ) {}

  /** The next planned round, if the plan still fits the room; it stays booked until `advance`. */
  async next(eventId: string, people: Person[], settings: EngineSettings, room: Seating): Promise<Booked | null> {
    const plan = await this.rounds.plan(eventId);
    if (!plan || plan.meetingsCount !== room.history.length || plan.peopleKey !== keyOf(people, settings, room)) return null;
    const groups = plan.rounds[0];
    if (!groups || !fitsRoom(groups, people, room.avoid)) return null;
    // a plan saved without stats (older rows) gets them counted now
    const stats = plan.stats?.[0] ?? planStats(people, [groups], room.history, 0, settings.separateColleagues);
    return { groups, stats, plan };
  }

  /** The booked round was used: the rest of its plan now starts after its meetings (unless the plan was made again meanwhile). */
  async advance({ plan }: Booked, people: Person[], settings: EngineSettings, room: Seating): Promise<void> {
    await this.rounds.advancePlan(plan, {
      rounds: plan.rounds.slice(1),
      stats: plan.stats?.slice(1) ?? null,
      meetingsCount: room.history.length,
      peopleKey: keyOf(people, settings, room),
    });
  }

  /** Runs after a round start's answer (never fails: a missing plan only means the next start plans alone); the result waits in the database. */
  async prepare(eventId: string, people: Person[], settings: EngineSettings, room: Seating, rounds: number): Promise<void> {
    if (rounds < 1 || people.length < 2) {
      await this.rounds
        .dropPlan(eventId)
        .catch((error: Error) => this.log.warn(`dropping the plan of ${eventId} failed: ${error.message}`));
      return;
    }
    await this.planner
      .planAhead({ people, settings, rounds, ...room })
      .then((result) =>
        this.rounds.savePlan({
          eventId,
          peopleKey: keyOf(people, settings, room),
          meetingsCount: room.history.length,
          rounds: result.rounds,
          stats: result.roundStats,
          createdAt: Date.now(),
        }),
      )
      .catch((error: Error) => {
        // closing: the next start (here or on another node) plans alone
        if (!(error instanceof PlannerClosedError)) this.log.warn(`planning ahead for ${eventId} failed: ${error.message}`);
      });
  }
}

const keyOf = (people: Person[], settings: EngineSettings, room: Seating) =>
  roomKey(people, settings, room.history.length, room.avoid, room.known);

/**
 * Everything a plan depends on (the seed aside), as one digest. The event's meetings count by their
 * number: they are only ever added (a late joiner's again are ignored), and a round seated other than
 * the plan said drops the plan, so for a plan the same count means the same meetings.
 */
export function roomKey(people: Person[], settings: EngineSettings, meetings: number, avoid: Pair[], known: Pair[] = []): string {
  const hash = createHash('sha256');
  // each person as stored (a company or interests typed differently count as a change: stricter, never wrong, and cheap at 5,000)
  const persons = people
    .map(
      (p) =>
        `${p.id}\u0001${p.company ?? ''}\u0001${(p.interests ?? []).join('\u0002')}` +
        (p.gives?.length || p.asks?.length ? `\u0001${(p.gives ?? []).join('\u0002')}\u0001${(p.asks ?? []).join('\u0002')}` : ''),
    )
    .sort();
  hash.update(persons.join('\u0003')).update('#');
  hash.update(`${settingsKey(settings)}#`);
  hash.update(pairsKey(avoid)).update('#');
  hash.update(String(meetings));
  // pairs known from the series (none: the key is what it always was)
  if (known.length) hash.update('#known#').update(pairsKey(known));
  return hash.digest('hex');
}

/** The settings a seating depends on (the seed aside), as text. */
export const settingsKey = (s: EngineSettings) => `${s.groupSize}|${s.mode ?? 'similar'}|${s.separateColleagues ? 1 : 0}`;

/** Pairs in one canonical order, each pair's ids in order: the same pairs make the same text. */
export const pairsKey = (pairs: Pair[]) =>
  pairs
    .map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`))
    .sort()
    .join(',');

/** Everyone present exactly once, nobody alone, no avoid pair together. */
export function fitsRoom(round: string[][], people: Person[], avoid: Pair[]): boolean {
  const present = new Set(people.map((p) => p.id));
  const seen = new Set<string>();
  const groupOf = new Map<string, number>();
  for (const [g, group] of round.entries()) {
    if (group.length < 2) return false;
    for (const id of group) {
      if (!present.has(id) || seen.has(id)) return false;
      seen.add(id);
      groupOf.set(id, g);
    }
  }
  return seen.size === present.size && avoid.every(([a, b]) => groupOf.get(a) !== groupOf.get(b));
}
