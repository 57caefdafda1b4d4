import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '../config/config';
import { newToken, tokenHash } from '../common/tokens';
import { Attendee } from '../attendees/attendee.entity';
import { PresenceService } from '../attendees/presence.service';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { Outbox } from '../outbox/outbox';
import { Note, OptOut } from './connection.entities';
import { dropConnectionsOf } from './swap-requests';

/**
 * "Erase me": the profile and card are blanked, requests, matches, notes and opt-outs deleted, and
 * the token stops working. What stays is that a pair met (no names), so the other side's list can
 * say this person erased their data.
 */
@Injectable()
export class EraseService implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly presence: PresenceService,
    private readonly bus: DomainEventBus,
    private readonly outbox: Outbox,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Their phones are told and dropped, and they leave their group, even when the node that erased them died right after. */
  onModuleInit(): void {
    this.outbox.handle('attendee.erased', (erased) => this.bus.publish('attendee.erased', erased));
  }

  async erase(me: Attendee): Promise<void> {
    const payload = { eventId: me.eventId, attendeeId: me.id };
    const followUp = await this.db.transaction(async (tx) => {
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
      return this.outbox.record('attendee.erased', payload, tx);
    });
    this.presence.changed(me.eventId, me.id);
    await this.outbox.carryOut(followUp, 'attendee.erased', payload);
  }
}
