import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { AttendeeStatus, ContactCard } from '@mingle/shared';
import { TimeColumn } from '../database/columns';

@Entity('attendees')
export class Attendee {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  /** keyed hash of the attendee's token; the token itself lives only on their phone */
  @Column({ type: 'varchar', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @Column({ type: 'varchar', length: 40 }) name: string;
  @Column({ type: 'varchar', length: 80 }) headline: string;
  @Column({ type: 'varchar', length: 80 }) company: string;
  @Column({ type: 'simple-json' }) interests: string[];
  @Column({ type: 'simple-json' }) card: ContactCard;
  /** topics of the event's help list this person can help with, and would love help with; a short line */
  @Column({ type: 'simple-json' }) gives: string[];
  @Column({ type: 'simple-json' }) asks: string[];
  @Column({ type: 'varchar', length: 80, name: 'help_line', default: '' }) helpLine: string;
  @Column({ type: 'varchar', length: 10 }) status: AttendeeStatus;
  @TimeColumn({ name: 'joined_at' }) joinedAt: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt: number;
  /** while a socket is open, refreshed every minute; after it drops, when it was last seen */
  @TimeColumn({ name: 'last_seen_at' }) lastSeenAt: number;
  /** the first socket connection: someone who never connected is not here */
  @TimeColumn({ name: 'connected_at', nullable: true }) connectedAt: number | null;
  /** the organizer hid them from the screen's board (their name stays theirs everywhere else) */
  @Column({ type: 'boolean', name: 'screen_hidden', default: false }) screenHidden: boolean;
}

/** An attendee as a round seats them: all but the contact card and the token's hash, which no round shows. */
export type SeatedAttendee = Omit<Attendee, 'card' | 'tokenHash'>;

/** An attendee as a round start checks the room: present or not, and when their row last changed. */
export type Presence = Pick<Attendee, 'id' | 'status' | 'connectedAt' | 'lastSeenAt' | 'updatedAt'>;
