import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { EventLanguage } from '@mingle/shared';
import { TimeColumn } from '../database/columns';

@Entity('organizers')
export class Organizer {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 254, unique: true }) email: string;
  @Column({ type: 'varchar', length: 80 }) name: string;
  @Column({ type: 'varchar', length: 200, name: 'password_hash' }) passwordHash: string;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
  /** 'first' for the one organizer who signed up while sign-up was closed (unique); else null */
  @Column({ type: 'varchar', length: 16, name: 'signup_slot', nullable: true, unique: true }) signupSlot: string | null;
  /** the console's language they picked; null until they pick one */
  @Column({ type: 'varchar', length: 2, nullable: true }) language: EventLanguage | null;
}
