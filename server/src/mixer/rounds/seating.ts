import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AttendeesRepository } from '../../attendees/attendees.repository';
import { Outbox } from '../../outbox/outbox';
import { RoundsService } from './rounds.service';

/**
 * Keeps the running round's groups right as people arrive, take breaks and leave. Each is a
 * follow-up recorded with the attendee's write and carried out at least once, so each handler asks
 * the database again: placing someone already seated, or unseating someone who is back, does nothing.
 */
@Injectable()
export class Seating implements OnModuleInit {
  constructor(
    private readonly outbox: Outbox,
    private readonly rounds: RoundsService,
    private readonly attendees: AttendeesRepository,
  ) {}

  onModuleInit(): void {
    const place = ({ eventId, attendeeId }: { eventId: string; attendeeId: string }) => this.rounds.placeLate(eventId, attendeeId);
    const unseat = async ({ eventId, attendeeId }: { eventId: string; attendeeId: string }) => {
      const now = await this.attendees.byId(attendeeId);
      if (now?.status !== 'active') await this.rounds.unseat(eventId, attendeeId);
    };
    this.outbox.handle('attendee.joined', place);
    this.outbox.handle('attendee.back', place);
    this.outbox.handle('attendee.away', unseat);
    this.outbox.handle('attendee.left', unseat);
    this.outbox.handle('attendee.removed', unseat);
    this.outbox.handle('attendee.erased', unseat);
  }
}
