import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { AttendeeActivity } from '../../attendees/attendee-activity';
import { RoundsService } from './rounds.service';

/** Keeps the running round's groups right as people arrive, take breaks and leave. */
@Injectable()
export class SeatingListener implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  private readonly log = new Logger('Seating');

  constructor(
    private readonly activity: AttendeeActivity,
    private readonly rounds: RoundsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.activity.changes.subscribe(({ eventId, attendeeId, kind }) => {
      const work = kind === 'joined' || kind === 'back' ? this.rounds.placeLate(eventId, attendeeId) : this.rounds.unseat(eventId, attendeeId);
      work.catch((error: Error) => this.log.warn(`seating ${kind} for ${attendeeId} failed: ${error.message}`));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
