import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { YOU_ERASED_MESSAGE } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { newToken, tokenHash } from '../common/tokens';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeeActivity } from '../attendees/attendee-activity';
import { PresenceService } from '../attendees/presence.service';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { Note, OptOut } from './connection.entities';
import { dropConnectionsOf } from './swap-requests';

/**
 * "Erase me": the profile and card are blanked, requests, matches, notes and opt-outs deleted, and
 * the token stops working. What stays is that a pair met (no names), so the other side's list can
 * say this person erased their data.
 */
@Injectable()
export class EraseService {
  constructor(
    private readonly db: DataSource,
    private readonly activity: AttendeeActivity,
    private readonly presence: PresenceService,
    private readonly broadcaster: Broadcaster,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async erase(me: Attendee): Promise<void> {
    await this.db.transaction(async (tx) => {
      await dropConnectionsOf(tx, me.id);
      await tx.delete(Note, { otherId: me.id });
      await tx.delete(OptOut, { attendeeId: me.id });
      await tx.update(
        Attendee,
        { id: me.id },
        {
          status: 'erased',
          name: '',
          headline: '',
          company: '',
          interests: [],
          card: {},
          tokenHash: tokenHash(this.config.sessionSecret, newToken()),
          updatedAt: Date.now(),
        },
      );
    });
    this.activity.emit({ eventId: me.eventId, attendeeId: me.id, kind: 'left' });
    this.presence.changed(me.eventId, me.id);
    await this.broadcaster.dismiss(rooms.attendee(me.id), 'me:removed', { reason: 'erased', message: YOU_ERASED_MESSAGE });
  }
}
