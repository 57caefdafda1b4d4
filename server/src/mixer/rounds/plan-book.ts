import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Pair, Person, EngineSettings } from '../engine/types';
import { RoundPlan } from './round.entity';
import { RoundPlanner } from './round-planner';

/** How many rounds are planned together when no autopilot says how many are left. */
export const DEFAULT_LOOK_AHEAD = 8;

/**
 * Keeps the next rounds planned together for a stable room. A round start takes the next planned
 * round when the same people are present and no meeting happened outside the plan; otherwise the
 * engine plans that round alone (a repair), and the plan is made again for the people now present.
 */
@Injectable()
export class PlanBook {
  private readonly log = new Logger('PlanBook');

  constructor(
    private readonly db: DataSource,
    private readonly planner: RoundPlanner,
  ) {}

  /** The next planned round, if the plan still fits the room; it stays booked until `advance`. */
  async next(eventId: string, people: Person[], meetingsCount: number, avoid: Pair[]): Promise<string[][] | null> {
    const plan = await this.db.getRepository(RoundPlan).findOneBy({ eventId });
    if (!plan || plan.peopleKey !== peopleKey(people, avoid) || plan.meetingsCount !== meetingsCount) return null;
    return plan.rounds[0] ?? null;
  }

  /** The planned round was used: the rest of the plan now starts after its meetings. */
  async advance(eventId: string, meetingsCount: number): Promise<void> {
    const plan = await this.db.getRepository(RoundPlan).findOneBy({ eventId });
    if (!plan) return;
    await this.db.getRepository(RoundPlan).update({ eventId, meetingsCount: plan.meetingsCount }, { rounds: plan.rounds.slice(1), meetingsCount });
  }

  /** Runs in the background after a round starts; the result waits in the database. */
  prepare(eventId: string, people: Person[], settings: EngineSettings, history: Pair[], avoid: Pair[], rounds: number): void {
    if (rounds < 1 || people.length < 2) {
      void this.db.getRepository(RoundPlan).delete({ eventId });
      return;
    }
    this.planner
      .planAhead({ people, settings, rounds, history, avoid })
      .then((result) =>
        this.db.getRepository(RoundPlan).save({ eventId, peopleKey: peopleKey(people, avoid), meetingsCount: history.length, rounds: result.rounds, createdAt: Date.now() }),
      )
      .catch((error: Error) => this.log.warn(`planning ahead for ${eventId} failed: ${error.message}`));
  }
}

function peopleKey(people: Person[], avoid: Pair[]): string {
  const ids = people.map((p) => p.id).sort();
  const pairs = avoid.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)).sort();
  return createHash('sha256').update(ids.join(',')).update('#').update(pairs.join(',')).digest('hex');
}
