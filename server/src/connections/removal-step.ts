import { Injectable, OnModuleInit } from '@nestjs/common';
import { RemovalSteps } from '../attendees/removal-steps';
import { dropConnectionsOf } from './swap-requests';

/** A removed attendee's swap requests, matches and share choice go in the removal's transaction. */
@Injectable()
export class ConnectionsRemoval implements OnModuleInit {
  constructor(private readonly removalSteps: RemovalSteps) {}

  onModuleInit(): void {
    this.removalSteps.add((tx, attendee) => dropConnectionsOf(tx, attendee.id));
  }
}
