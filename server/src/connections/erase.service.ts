import { Inject, Injectable } from '@nestjs/common';
import { YOU_ERASED_MESSAGE } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { newToken, tokenHash } from '../common/tokens';
import { Transactions } from '../database/store';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { AttendeeActivity } from '../attendees/attendee-activity';
import { PresenceService } from '../attendees/presence.service';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { ConnectionsRepository } from './connections.repository';

/**
 * "Erase me": the profile and card are blanked, requests, matches, notes and opt-outs deleted, and
 * the token stops working. What stays is that a pair met (no names), so the other side's list can
 * say this person erased their data.
 */
@Injectable()
export class EraseService {
  constructor(
    private readonly transactions: Transactions,
    private readonly connections: ConnectionsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly activity: AttendeeActivity,
    private readonly presence: PresenceService,
    private readonly broadcaster: Broadcaster,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async erase(me: Attendee): Promise<void> {
    await this.transactions.run(async () => {
      await this.connections.dropErased(me.id);
      await this.attendees.erase(me.id, tokenHash(this.config.sessionSecret, newToken()), Date.now());
    });
    this.activity.emit({ eventId: me.eventId, attendeeId: me.id, kind: 'left' });
    this.presence.changed(me.eventId, me.id);
    await this.broadcaster.dismiss(rooms.attendee(me.id), 'me:removed', { reason: 'erased', message: YOU_ERASED_MESSAGE });
  }
}
