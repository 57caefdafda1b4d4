import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AvoidList } from '../mixer/rounds/avoid-list';
import { OptOut } from './connection.entities';

/** Private opt-outs ("we already know each other", "don't group me with them") are pairs the mixer avoids. */
@Injectable()
export class OptOutAvoidance implements OnModuleInit {
  constructor(
    private readonly avoid: AvoidList,
    private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.avoid.add(async (eventId) => {
      const rows = await this.db.getRepository(OptOut).find({ select: { attendeeId: true, otherId: true }, where: { eventId } });
      return rows.map((r) => [r.attendeeId, r.otherId]);
    });
  }
}
