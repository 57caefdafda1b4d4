import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AttendeesRepository } from '../../attendees/attendees.repository';
import { Outbox } from '../../outbox/outbox';
import { RoundsService } from './rounds.service';

/**
 * Keeps the running round's groups right as people arrive, take breaks and leave. Each is a
 * follow-up recorded with the attendee's write and carried out at least once, so each handler asks
 * the database again: placing someone already in a group, or removing someone who is back, does nothing.
 */
@Injectable()
export class Membership implements OnModuleInit {
  constructor(
    private readonly outbox: Outbox,
    private readonly rounds: RoundsService,
    private readonly attendees: AttendeesRepository,
  ) {}

  onModuleInit(): void {
    const place = ({ eventId, attendeeId }: { eventId: string; attendeeId: string }) => this.rounds.placeLate(eventId, attendeeId);
    const removeFromGroup = async ({ eventId, attendeeId }: { eventId: string; attendeeId: string }) => {
      const now = await this.attendees.byId(attendeeId);
      if (now?.status !== 'active') await this.rounds.removeFromGroup(eventId, attendeeId);
    };
    this.outbox.handle('attendee.joined', place);
    this.outbox.handle('attendee.back', place);
    this.outbox.handle('attendee.away', removeFromGroup);
    this.outbox.handle('attendee.left', removeFromGroup);
    this.outbox.handle('attendee.removed', removeFromGroup);
    this.outbox.handle('attendee.erased', removeFromGroup);
  }
}
