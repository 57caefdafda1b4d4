import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { ContactField } from '@mingle/shared';
import { TimeColumn } from '../database/columns';

/** "I'd like to swap contacts with them." The other side is never told. */
@Entity('swap_requests')
export class SwapRequest {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'from_id' }) fromId: string;
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'to_id' }) toId: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
}

/** Both asked: each sees the card fields the other chose to share. `a` < `b`. */
@Entity('matches')
export class Match {
  @PrimaryColumn({ type: 'varchar', length: 36 }) a: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) b: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @TimeColumn({ name: 'matched_at' }) matchedAt: number;
  @Column({ type: 'simple-json', name: 'a_fields' }) aFields: ContactField[];
  @Column({ type: 'simple-json', name: 'b_fields' }) bFields: ContactField[];
}

/** Private, one-sided: "we already know each other" or "don't group me with them again". */
@Entity('opt_outs')
export class OptOut {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'attendee_id' }) attendeeId: string;
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'other_id' }) otherId: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 12 }) reason: 'know' | 'avoid';
  @TimeColumn({ name: 'created_at' }) createdAt: number;
}

/** Which card fields an attendee shares on a match; by default all they filled in. */
@Entity('share_choices')
export class ShareChoice {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'attendee_id' }) attendeeId: string;
  @Column({ type: 'simple-json' }) fields: ContactField[];
}

/** A private note an attendee keeps about someone they met. */
@Entity('notes')
export class Note {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'attendee_id' }) attendeeId: string;
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'other_id' }) otherId: string;
  @Column({ type: 'text' }) text: string;
}
