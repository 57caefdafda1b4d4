import { Entity, PrimaryColumn, Column } from 'typeorm';
import { TimeColumn } from '../database/columns';

/** An organizer's log-in. The cookie holds a random token; only its keyed hash is stored. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'token_hash' }) tokenHash: string;
  @Column({ type: 'varchar', length: 36, name: 'organizer_id' }) organizerId: string;
  @TimeColumn({ name: 'created_at' }) createdAt: number;
  @TimeColumn({ name: 'expires_at' }) expiresAt: number;
}
