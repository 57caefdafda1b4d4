import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';

/** How many attendees (not removed or erased) each event has. */
@Injectable()
export class AttendeeCounter {
  constructor(private readonly db: DataSource) {}

  async countByEvent(eventIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!eventIds.length) return counts;
    const rows: Array<{ eventId: string; n: string | number }> = await this.db
      .getRepository(Attendee)
      .createQueryBuilder('a')
      .select('a.eventId', 'eventId')
      .addSelect('COUNT(*)', 'n')
      .where({ eventId: In(eventIds), status: Not(In(['removed', 'erased'])) })
      .groupBy('a.eventId')
      .getRawMany();
    for (const r of rows) counts.set(r.eventId, Number(r.n));
    return counts;
  }
}
