import { Injectable, OnModuleInit } from '@nestjs/common';
import { AvoidList } from '../mixer/rounds/avoid-list';
import { ConnectionsRepository } from './connections.repository';

/** Private opt-outs ("we already know each other", "don't group me with them") are pairs the mixer avoids. */
@Injectable()
export class OptOutAvoidance implements OnModuleInit {
  constructor(
    private readonly avoid: AvoidList,
    private readonly connections: ConnectionsRepository,
  ) {}

  onModuleInit(): void {
    this.avoid.add((eventId) => this.connections.optOutPairs(eventId));
  }
}
