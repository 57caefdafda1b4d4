import { Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';
import { bulkInsert } from '../database/bulk-insert';
import { Store } from '../database/store';
import { OutboxEntry } from './outbox.entity';

/** Every query of the outbox table. Writes join the caller's running transaction through the Store. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly store: Store) {}

  private get entries() {
    return this.store.table(OutboxEntry);
  }

  async add(entry: OutboxEntry): Promise<void> {
    // a plain INSERT: the entry is written whole, nothing to read back
    await bulkInsert(this.store.manager, OutboxEntry, [entry]);
  }

  async remove(id: string): Promise<void> {
    await this.entries.delete({ id });
  }

  due(now: number, take: number): Promise<OutboxEntry[]> {
    return this.entries.find({ where: { dueAt: LessThanOrEqual(now) }, order: { dueAt: 'ASC' }, take });
  }

  /** Takes an entry for one try, unless another node took it first. */
  async take(entry: OutboxEntry, dueAt: number): Promise<boolean> {
    const taken = await this.entries.update({ id: entry.id, dueAt: entry.dueAt }, { dueAt, attempts: entry.attempts + 1 });
    return !!taken.affected;
  }
}
