import { Injectable, OnModuleInit } from '@nestjs/common';
import { RemovalSteps } from '../attendees/removal-steps';
import { ConnectionsRepository } from './connections.repository';

/** A removed attendee's swap requests, matches and share choice go in the removal's transaction. */
@Injectable()
export class ConnectionsRemoval implements OnModuleInit {
  constructor(
    private readonly removalSteps: RemovalSteps,
    private readonly connections: ConnectionsRepository,
  ) {}

  onModuleInit(): void {
    this.removalSteps.add((attendee) => this.connections.dropAllOf(attendee.id));
  }
}
