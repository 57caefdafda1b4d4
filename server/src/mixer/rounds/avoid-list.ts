import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OptOut } from '../../connections/connection.entities';
import type { Pair } from '../engine/types';

/** Pairs never to group again: anyone's private "we already know each other" or "don't group me with them". */
@Injectable()
export class AvoidList {
  constructor(private readonly db: DataSource) {}

  async pairs(eventId: string): Promise<Pair[]> {
    const rows = await this.db.getRepository(OptOut).find({ select: { attendeeId: true, otherId: true }, where: { eventId } });
    return rows.map((r) => [r.attendeeId, r.otherId]);
  }
}
