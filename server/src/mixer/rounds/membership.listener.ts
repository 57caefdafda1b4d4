import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { AttendeeActivity } from '../../attendees/attendee-activity';
import { RoundsService } from './rounds.service';
import { EventNews } from '../../events/event-news';
import { RoundControl } from './round-control';
import { AutopilotService } from './autopilot.service';

/** Keeps the running round's groups right as people arrive, take breaks and leave, and closes rounds when the event ends. */
@Injectable()
export class MembershipListener implements OnModuleInit, OnModuleDestroy {
  private subscriptions: Subscription[] = [];
  private readonly log = new Logger('Membership');

  constructor(
    private readonly activity: AttendeeActivity,
    private readonly rounds: RoundsService,
    private readonly eventNews: EventNews,
    private readonly control: RoundControl,
    private readonly autopilot: AutopilotService,
  ) {}

  onModuleInit(): void {
    this.subscriptions.push(
      this.activity.changes.subscribe(({ eventId, attendeeId, kind }) => {
        const work =
          kind === 'joined' || kind === 'back'
            ? this.rounds.placeLate(eventId, attendeeId)
            : this.rounds.removeFromGroup(eventId, attendeeId);
        work.catch((error: Error) => this.log.warn(`membership ${kind} for ${attendeeId} failed: ${error.message}`));
      }),
      // When the event ends, the autopilot stops and a running round ends with it.
      this.eventNews.ended.subscribe((eventId) => {
        this.autopilot
          .stop(eventId)
          .then(() => this.control.end(eventId))
          .catch((error: Error) => this.log.warn(`closing rounds of ${eventId} failed: ${error.message}`));
      }),
    );
  }

  onModuleDestroy(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
  }
}
