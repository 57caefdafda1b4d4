import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How many attendees each event has; the attendees table arrives with joining. */
@Injectable()
export class AttendeeCounter {
  constructor(private readonly db: DataSource) {}

  async countByEvent(eventIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!eventIds.length || !this.db.entityMetadatas.some((m) => m.tableName === 'attendees')) return counts;
    const rows: Array<{ event_id: string; n: string | number }> = await this.db
      .createQueryBuilder()
      .select('a.event_id', 'event_id')
      .addSelect('COUNT(*)', 'n')
      .from('attendees', 'a')
      .where('a.event_id IN (:...eventIds)', { eventIds })
      .andWhere("a.status <> 'removed'")
      .groupBy('a.event_id')
      .getRawMany();
    for (const r of rows) counts.set(r.event_id, Number(r.n));
    return counts;
  }
}
