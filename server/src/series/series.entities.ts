import { Entity, PrimaryColumn, Column } from 'typeorm';
import { TimeColumn } from '../database/columns';

/** An organizer's series of events (a monthly meetup). */
@Entity('series')
export class Series {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'organizer_id' }) organizerId: string;
  @Column({ type: 'varchar', length: 80 }) name: string;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
}

/** An event in a series (at most one). */
@Entity('series_events')
export class SeriesEvent {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 36, name: 'series_id' }) seriesId: string;
}

/**
 * Someone who chose "Remember me for this series": only keyed hashes of their series token (on their
 * phone) and, if they chose, of their normalised email.
 */
@Entity('series_people')
export class SeriesPerson {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'series_id' }) seriesId: string;
  @Column({ type: 'varchar', length: 64, name: 'token_hash', unique: true }) tokenHash: string;
  @Column({ type: 'varchar', length: 64, name: 'email_hash', nullable: true }) emailHash: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
}

/** One attendee row recognised as a series person: by the phone's token, or by email only. */
@Entity('series_attendees')
export class SeriesAttendee {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'attendee_id' }) attendeeId: string;
  @Column({ type: 'varchar', length: 36, name: 'person_id' }) personId: string;
  @Column({ type: 'varchar', length: 36, name: 'series_id' }) seriesId: string;
  @Column({ type: 'varchar', length: 36, name: 'event_id' }) eventId: string;
  @Column({ type: 'varchar', length: 8, name: 'linked_by' }) by: 'token' | 'email';
}
