import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActionKind, MemberRole } from '@mingle/shared';
import { TimeColumn } from '../database/columns';

/** A host or viewer of an event (its owner is `events.organizer_id`). */
@Entity('event_members')
export class EventMember {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'organizer_id' }) organizerId: string;
  @Column({ type: 'varchar', length: 10 }) role: MemberRole;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
}

/** A single-use invite link; only the keyed hash of its token is stored. */
@Entity('team_invites')
export class TeamInvite {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'token_hash' }) tokenHash: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 10 }) role: MemberRole;
  @Column({ type: 'boolean', name: 'all_events' }) allEvents: boolean;
  @Column({ type: 'varchar', length: 36, name: 'created_by' }) createdBy: string;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
  @TimeColumn({ name: 'expires_at' }) expiresAt: number;
  @TimeColumn({ name: 'used_at', nullable: true }) usedAt: number | null;
}

/** One live action and who did it ("Round 3 started by Sam"). */
@Entity('live_actions')
export class LiveActionRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 36, name: 'organizer_id', nullable: true }) organizerId: string | null;
  @Column({ type: 'varchar', length: 80, name: 'by_name' }) byName: string;
  @Column({ type: 'varchar', length: 30 }) kind: ActionKind;
  @Column({ type: 'integer', nullable: true }) count: number | null;
  @TimeColumn() at: number;
}
