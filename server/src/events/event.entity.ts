import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { EventLanguage, EventState, MixMode } from '@mingle/shared';
import { TimeColumn } from '../database/columns';

@Entity('events')
export class MingleEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36, name: 'organizer_id' }) organizerId: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 200 }) venue: string;
  @Column({ type: 'varchar', length: 40, name: 'starts_at', nullable: true }) startsAt: string | null;
  @Column({ type: 'varchar', length: 64, name: 'time_zone' }) timeZone: string;
  @Column({ type: 'simple-json' }) interests: string[];
  @Column({ type: 'integer', name: 'max_interests' }) maxInterests: number;
  @Column({ type: 'integer', name: 'group_size' }) groupSize: number;
  @Column({ type: 'integer', name: 'round_minutes' }) roundMinutes: number;
  @Column({ type: 'integer', name: 'break_minutes' }) breakMinutes: number;
  @Column({ type: 'varchar', length: 10, name: 'mix_mode' }) mixMode: MixMode;
  @Column({ type: 'boolean', name: 'separate_colleagues' }) separateColleagues: boolean;
  @Column({ type: 'simple-json', name: 'spot_labels' }) spotLabels: string[];
  @Column({ type: 'simple-json' }) icebreakers: string[];
  @Column({ type: 'text', name: 'privacy_note' }) privacyNote: string;
  /** gives and asks on (off by default), and the topics people may offer or look for */
  @Column({ type: 'boolean', name: 'help_on', default: false }) helpOn: boolean;
  @Column({ type: 'simple-json', name: 'help_topics' }) helpTopics: string[];
  /** the organizer's own words a name on the screen must not contain, besides the built-in list */
  @Column({ type: 'simple-json', name: 'screen_blocked_words' }) screenBlockedWords: string[];
  /** the room's language: the screen speaks it, default icebreakers and the join page's fallback use it */
  @Column({ type: 'varchar', length: 2, default: 'en' }) language: EventLanguage;
  @Column({ type: 'varchar', length: 6, name: 'join_code' }) joinCode: string;
  @Column({ type: 'varchar', length: 64, name: 'screen_key' }) screenKey: string;
  @Column({ type: 'varchar', length: 10 }) state: EventState;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt: number;
  @TimeColumn({ name: 'ended_at', nullable: true }) endedAt: number | null;
  @TimeColumn({ name: 'contacts_purged_at', nullable: true }) contactsPurgedAt: number | null;
}
