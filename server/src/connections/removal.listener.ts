import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { AttendeeActivity } from '../attendees/attendee-activity';
import { ConnectionsService } from './connections.service';

/** A removed attendee's swap requests and matches are dropped. */
@Injectable()
export class RemovalListener implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  private readonly log = new Logger('Connections');

  constructor(
    private readonly activity: AttendeeActivity,
    private readonly connections: ConnectionsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.activity.changes.subscribe(({ attendeeId, kind }) => {
      if (kind === 'removed') this.connections.dropAllOf(attendeeId).catch((e: Error) => this.log.warn(`dropping ${attendeeId}: ${e.message}`));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
