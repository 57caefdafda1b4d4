import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../database/columns';
import type { DomainEventName } from './domain-events';

/** A follow-up recorded in the transaction of its write; gone once it was carried out. */
@Entity('outbox')
export class OutboxEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 40 }) name: DomainEventName;
  @Column({ type: 'simple-json' }) payload: unknown;
  /** when any node's clock may carry it out: a little after the write, later after each try */
  @TimeColumn({ name: 'due_at' }) dueAt: number;
  @Column({ type: 'integer', default: 0 }) attempts: number;
}
