import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { RoundFigures, RoundState } from '@mingle/shared';
import type { PlanStats } from '../engine/types';
import { TimeColumn } from '../../database/columns';

@Entity('rounds')
export class Round {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'integer' }) number: number;
  /** 'staged': written ahead, the next round as planned; no reader sees it until a start makes it run (see RoundsRepository.stage) */
  @Column({ type: 'varchar', length: 10 }) state: RoundState | 'staged';
  @TimeColumn({ name: 'started_at' }) startedAt: number;
  @TimeColumn({ name: 'ends_at' }) endsAt: number;
  @TimeColumn({ name: 'ended_at', nullable: true }) endedAt: number | null;
  @Column({ type: 'simple-json' }) figures: RoundFigures;
  /** the event's help topics when the round was grouped with gives and asks, else null */
  @Column({ type: 'simple-json', name: 'help_topics', nullable: true }) helpTopics: string[] | null;
  /** a staged round's room: everything its groups were planned for (see PlanBook); null once it runs */
  @Column({ type: 'varchar', length: 64, name: 'room_key', nullable: true }) roomKey: string | null;
}

@Entity('groups')
export class Group {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'round_id' }) roundId: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'varchar', length: 40 }) spot: string;
  @Column({ type: 'varchar', length: 200 }) icebreaker: string;
}

@Entity('group_members')
export class GroupMember {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'group_id' }) groupId: string;
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'attendee_id' }) attendeeId: string;
  @Column({ type: 'varchar', length: 36, name: 'round_id' }) roundId: string;
  @TimeColumn({ name: 'joined_at' }) joinedAt: number;
  @TimeColumn({ name: 'arrived_at', nullable: true }) arrivedAt: number | null;
  @TimeColumn({ name: 'left_at', nullable: true }) leftAt: number | null;
  /** placed after the round started: a late joiner or someone moved from a group that emptied */
  @Column({ type: 'boolean' }) moved: boolean;
}

/** Two attendees shared a group in a round; `a` < `b`. Feeds repeat avoidance and who may swap. */
@Entity('meetings')
export class Meeting {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'round_id' }) roundId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) a: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) b: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'integer', name: 'round_number' }) roundNumber: number;
  @Column({ type: 'varchar', length: 36, name: 'group_id' }) groupId: string;
}

@Entity('autopilots')
export class Autopilot {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 10 }) state: 'off' | 'running' | 'paused';
  @Column({ type: 'integer', name: 'rounds_left' }) roundsLeft: number;
  @Column({ type: 'integer', name: 'round_minutes' }) roundMinutes: number;
  @Column({ type: 'integer', name: 'break_minutes' }) breakMinutes: number;
  @TimeColumn({ name: 'next_round_at', nullable: true }) nextRoundAt: number | null;
  /** while paused in a break: how much of the break was left */
  @TimeColumn({ name: 'paused_left_ms', nullable: true }) pausedLeftMs: number | null;
}

/**
 * Rounds planned ahead for a stable room: the next rounds, computed off the request path, used
 * while the same people are present and nothing else was recorded meanwhile. Losing it costs
 * only quality (the engine then plans one round), never correctness.
 */
@Entity('round_plans')
export class RoundPlan {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 64, name: 'people_key' }) peopleKey: string;
  @Column({ type: 'integer', name: 'meetings_count' }) meetingsCount: number;
  @Column({ type: 'simple-json' }) rounds: string[][][];
  /** each planned round's figures, worked out with the plan (absent in plans stored before they were kept) */
  @Column({ type: 'simple-json', nullable: true }) stats: PlanStats[] | null;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
}
